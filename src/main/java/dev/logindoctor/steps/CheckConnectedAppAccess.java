package dev.logindoctor.steps;

import dev.logindoctor.model.Cause;
import dev.logindoctor.model.Evidence;
import dev.logindoctor.model.Finding;
import dev.logindoctor.model.LoginFlow;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * CONNECTED_APP_ACCESS_DENIED: the app exists but this user (or this org) may not use it —
 * invalid_app_access "user is not admin approved to access this app", invalid_grant "no client
 * credentials user enabled", "External client app is not installed in this org", or the
 * "Package for this consumer is not installed" history row. The app's policy, when readable, is
 * context for the fix; it never confirms on its own (the JWT bearer flow answers the same
 * assignment gap with "user hasn't approved this consumer", CONNECTED_APP_NOT_APPROVED's signal).
 */
public final class CheckConnectedAppAccess extends BaseCheck {

    public CheckConnectedAppAccess() {
        super(Cause.CONNECTED_APP_ACCESS_DENIED, true, false);
    }

    @Override
    public Finding check(Evidence evidence) {
        Facts f = Facts.of(evidence);
        ErrorSignals err = f.errors();
        if (f.report().flow() == LoginFlow.SOAP) {
            return ruledOut(List.of("SOAP login() uses no connected app"));
        }
        Optional<ErrorSignals.AppAccessProblem> problem = err.appAccessProblem();
        if (problem.isPresent()) {
            List<String> lines = new ArrayList<>();
            lines.add(err.describe());
            lines.addAll(ConnectedApps.policyLines(f));
            return confirmed(lines, remediation(f, problem.get()));
        }
        if (f.row().says(LoginStatus.CONSUMER_PACKAGE_MISSING)) {
            return confirmed(f.row().lines(), remediation(f, ErrorSignals.AppAccessProblem.NOT_INSTALLED));
        }
        Optional<String> other = err.namedReason();
        if (other.isPresent()) {
            return ruledOut(List.of(err.describe() + ": the error names " + other.get() + ", not the app refusing the user"));
        }
        List<String> lines = new ArrayList<>();
        lines.add(err.describe() + ": not one of the app-access answers (invalid_app_access, no client credentials user, app not installed)");
        lines.addAll(ConnectedApps.policyLines(f));
        return inconclusive(lines);
    }

    private static String remediation(Facts f, ErrorSignals.AppAccessProblem problem) {
        String app = ConnectedApps.display(f);
        return switch (problem) {
            case NOT_ASSIGNED -> "The app admits only admin-approved users and " + f.username() + " is not one: Setup → App Manager → " + app
                    + " → Manage → Manage Profiles (add profile " + IpCheck.profileName(f.org()) + ") or Manage Permission Sets (add a set assigned"
                    + " to the user); External Client Apps: Setup → External Client App Manager → " + app + " → Policies → App Policies → "
                    + "Select Profiles / Select Permission Sets. If the org has API Access Control on, the app must also be allowed there.";
            case NO_RUN_AS_USER -> "The client credentials flow runs as the app's Run As user, and none is set: " + ConnectedApps.policiesPath(app)
                    + " → Client Credentials Flow → Run As: choose the integration user (the app's OAuth settings must also have"
                    + " \"Enable Client Credentials Flow\").";
            case NOT_INSTALLED -> "The app is not installed in this org (common after a sandbox refresh, and for apps authorized from another"
                    + " org since uninstalled apps were restricted in September 2025): install it — Setup → Connected Apps OAuth Usage → " + app
                    + " → Install, or for an External Client App, Setup → External Client App Manager → install it or deploy its package —"
                    + " then pre-authorize the integration user.";
        };
    }
}
