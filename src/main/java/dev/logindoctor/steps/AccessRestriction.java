package dev.logindoctor.steps;

import dev.logindoctor.model.Cause;

import java.util.ArrayList;
import java.util.List;

/**
 * Which profile restriction refused the login: the IP ranges or the Login Hours. Both steps read this
 * one decision, so the shared signals (invalid_grant "IP restricted or invalid login hours", the row
 * "Failed: IP Address Not Allowed") confirm
 * at most one of them. Salesforce checks Login Hours before IP ranges (docs/salesforce-wire-facts.md#the-order-salesforce-checks-a-login-in), so when
 * both exclude the attempt the hours are the reason it was refused.
 */
public record AccessRestriction(Cause cause, boolean direct, List<String> lines) {

    public static AccessRestriction of(Facts f) {
        ExplainingRow row = f.row();
        ErrorSignals err = f.errors();
        IpCheck ip = f.ip();
        HoursCheck hours = f.hours();
        List<String> lines = new ArrayList<>();
        if (row.says(LoginStatus.RESTRICTED_DOMAIN)) {
            return new AccessRestriction(Cause.LOGIN_IP_RESTRICTED, true, lines);
        }
        if (row.says(LoginStatus.RESTRICTED_TIME)) {
            return new AccessRestriction(Cause.LOGIN_HOURS_RESTRICTED, true, lines);
        }
        if (err.restrictedDomain()) {
            lines.add(err.describe() + ": the login came from an address the profile does not allow");
            return new AccessRestriction(Cause.LOGIN_IP_RESTRICTED, true, lines);
        }
        if (err.restrictedTime()) {
            lines.add(err.describe() + ": the login came outside the profile's Login Hours");
            return new AccessRestriction(Cause.LOGIN_HOURS_RESTRICTED, true, lines);
        }
        if (f.scope().different()) {
            lines.add("the profile's restrictions are not evidence: " + f.scope().reason());
            return new AccessRestriction(null, false, lines);
        }
        if (row.namesOtherReasonThan(Cause.LOGIN_IP_RESTRICTED, Cause.LOGIN_HOURS_RESTRICTED)) {
            lines.add("the failing attempt's row gives another reason ('" + row.row().orElseThrow().status()
                    + "'), so the profile's restrictions did not refuse it");
            return new AccessRestriction(null, false, lines);
        }
        if (err.ipOrHoursRestricted()) {
            lines.add(err.describe() + ": either the IP ranges or the Login Hours refused it");
        }
        // "Failed: IP Address Not Allowed" is Salesforce's row for the same shared OAuth error: IP or hours.
        if (row.says(LoginStatus.OAUTH_INVALID_IP)) {
            lines.add("'" + row.row().orElseThrow().status() + "' stands for a refused IP address or closed Login Hours:"
                    + " the profile's ranges and hours decide which");
        }
        if (hours.result() == HoursCheck.Result.OUTSIDE) {
            return new AccessRestriction(Cause.LOGIN_HOURS_RESTRICTED, false, lines);
        }
        if (ip.result() == IpCheck.Result.OUTSIDE) {
            if (hours.result() == HoursCheck.Result.UNKNOWN) {
                lines.add("the Login Hours are unknown; the address is refused whatever they say");
            }
            return new AccessRestriction(Cause.LOGIN_IP_RESTRICTED, false, lines);
        }
        return new AccessRestriction(null, false, lines);
    }
}
