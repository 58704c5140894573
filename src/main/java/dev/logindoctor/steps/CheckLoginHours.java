package dev.logindoctor.steps;

import dev.logindoctor.model.Cause;
import dev.logindoctor.model.Evidence;
import dev.logindoctor.model.Finding;

import java.util.List;

/**
 * LOGIN_HOURS_RESTRICTED: the profile's Login Hours exclude the failure time. Decided with
 * CheckIpRestriction through {@link AccessRestriction}.
 */
public final class CheckLoginHours extends BaseCheck {

    public CheckLoginHours() {
        super(Cause.LOGIN_HOURS_RESTRICTED, true, false);
    }

    @Override
    public Finding check(Evidence evidence) {
        Facts f = Facts.of(evidence);
        AccessRestriction restriction = f.restriction();
        HoursCheck hours = f.hours();
        List<String> lines = lines(f.row().lines(), restriction.lines(), List.of(hours.line()));
        if (restriction.cause() == Cause.LOGIN_HOURS_RESTRICTED) {
            String profile = IpCheck.profileName(f.org());
            String window = hours.window() == null ? "the day's window" : hours.window();
            String when = hours.localTime() == null ? "" : "; the failure came at " + hours.localTime();
            return confirmed(lines, "Setup → Profiles → " + profile + " → Login Hours: " + window + when
                    + ". Widen that window or schedule the integration inside it.");
        }
        if (f.scope().different()) {
            return inconclusive(lines(restriction.lines(), List.of("the profile's restrictions are not evidence: " + f.scope().reason())));
        }
        if (hours.result() == HoursCheck.Result.NO_HOURS || hours.result() == HoursCheck.Result.INSIDE) {
            return ruledOut(lines);
        }
        return inconclusive(lines);
    }
}
