package dev.logindoctor.risks;

import dev.logindoctor.model.EffectivePermissions;
import dev.logindoctor.model.Risk;
import dev.logindoctor.model.RiskAssessment;
import dev.logindoctor.model.RiskEvidence;
import dev.logindoctor.model.RiskFinding;

import java.util.ArrayList;
import java.util.List;

/**
 * MFA_EXPOSED: a profile or permission set of the integration user enforces MFA and the user is not
 * API Only User: a person can log in to the integration's user, and the day MFA reaches its logins
 * (MFA for API Logins, an interactive flow) the integration cannot answer the challenge.
 */
final class MfaExposed implements RiskCheck {

    @Override
    public Risk risk() {
        return Risk.MFA_EXPOSED;
    }

    @Override
    public RiskAssessment assess(RiskEvidence e) {
        String unusable = OrgRead.notUsable(e);
        if (unusable != null) {
            return RiskAssessment.unknown(risk(), unusable);
        }
        EffectivePermissions p = e.org().permissions();
        if (p == null) {
            return RiskAssessment.unknown(risk(), "the user's permissions could not be read: " + e.org().gap("permissions"));
        }
        String from = p.grantedBy().isEmpty() ? "" : " (from " + String.join(", ", p.grantedBy()) + ")";
        if (Boolean.TRUE.equals(p.apiOnlyUser())) {
            return RiskAssessment.clear(risk(), "the user is API Only User" + from + ": no one can log in to it through the UI");
        }
        if (Boolean.TRUE.equals(p.bypassMfaForUiLogins())) {
            return RiskAssessment.clear(risk(), "the user has Waive Multi-Factor Authentication for Exempt Users" + from);
        }
        boolean ui = Boolean.TRUE.equals(p.mfaForUiLogins());
        boolean api = Boolean.TRUE.equals(p.mfaForApiLogins());
        if (Boolean.FALSE.equals(p.apiOnlyUser()) && (ui || api)) {
            List<String> lines = new ArrayList<>();
            lines.add("the user " + e.integration().username() + " is not API Only User" + from);
            if (ui) {
                lines.add("it has Multi-Factor Authentication for User Interface Logins: MFA is enforced on it");
            }
            if (api) {
                lines.add("it has Multi-Factor Authentication for API Logins: a password-flow login must carry a TOTP, not the security token");
            }
            return RiskAssessment.found(new RiskFinding(risk(), null, lines,
                    "Give " + e.integration().username() + " API Only User through a permission set (Setup → Permission Sets → New → "
                            + "System Permissions → API Only User, then Manage Assignments)"
                            + (api ? ", remove Multi-Factor Authentication for API Logins from it" + from : "")
                            + ", and prefer the JWT bearer flow, which no MFA challenge reaches."));
        }
        if (Boolean.FALSE.equals(p.mfaForUiLogins()) && Boolean.FALSE.equals(p.mfaForApiLogins())) {
            return RiskAssessment.clear(risk(), "no profile or permission set of the user enforces MFA" + from
                    + " (the org-wide MFA requirement is not readable over the API)");
        }
        return RiskAssessment.unknown(risk(), "API Only User or the MFA permissions of the user could not be read");
    }
}
