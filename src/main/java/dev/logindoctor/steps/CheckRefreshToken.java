package dev.logindoctor.steps;

import dev.logindoctor.model.Cause;
import dev.logindoctor.model.Evidence;
import dev.logindoctor.model.Finding;
import dev.logindoctor.model.LoginFlow;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * REFRESH_TOKEN_INVALID: a refresh answered invalid_grant "expired access/refresh token" — the
 * refresh token was revoked, expired under the app's refresh token policy, or replaced by a
 * concurrent refresh under rotation. The report decides; the org, when read, names the app and
 * its policy so the fix says which of the three is likely.
 */
public final class CheckRefreshToken extends BaseCheck {

    public CheckRefreshToken() {
        super(Cause.REFRESH_TOKEN_INVALID, true, false);
    }

    @Override
    public Finding check(Evidence evidence) {
        Facts f = Facts.of(evidence);
        LoginFlow flow = f.report().flow();
        ErrorSignals err = f.errors();
        if (flow != LoginFlow.OAUTH_REFRESH_TOKEN) {
            if (err.refreshTokenText()) {
                return inconclusive(List.of(err.describe() + ": that answer is the refresh-token grant's, but the report names the "
                        + flow + " flow; if the integration was refreshing a token, report flow OAUTH_REFRESH_TOKEN"));
            }
            return ruledOut(List.of("the " + flow + " flow sends no refresh token"));
        }
        if (err.sessionExpired()) {
            return inconclusive(List.of(err.describe() + ": an API call's answer for an access token that timed out, not the"
                    + " token endpoint refusing the refresh token; a refresh would get a new access token"));
        }
        if (err.refreshTokenInvalid()) {
            List<String> lines = new ArrayList<>();
            lines.add(err.describe() + ": the token endpoint refused the refresh token itself");
            lines.addAll(ConnectedApps.policyLines(f));
            return confirmed(lines, remediation(f));
        }
        Optional<String> other = err.namedReason();
        if (other.isPresent()) {
            return ruledOut(List.of(err.describe() + ": the error names " + other.get() + ", not the refresh token"));
        }
        return inconclusive(List.of(err.describe() + ": not the \"expired access/refresh token\" answer"));
    }

    private static String remediation(Facts f) {
        String app = ConnectedApps.display(f);
        String why = ConnectedApps.policy(f)
                .filter(p -> p.refreshTokenValidityPeriod() != null)
                .map(p -> "The app's policy expires refresh tokens (" + ConnectedApps.refreshPolicy(p) + "): an unused or old token died by policy. ")
                .orElse("The token was revoked (by the user, an admin, or a password reset), expired under the app's refresh token policy, "
                        + "or replaced by a newer one when refresh token rotation is on. ");
        return why + "Authorize the integration again (web-server flow as " + f.username() + ") and store the new refresh token in "
                + secretRef(f.report().credentialSecret()) + ". To keep it alive: " + ConnectedApps.policiesPath(app)
                + " → Refresh Token Policy: \"Refresh token is valid until revoked\"; with refresh token rotation on, let one process "
                + "refresh at a time and store the refresh token every refresh returns.";
    }
}
