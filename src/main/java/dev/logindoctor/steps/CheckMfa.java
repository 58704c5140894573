package dev.logindoctor.steps;

import dev.logindoctor.model.Cause;
import dev.logindoctor.model.EffectivePermissions;
import dev.logindoctor.model.Evidence;
import dev.logindoctor.model.Finding;
import dev.logindoctor.model.LoginFlow;

import java.util.ArrayList;
import java.util.List;

/**
 * MFA_REQUIRED: a "Multi-factor required" row; MFA for UI logins on a user without API Only User
 * with the interactive web-server flow; or MFA for API Logins with a password-sending flow (the
 * token is rejected, a TOTP is required; decided with the credential steps through {@link CredentialFailure}).
 */
public final class CheckMfa extends BaseCheck {

    public CheckMfa() {
        super(Cause.MFA_REQUIRED, true, false);
    }

    @Override
    public Finding check(Evidence evidence) {
        Facts f = Facts.of(evidence);
        String user = f.username();
        LoginFlow flow = f.report().flow();
        if (f.row().says(LoginStatus.MFA_REQUIRED)) {
            EffectivePermissions perms = f.org().available() ? f.org().permissions() : null;
            boolean apiMfa = perms != null && Boolean.TRUE.equals(perms.mfaForApiLogins());
            return confirmed(f.row().lines(), apiMfa ? apiRemediation(f) : uiRemediation(user));
        }
        CredentialFailure credential = f.credential();
        if (credential.outcome() == CredentialFailure.Outcome.MFA_FOR_API_LOGINS) {
            return confirmed(lines(f.row().lines(), credential.lines()), apiRemediation(f));
        }
        List<String> lines = new ArrayList<>(f.row().lines());
        if (flow == LoginFlow.OAUTH_JWT || flow == LoginFlow.OAUTH_REFRESH_TOKEN || flow == LoginFlow.OAUTH_CLIENT_CREDENTIALS) {
            lines.add(0, "the " + flow + " flow is non-interactive and sends no password: no MFA challenge applies to it");
            return ruledOut(lines);
        }
        if (f.scope().different()) {
            return inconclusive(List.of("the user's permissions are not evidence: " + f.scope().reason()));
        }
        EffectivePermissions perms = f.org().available() ? f.org().permissions() : null;
        if (perms == null) {
            lines.add(0, "the user's MFA permissions are unknown: " + f.org().gap("permissions"));
            return inconclusive(lines);
        }
        String from = CredentialFailure.grantedBy(perms);
        if (flow != null && flow.sendsPassword()) {
            if (Boolean.FALSE.equals(perms.mfaForApiLogins())) {
                lines.add(0, "no Multi-Factor Authentication for API Logins" + from
                        + "; MFA for UI logins does not apply to " + flow + " logins");
                return ruledOut(lines);
            }
            lines.add(0, Boolean.TRUE.equals(perms.mfaForApiLogins())
                    ? "the user has Multi-Factor Authentication for API Logins" + from + ", but the failing attempt failed for another recorded reason"
                    : "whether the user has Multi-Factor Authentication for API Logins is unknown");
            return inconclusive(lines);
        }
        // OAUTH_WEB_SERVER: an interactive UI login, where MFA for UI logins applies.
        if (Boolean.TRUE.equals(perms.apiOnlyUser())) {
            lines.add(0, "the user is API Only" + from + ": MFA for UI logins does not apply");
            return ruledOut(lines);
        }
        if (Boolean.TRUE.equals(perms.bypassMfaForUiLogins())) {
            lines.add(0, "the user has Waive Multi-Factor Authentication for Exempt Users" + from);
            return ruledOut(lines);
        }
        if (Boolean.FALSE.equals(perms.mfaForUiLogins())) {
            lines.add(0, "no Multi-Factor Authentication for User Interface Logins" + from);
            return ruledOut(lines);
        }
        if (Boolean.TRUE.equals(perms.mfaForUiLogins()) && perms.apiOnlyUser() != null
                && !f.row().namesOtherReasonThan(Cause.MFA_REQUIRED)) {
            lines.add(0, "the user has Multi-Factor Authentication for User Interface Logins" + from
                    + " and is not API Only, and the " + flow + " flow logs in through the UI");
            return confirmed(lines, uiRemediation(user));
        }
        lines.add(0, "MFA for UI logins or API Only User unknown, or the failing attempt failed for another recorded reason");
        return inconclusive(lines);
    }

    private static String uiRemediation(String user) {
        return "Give " + user + " API Only User through a permission set (Setup → Permission Sets → New → System Permissions → "
                + "API Only User, then Manage Assignments → add " + user + ") and move the integration to the JWT bearer flow, "
                + "which asks for no MFA. Waive MFA (Waive Multi-Factor Authentication for Exempt Users) only for a genuinely exempt integration.";
    }

    private static String apiRemediation(Facts f) {
        String user = f.username();
        EffectivePermissions perms = f.org().available() ? f.org().permissions() : null;
        String from = perms == null ? "" : CredentialFailure.grantedBy(perms);
        return "MFA for API Logins makes Salesforce reject the security token and ask for a TOTP code, which an integration cannot send: "
                + "remove Multi-Factor Authentication for API Logins from " + user + from + " (Setup → Permission Sets / Profiles → "
                + "System Permissions), or better, switch the integration to the JWT bearer flow.";
    }
}
