package dev.logindoctor.probe;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.function.LongSupplier;

/** How long a run may still start work: Lambda's remaining time, or unlimited on the command line. */
@FunctionalInterface
public interface Deadline {

    long remainingMillis();

    static Deadline unlimited() {
        return () -> Long.MAX_VALUE;
    }

    static Deadline of(LongSupplier remainingMillis) {
        return remainingMillis::getAsLong;
    }

    static Deadline after(Duration budget, Clock clock) {
        Instant end = clock.instant().plus(budget);
        return () -> Duration.between(clock.instant(), end).toMillis();
    }
}
