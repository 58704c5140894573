package dev.logindoctor.model;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;

/**
 * A profile's Login Hours, in the org's default time zone. A day missing from {@code days}
 * has no restriction; a day whose start equals its end allows no login at all.
 */
public record LoginHours(String timeZone, List<DayWindow> days) {
    public LoginHours {
        days = days == null ? List.of() : List.copyOf(days);
    }

    /** Minutes since local midnight, start inclusive and end exclusive. */
    public record DayWindow(DayOfWeek day, int startMinute, int endMinute) {
        boolean allows(int minute) {
            return minute >= startMinute && minute < endMinute;
        }
    }

    public boolean allows(Instant when) {
        ZonedDateTime local = when.atZone(zone());
        int minute = local.getHour() * 60 + local.getMinute();
        return days.stream()
                .filter(d -> d.day() == local.getDayOfWeek())
                .findFirst()
                .map(d -> d.allows(minute))
                .orElse(true);
    }

    public ZoneId zone() {
        try {
            return timeZone == null || timeZone.isBlank() ? ZoneId.of("UTC") : ZoneId.of(timeZone);
        } catch (RuntimeException e) {
            return ZoneId.of("UTC");
        }
    }
}
