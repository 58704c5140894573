package dev.logindoctor.steps;

import dev.logindoctor.model.Cause;
import dev.logindoctor.model.Evidence;
import dev.logindoctor.model.Finding;
import dev.logindoctor.model.LoginFlow;

import java.util.List;
import java.util.Optional;

/**
 * CONNECTED_APP_NOT_APPROVED: an OAuth flow answered {@code invalid_grant} "user hasn't approved this
 * consumer": the app is admin-approved-only and the user is not pre-authorized. Reads the report;
 * uses the org, when present, only to name the app and the profile.
 */
public final class CheckConnectedAppApproval extends BaseCheck {

    public CheckConnectedAppApproval() {
        super(Cause.CONNECTED_APP_NOT_APPROVED, false, false);
    }

    @Override
    public Finding check(Evidence evidence) {
        Facts f = Facts.of(evidence);
        LoginFlow flow = f.report().flow();
        ErrorSignals err = f.errors();
        if (flow == LoginFlow.SOAP) {
            return ruledOut(List.of("SOAP login() uses no connected app"));
        }
        if (err.consumerNotApproved()) {
            return confirmed(List.of(err.describe()), remediation(f));
        }
        Optional<String> other = err.namedReason();
        if (other.isPresent()) {
            return ruledOut(List.of(err.describe() + ": the error names " + other.get() + ", not a missing approval"));
        }
        return inconclusive(List.of(err.describe() + ": not the 'user hasn't approved this consumer' answer, but the bundled error hides the reason"));
    }

    private static String remediation(Facts f) {
        String app = f.org().available()
                ? f.row().row().map(r -> r.application()).filter(a -> a != null && !a.isBlank()).orElse("<your connected app>")
                : "<your connected app>";
        String profile = IpCheck.profileName(f.org());
        return "Setup → App Manager → " + app + " → Manage → Edit Policies → Permitted Users: \"Admin approved users are pre-authorized\"; "
                + "then on the app's Manage page add profile " + profile + " (Manage Profiles) or a permission set assigned to "
                + f.username() + " (Manage Permission Sets).";
    }
}
