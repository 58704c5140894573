package dev.logindoctor.steps;

import dev.logindoctor.model.Cause;
import dev.logindoctor.model.Evidence;
import dev.logindoctor.model.Finding;
import dev.logindoctor.model.LoginFlow;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * CONNECTED_APP_CLIENT_INVALID: the token endpoint refused the consumer key or secret itself —
 * invalid_client_id, invalid_client "invalid client credentials" — or LoginHistory recorded a
 * missing consumer key or a deleted consumer. Wrong, rotated or deleted: the fix is the app's
 * current key and secret in the integration's secret.
 */
public final class CheckConnectedAppClient extends BaseCheck {

    public CheckConnectedAppClient() {
        super(Cause.CONNECTED_APP_CLIENT_INVALID, true, false);
    }

    @Override
    public Finding check(Evidence evidence) {
        Facts f = Facts.of(evidence);
        ErrorSignals err = f.errors();
        if (f.report().flow() == LoginFlow.SOAP) {
            return ruledOut(List.of("SOAP login() uses no connected app"));
        }
        if (f.row().says(LoginStatus.CONSUMER_DELETED)) {
            return confirmed(f.row().lines(), "The app was deleted from the org. Re-create it (or re-install its package), then put its new "
                    + "consumer key and secret from " + ConnectedApps.consumerDetailsPath(ConnectedApps.display(f)) + " in "
                    + secretRef(f.report().credentialSecret()) + ".");
        }
        if (f.row().says(LoginStatus.MISSING_CONSUMER_KEY)) {
            return confirmed(f.row().lines(), "The token request carried no client_id: send the consumer key from "
                    + ConnectedApps.consumerDetailsPath(ConnectedApps.display(f)) + " as client_id, form-encoded in the POST body.");
        }
        if (err.clientInvalid()) {
            List<String> lines = new ArrayList<>();
            lines.add(err.describe() + ": the token endpoint refused the " + (err.codeIs("invalid_client_id") ? "consumer key" : "client credentials"));
            lines.addAll(ConnectedApps.policyLines(f));
            return confirmed(lines, remediation(f, err.codeIs("invalid_client_id")));
        }
        Optional<String> other = err.namedReason();
        if (other.isPresent()) {
            return ruledOut(List.of(err.describe() + ": the error names " + other.get() + ", not the consumer key or secret"));
        }
        List<String> lines = new ArrayList<>();
        lines.add(err.describe() + ": not an invalid_client answer, so the key and secret were accepted or never checked");
        return inconclusive(lines);
    }

    private static String remediation(Facts f, boolean key) {
        String details = ConnectedApps.consumerDetailsPath(ConnectedApps.display(f));
        String secret = secretRef(f.report().credentialSecret());
        if (key) {
            return "This org knows no app with that consumer key (a typo, an app from another org, or a sandbox refreshed since the key "
                    + "was copied). Copy the Consumer Key from " + details + " into " + secret + ".";
        }
        return "The consumer secret does not match the app's: it was rotated or mistyped. Copy the current Consumer Secret from " + details
                + " into " + secret + " (after a rotation the old secret stops working once the new one is applied).";
    }
}
