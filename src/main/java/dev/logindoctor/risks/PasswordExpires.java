package dev.logindoctor.risks;

import dev.logindoctor.model.EffectivePermissions;
import dev.logindoctor.model.Risk;
import dev.logindoctor.model.RiskAssessment;
import dev.logindoctor.model.RiskEvidence;
import dev.logindoctor.model.RiskFinding;
import dev.logindoctor.model.UserRecord;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * PASSWORD_EXPIRES: the org-wide password policy expires the integration user's password, counted
 * from its LastPasswordChangeDate, within the horizon, and the user does not have Password Never
 * Expires. A profile's own password policy can override the org-wide one and is not readable over
 * the API (docs/RISKS.md, "Password expiry"): the evidence says so. Each part unread is a gap.
 */
final class PasswordExpires implements RiskCheck {

    @Override
    public Risk risk() {
        return Risk.PASSWORD_EXPIRES;
    }

    @Override
    public RiskAssessment assess(RiskEvidence e) {
        if (!e.integration().flow().sendsPassword()) {
            return RiskAssessment.clear(risk(), "the integration logs in with " + e.integration().flow() + ", which sends no password");
        }
        String unusable = OrgRead.notUsable(e);
        if (unusable != null) {
            return RiskAssessment.unknown(risk(), unusable);
        }
        EffectivePermissions perms = e.org().permissions();
        String from = perms == null || perms.grantedBy().isEmpty() ? "" : " (from " + String.join(", ", perms.grantedBy()) + ")";
        if (perms != null && Boolean.TRUE.equals(perms.passwordNeverExpires())) {
            return RiskAssessment.clear(risk(), "the user has Password Never Expires" + from);
        }
        UserRecord user = e.org().user();
        Instant lastChange = user.lastPasswordChangeDate();
        if (lastChange == null) {
            return RiskAssessment.unknown(risk(), "the user's LastPasswordChangeDate could not be read: " + e.org().gap("user"));
        }
        Integer days = e.org().settings().passwordExpiryDays();
        if (days == null) {
            return RiskAssessment.unknown(risk(), "the org's password policy (User passwords expire in) could not be read: "
                    + e.org().gap("passwordExpiry"));
        }
        if (days == 0) {
            return RiskAssessment.clear(risk(), "the org-wide password policy never expires passwords (a profile's own policy, "
                    + "not readable over the API, could still set a period)");
        }
        Instant expires = lastChange.plus(Duration.ofDays(days));
        if (expires.isAfter(e.now().plus(e.horizon()))) {
            return RiskAssessment.clear(risk(), "the password expires " + Dates.when(expires, e.now()) + ", beyond the "
                    + Dates.horizon(e.horizon()) + " horizon");
        }
        if (perms == null || perms.passwordNeverExpires() == null) {
            return RiskAssessment.unknown(risk(), "the password would expire " + Dates.when(expires, e.now())
                    + " under the org-wide policy, but whether the user has Password Never Expires could not be read: "
                    + e.org().gap("permissions"));
        }
        String profile = user.profileName() == null ? "{profile}" : user.profileName();
        return RiskAssessment.found(new RiskFinding(risk(), expires, List.of(
                "the password of " + user.username() + " was last changed " + lastChange + "; the org-wide password policy expires "
                        + "passwords after " + days + " days, so on " + Dates.when(expires, e.now()),
                "the user does not have Password Never Expires" + from,
                "a profile's own Password Policies override the org-wide ones and are not readable over the API"),
                "Before " + expires + ": give " + user.username() + " Password Never Expires (Setup → Profiles → " + profile
                        + " → System Permissions → Password Never Expires, or a permission set), or set a new password (Setup → Users → "
                        + user.username() + " → Reset Password, which also sends a new security token) and store the new password"
                        + " and token in " + (e.integration().credentialSecret() == null ? "the integration's secret"
                        : e.integration().credentialSecret()) + "."));
    }
}
