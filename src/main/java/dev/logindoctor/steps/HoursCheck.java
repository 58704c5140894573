package dev.logindoctor.steps;

import dev.logindoctor.model.LoginHours;
import dev.logindoctor.model.OrgEvidence;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.TextStyle;
import java.util.Locale;
import java.util.Optional;

/** Whether the failure time falls inside the profile's Login Hours, read in the org's time zone. */
public record HoursCheck(Result result, String line, String window, String localTime) {

    public enum Result { INSIDE, OUTSIDE, NO_HOURS, UNKNOWN }

    public static HoursCheck of(Instant failedAt, OrgEvidence org) {
        if (org == null || !org.available() || org.loginHours() == null) {
            return new HoursCheck(Result.UNKNOWN, "Login Hours unknown: " + (org == null ? "the org was not read" : org.gap("loginHours")), null, null);
        }
        LoginHours hours = org.loginHours();
        String profile = IpCheck.profileName(org);
        if (hours.days().isEmpty()) {
            return new HoursCheck(Result.NO_HOURS, "profile " + profile + " has no Login Hours", null, null);
        }
        if (failedAt == null) {
            return new HoursCheck(Result.UNKNOWN, "the report has no failedAt to compare with the Login Hours", null, null);
        }
        // Login Hours are in the org's default time zone; take the org's when the hours do not carry one.
        if ((hours.timeZone() == null || hours.timeZone().isBlank()) && org.organization() != null
                && org.organization().timeZone() != null) {
            hours = new LoginHours(org.organization().timeZone(), hours.days());
        }
        ZoneId zone = hours.zone();
        ZonedDateTime local = failedAt.atZone(zone);
        DayOfWeek day = local.getDayOfWeek();
        String dayName = day.getDisplayName(TextStyle.FULL, Locale.ENGLISH);
        String localTime = dayName + " " + hhmm(local.getHour() * 60 + local.getMinute()) + " " + zone.getId();
        Optional<LoginHours.DayWindow> window = hours.days().stream().filter(d -> d.day() == day).findFirst();
        String windowText = window.map(w -> w.startMinute() >= w.endMinute()
                ? dayName + ": no login allowed"
                : dayName + " " + hhmm(w.startMinute()) + "–" + hhmm(w.endMinute()) + " " + zone.getId()).orElse(null);
        if (hours.allows(failedAt)) {
            return new HoursCheck(Result.INSIDE, "the failure (" + localTime + ") is inside profile " + profile + "'s Login Hours"
                    + (windowText == null ? " (no restriction on " + dayName + ")" : " (" + windowText + ")"), windowText, localTime);
        }
        return new HoursCheck(Result.OUTSIDE, "the failure (" + localTime + ") is outside profile " + profile
                + "'s Login Hours (" + windowText + ")", windowText, localTime);
    }

    static String hhmm(int minute) {
        int m = Math.max(0, Math.min(minute, 24 * 60));
        return String.format(Locale.ROOT, "%02d:%02d", m / 60, m % 60);
    }
}
