package dev.logindoctor.steps;

import dev.logindoctor.model.Cause;
import dev.logindoctor.model.EffectivePermissions;
import dev.logindoctor.model.Evidence;
import dev.logindoctor.model.Finding;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * API_ACCESS_DISABLED: API access is off for the org's edition or for the user (API Enabled). The
 * org's trial having expired also switches the API off: that is ORG_UNAVAILABLE, read first.
 */
public final class CheckApiAccess extends BaseCheck {

    public CheckApiAccess() {
        super(Cause.API_ACCESS_DISABLED, true, false);
    }

    @Override
    public Finding check(Evidence evidence) {
        Facts f = Facts.of(evidence);
        ErrorSignals err = f.errors();
        String user = f.username();
        String profile = IpCheck.profileName(f.org());
        Optional<String> code = err.apiAccessCode();
        if (code.isPresent()) {
            return confirmed(List.of(err.describe()), code.get().equals("API_DISABLED_FOR_ORG") ? orgFix() : userFix(user, profile));
        }
        if (f.row().says(LoginStatus.OAUTH_API_DISABLED)) {
            return confirmed(f.row().lines(), userFix(user, profile));
        }
        List<String> lines = new ArrayList<>();
        if (err.namedCause() != null) {
            lines.add(err.describe() + " names another cause (" + err.namedCause() + ")");
            return ruledOut(lines);
        }
        if (!f.org().available()) {
            lines.add("API access is unknown: " + f.org().gap("permissions"));
            return inconclusive(lines);
        }
        if (f.scope().different()) {
            lines.add("the user's permissions are not evidence: " + f.scope().reason());
            return inconclusive(lines);
        }
        boolean otherReason = f.row().namesOtherReasonThan(Cause.API_ACCESS_DISABLED);
        if (otherReason) {
            lines.addAll(f.row().lines());
        }
        EffectivePermissions perms = f.org().permissions();
        Boolean apiEnabled = perms == null ? null : perms.apiEnabled();
        if (Boolean.FALSE.equals(f.org().settings().apiEnabledForOrg()) && !otherReason) {
            lines.add("the org's API access is off");
            return confirmed(lines, orgFix());
        }
        if (Boolean.FALSE.equals(apiEnabled) && !otherReason) {
            lines.add("the user " + user + " lacks API Enabled" + CredentialFailure.grantedBy(perms));
            return confirmed(lines, userFix(user, profile));
        }
        if (Boolean.TRUE.equals(apiEnabled)) {
            lines.add("the user has API Enabled" + CredentialFailure.grantedBy(perms));
            return ruledOut(lines);
        }
        lines.add(apiEnabled == null ? "API Enabled unknown: " + f.org().gap("permissions")
                : "the user lacks API Enabled, but the failing attempt failed for another recorded reason");
        return inconclusive(lines);
    }

    private static String orgFix() {
        return "The org has no API access (\"API is not enabled for this Organization or Partner\"): it needs an edition with API access "
                + "(Enterprise, Unlimited, Performance, Developer) or the API add-on for Professional Edition; Setup → Company Information "
                + "shows the edition.";
    }

    private static String userFix(String user, String profile) {
        return "Give " + user + " API Enabled: Setup → Profiles → " + profile + " → System Permissions → API Enabled, "
                + "or a permission set with API Enabled assigned to the user (Setup → Permission Sets).";
    }
}
