package dev.logindoctor.steps;

import dev.logindoctor.model.Cause;
import dev.logindoctor.model.Evidence;
import dev.logindoctor.model.Finding;
import dev.logindoctor.model.LoginFlow;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * JWT_ASSERTION_INVALID: the JWT bearer assertion's audience, expiry, signature or issuer is wrong,
 * as the token endpoint's error (or a SAML-style history row) says.
 */
public final class CheckJwtAssertion extends BaseCheck {

    public CheckJwtAssertion() {
        super(Cause.JWT_ASSERTION_INVALID, true, false);
    }

    @Override
    public Finding check(Evidence evidence) {
        Facts f = Facts.of(evidence);
        if (f.report().flow() != LoginFlow.OAUTH_JWT) {
            return ruledOut(List.of("the " + f.report().flow() + " flow sends no JWT assertion"));
        }
        ErrorSignals err = f.errors();
        Optional<ErrorSignals.JwtProblem> problem = err.jwtProblem();
        if (problem.isPresent()) {
            return confirmed(List.of(err.describe()), remediation(f, problem.get()));
        }
        if (f.row().says(LoginStatus.AUDIENCE_INVALID)) {
            return confirmed(f.row().lines(), remediation(f, ErrorSignals.JwtProblem.AUDIENCE));
        }
        if (f.row().says(LoginStatus.ASSERTION_EXPIRED)) {
            return confirmed(f.row().lines(), remediation(f, ErrorSignals.JwtProblem.EXPIRED));
        }
        List<String> lines = new ArrayList<>();
        Optional<String> other = err.namedReason();
        if (other.isPresent()) {
            lines.add(err.describe() + ": the error names " + other + ", not the assertion");
            return ruledOut(lines);
        }
        lines.add(err.describe() + ": not one of the assertion errors (audience, expired, invalid assertion, client identifier)");
        lines.addAll(f.row().lines());
        return inconclusive(lines);
    }

    private static String remediation(Facts f, ErrorSignals.JwtProblem problem) {
        String app = "<your connected app>";
        return switch (problem) {
            case AUDIENCE -> "Set the assertion's aud claim to " + audience(f) + ": " + LoginHost.PRODUCTION_LOGIN
                    + " for production orgs, " + LoginHost.SANDBOX_LOGIN + " for sandboxes (an Experience Cloud site's URL only for site users).";
            case EXPIRED -> "Set the assertion's exp to at most 3 minutes after the time of signing (exp = now + ≤180 s, in epoch seconds), "
                    + "and keep the integration host's clock NTP-synchronized: a skewed clock makes fresh assertions look expired.";
            case SIGNATURE -> "Sign the assertion with RS256 using the private key whose certificate is on the connected app "
                    + "(Setup → App Manager → " + app + " → Edit → Use digital signatures): re-upload the certificate if the key was rotated.";
            case ISSUER -> "Set the assertion's iss claim to the connected app's Consumer Key (Setup → App Manager → " + app
                    + " → View → Manage Consumer Details).";
        };
    }

    private static String audience(Facts f) {
        if (f.org().available() && f.org().organization() != null) {
            return f.org().organization().sandbox() ? LoginHost.SANDBOX_LOGIN + " (the org is a sandbox)"
                    : LoginHost.PRODUCTION_LOGIN + " (the org is a production org)";
        }
        LoginHost.Environment env = f.host().environment();
        if (env == LoginHost.Environment.PRODUCTION) {
            return LoginHost.PRODUCTION_LOGIN;
        }
        if (env != LoginHost.Environment.UNKNOWN) {
            return LoginHost.SANDBOX_LOGIN;
        }
        return LoginHost.PRODUCTION_LOGIN + " or " + LoginHost.SANDBOX_LOGIN;
    }
}
