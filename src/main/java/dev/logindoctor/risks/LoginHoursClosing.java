package dev.logindoctor.risks;

import dev.logindoctor.model.LoginHours;
import dev.logindoctor.model.Risk;
import dev.logindoctor.model.RiskAssessment;
import dev.logindoctor.model.RiskEvidence;
import dev.logindoctor.model.RiskFinding;

import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * LOGIN_HOURS_CLOSING: the profile's Login Hours close before the next probe run, so the
 * integration's next login (and the probe's) will be refused. Walks the interval minute by minute in
 * the org's time zone, the same way the profile's hours are judged at a failure.
 */
final class LoginHoursClosing implements RiskCheck {

    @Override
    public Risk risk() {
        return Risk.LOGIN_HOURS_CLOSING;
    }

    @Override
    public RiskAssessment assess(RiskEvidence e) {
        String unusable = OrgRead.notUsable(e);
        if (unusable != null) {
            return RiskAssessment.unknown(risk(), unusable);
        }
        LoginHours hours = e.org().loginHours();
        if (hours == null) {
            return RiskAssessment.unknown(risk(), "the profile's login hours could not be read: " + e.org().gap("loginHours"));
        }
        String profile = e.org().user().profileName() == null ? "the user's profile" : "the profile " + e.org().user().profileName();
        if (hours.days().isEmpty()) {
            return RiskAssessment.clear(risk(), profile + " sets no login hours");
        }
        Instant closes = firstClosed(hours, e.now(), e.now().plus(e.probeInterval()));
        if (closes == null) {
            return RiskAssessment.clear(risk(), profile + "'s login hours stay open for the next " + Dates.horizon(e.probeInterval()));
        }
        ZonedDateTime local = closes.atZone(hours.zone());
        String said = closes.equals(e.now()) ? "are closed now" : "close at " + local.toLocalTime() + " " + local.getDayOfWeek()
                + " " + hours.zone() + " (" + closes + ", " + Dates.distance(closes, e.now()) + ")";
        return RiskAssessment.found(new RiskFinding(risk(), closes, List.of(
                profile + "'s login hours " + said + ", before the next probe run (every " + Dates.horizon(e.probeInterval()) + ")",
                "a login then is refused with LOGIN_DURING_RESTRICTED_TIME until the hours open again"),
                "If the integration must run around the clock, widen the hours: Setup → Profiles → "
                        + (e.org().user().profileName() == null ? "{profile}" : e.org().user().profileName())
                        + " → Login Hours → Edit (clear the day's window for all day). Otherwise schedule its jobs inside the window."));
    }

    /** The first minute in [from, to] the hours do not allow; {@code from} itself when closed now; null when open throughout. */
    private static Instant firstClosed(LoginHours hours, Instant from, Instant to) {
        if (!hours.allows(from)) {
            return from;
        }
        for (Instant t = from.truncatedTo(ChronoUnit.MINUTES).plus(1, ChronoUnit.MINUTES); !t.isAfter(to); t = t.plus(1, ChronoUnit.MINUTES)) {
            if (!hours.allows(t)) {
                return t;
            }
        }
        return null;
    }
}
