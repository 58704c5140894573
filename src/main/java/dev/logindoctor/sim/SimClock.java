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

    /** This clock as a java.time.Clock (UTC), for clients that must agree with the org on the time. */
    public java.time.Clock asClock() {
        return asClock(Duration.ZERO);
    }

    /** As {@link #asClock()}, running {@code skew} ahead (negative: behind), for clock-skew tests. */
    public java.time.Clock asClock(Duration skew) {
        SimClock org = this;
        return new java.time.Clock() {
            @Override
            public java.time.ZoneId getZone() {
                return java.time.ZoneOffset.UTC;
            }

            @Override
            public java.time.Clock withZone(java.time.ZoneId zone) {
                return this;
            }

            @Override
            public Instant instant() {
                return org.now().plus(skew);
            }
        };
    }
}
