package dev.logindoctor.sim;

import java.time.Duration;
import java.time.Instant;

/**
 * The org's clock: starts at the scenario's {@code now} and advances with real time from there,
 * so a test can put the org at any moment and still see time pass. Settable at any point.
 */
public final class SimClock {
    private Instant anchor;
    private long anchorNanos;

    SimClock(Instant start) {
        set(start == null ? Instant.now() : start);
    }

    /** The org's current time. */
    public synchronized Instant now() {
        return anchor.plusNanos(System.nanoTime() - anchorNanos);
    }

    /** Moves the org's clock to {@code when}; it keeps advancing from there. */
    public synchronized void set(Instant when) {
        anchor = when;
        anchorNanos = System.nanoTime();
    }

    public synchronized void advance(Duration by) {
        set(now().plus(by));
    }
}
