package dev.logindoctor.steps;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/** How evidence lines write times: ISO-8601 UTC to the second, durations in minutes. */
final class Times {
    private Times() {
    }

    static String at(Instant instant) {
        return instant == null ? "(unknown time)" : instant.truncatedTo(ChronoUnit.SECONDS).toString();
    }

    static String minutes(Duration duration) {
        long m = Math.abs(duration.toMinutes());
        if (m < 1) {
            return Math.abs(duration.toSeconds()) + " s";
        }
        if (m < 120) {
            return m + " min";
        }
        if (m < 48 * 60) {
            return (m / 60) + " h " + (m % 60) + " min";
        }
        return (m / (24 * 60)) + " days";
    }
}
