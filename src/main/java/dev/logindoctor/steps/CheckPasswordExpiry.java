package dev.logindoctor.steps;

import dev.logindoctor.model.Cause;
import dev.logindoctor.model.EffectivePermissions;
import dev.logindoctor.model.Evidence;
import dev.logindoctor.model.Finding;
import dev.logindoctor.model.UserRecord;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * PASSWORD_EXPIRED: the integration user's password expired under the org's or the profile's
 * password policy. Confirmed by the error Salesforce sends after such a login
 * (INVALID_OPERATION_WITH_EXPIRED_PASSWORD); the policy and LastPasswordChangeDate give the date.
 * The dates alone stay inconclusive: a profile's own password policy overrides the org-wide one and
 * cannot be read over the REST or Tooling API (docs/org-evidence-queries.md).
 */
public final class CheckPasswordExpiry extends BaseCheck {

    public CheckPasswordExpiry() {
        super(Cause.PASSWORD_EXPIRED, true, false);
    }

    @Override
    public Finding check(Evidence evidence) {
        Facts f = Facts.of(evidence);
        ErrorSignals err = f.errors();
        PolicyDate date = PolicyDate.of(f);
        if (err.passwordExpired()) {
            return confirmed(lines(List.of(err.describe()), date.lines()), fix(f, date));
        }
        List<String> lines = new ArrayList<>();
        if (err.namedCause() != null) {
            lines.add(err.describe() + " names another cause (" + err.namedCause() + ")");
            return ruledOut(lines);
        }
        if (!f.org().available()) {
            lines.add("the password policy and the last password change are unknown: " + f.org().gap("user"));
            return inconclusive(lines);
        }
        if (f.scope().different()) {
            lines.add("the user's password dates are not evidence: " + f.scope().reason());
            return inconclusive(lines);
        }
        EffectivePermissions perms = f.org().permissions();
        if (perms != null && Boolean.TRUE.equals(perms.passwordNeverExpires())) {
            lines.add("the user has Password Never Expires" + CredentialFailure.grantedBy(perms));
            return ruledOut(lines);
        }
        lines.addAll(date.lines());
        if (f.row().namesOtherReasonThan(Cause.PASSWORD_EXPIRED)) {
            lines.addAll(f.row().lines());
            return ruledOut(lines);
        }
        if (date.expiredBy(f.report().failedAt())) {
            lines.add("an expired password is proven by Salesforce's INVALID_OPERATION_WITH_EXPIRED_PASSWORD (or login()'s "
                    + "passwordExpired = true); the dates alone cannot rule out a profile policy that overrides the org-wide one");
        }
        return inconclusive(lines);
    }

    private static String fix(Facts f, PolicyDate date) {
        String user = f.username();
        String profile = IpCheck.profileName(f.org());
        return "The password of " + user + " has expired" + date.summary() + ". Set a new one: Setup → Users → " + user
                + " → Reset Password (it also emails a new security token), then store the new password"
                + (f.report().flow() != null && f.report().flow().sendsPassword() ? " followed by the new token" : "")
                + " in " + secretRef(f.report().credentialSecret()) + ". So it does not expire again, give the integration user "
                + "Password Never Expires (Setup → Profiles → " + profile + " → System Permissions, or a permission set), or lengthen "
                + "\"User passwords expire in\" under Setup → Profiles → " + profile + " → Password Policies (or Setup → Password "
                + "Policies for the org-wide policy).";
    }

    /** When the org-wide policy expired the password, from LastPasswordChangeDate; every part may be unknown. */
    record PolicyDate(Instant lastChange, Integer days, List<String> lines) {

        static PolicyDate of(Facts f) {
            if (!f.org().available() || f.scope().different()) {
                return new PolicyDate(null, null, List.of());
            }
            UserRecord user = f.org().user();
            Instant last = user == null ? null : user.lastPasswordChangeDate();
            Integer days = f.org().settings().passwordExpiryDays();
            List<String> lines = new ArrayList<>();
            if (last == null) {
                lines.add("LastPasswordChangeDate unknown: " + f.org().gap("user"));
            }
            if (days == null) {
                lines.add("the org-wide password expiry unknown: " + f.org().gap("passwordExpiry"));
            } else if (days == 0) {
                lines.add("the org-wide password policy never expires passwords (Setup → Password Policies); a profile policy may");
            }
            if (last != null && days != null && days > 0) {
                lines.add("the password was last changed " + Times.at(last) + "; the org-wide policy (Setup → Password Policies) "
                        + "expires passwords after " + days + " days, so on " + Times.at(last.plus(Duration.ofDays(days)))
                        + " unless a profile password policy overrides it");
            }
            return new PolicyDate(last, days, lines);
        }

        boolean expiredBy(Instant when) {
            return lastChange != null && days != null && days > 0 && when != null && !lastChange.plus(Duration.ofDays(days)).isAfter(when);
        }

        String summary() {
            if (lastChange == null || days == null || days <= 0) {
                return " (the date and the policy that expired it are unknown without the org's password policy and the user's "
                        + "LastPasswordChangeDate; a profile's Password Policies override the org-wide ones)";
            }
            return " on " + Times.at(lastChange.plus(Duration.ofDays(days))) + ": " + days + " days after its last change ("
                    + Times.at(lastChange) + ") under the org-wide password policy, unless the profile's own Password Policies set "
                    + "another period";
        }
    }
}
