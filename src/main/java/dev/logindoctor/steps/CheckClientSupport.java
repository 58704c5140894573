package dev.logindoctor.steps;

import dev.logindoctor.model.Cause;
import dev.logindoctor.model.Evidence;
import dev.logindoctor.model.Finding;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * CLIENT_UNSUPPORTED: Salesforce refuses the client itself: a retired or unknown API version, an
 * old TLS version, a client it requires to be updated. Nothing about the user or the org's policies.
 */
public final class CheckClientSupport extends BaseCheck {

    public CheckClientSupport() {
        super(Cause.CLIENT_UNSUPPORTED, true, false);
    }

    @Override
    public Finding check(Evidence evidence) {
        Facts f = Facts.of(evidence);
        ErrorSignals err = f.errors();
        Optional<String> code = err.clientUnsupportedCode();
        if (code.isPresent()) {
            return confirmed(List.of(err.describe()), code.get().equals("UNSUPPORTED_CLIENT") ? tlsFix() : versionFix(f));
        }
        if (f.row().says(LoginStatus.API_VERSION_REMOVED)) {
            return confirmed(f.row().lines(), versionFix(f));
        }
        if (f.row().says(LoginStatus.INSECURE_CHANNEL)) {
            return confirmed(f.row().lines(), tlsFix());
        }
        if (f.row().says(LoginStatus.CLIENT_UPDATE_REQUIRED)) {
            return confirmed(f.row().lines(), "Salesforce requires a newer version of the client that made this login ("
                    + f.row().row().map(r -> r.application()).filter(a -> a != null && !a.isBlank()).orElse("the integration's client")
                    + "): update it or its Salesforce library, then retry once.");
        }
        List<String> lines = new ArrayList<>(f.row().lines());
        if (f.row().kind() == ExplainingRow.Kind.ROW && f.row().namesOtherReasonThan(Cause.CLIENT_UNSUPPORTED)) {
            lines.add("the failing attempt's row gives another reason than the client's version or TLS");
            return ruledOut(lines);
        }
        lines.add("neither the error nor a LoginHistory row says the API version or the TLS version was refused");
        return inconclusive(lines);
    }

    private static String versionFix(Facts f) {
        String asked = f.host().soapApiVersion().map(v -> " (the login URL asks for v" + v + ")").orElse("");
        return "Salesforce no longer serves the API version the integration calls" + asked + ": move its endpoint to a supported "
                + "version (Salesforce retires old versions; the versions an org serves are listed at /services/data). SOAP login() "
                + "itself exists only up to v" + CheckLoginFlow.LAST_SOAP_LOGIN_VERSION + ".0, so a SOAP integration should move to the "
                + "OAuth JWT bearer flow rather than to a newer login() version.";
    }

    private static String tlsFix() {
        return "The integration connected over an old TLS version, which Salesforce refuses: run it on a runtime that speaks TLS 1.2 "
                + "or later (e.g. Java 8u161+ / any Java 11+, .NET 4.7+, OpenSSL 1.0.1+), and make sure no proxy downgrades it.";
    }
}
