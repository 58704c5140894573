package dev.logindoctor.risks;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/** How a date reads in an evidence line: the instant and how far off it is. */
final class Dates {
    private Dates() {
    }

    static String when(Instant at, Instant now) {
        return at.truncatedTo(ChronoUnit.SECONDS) + " (" + distance(at, now) + ")";
    }

    static String distance(Instant at, Instant now) {
        Duration d = Duration.between(now, at);
        boolean past = d.isNegative();
        d = d.abs();
        String amount = d.toDays() >= 2 ? d.toDays() + " days" : d.toHours() >= 2 ? d.toHours() + " hours" : d.toMinutes() + " minutes";
        return past ? amount + " ago" : "in " + amount;
    }

    static String horizon(Duration horizon) {
        return horizon.toDays() >= 1 ? horizon.toDays() + " days" : horizon.toMinutes() + " minutes";
    }
}
