package dev.logindoctor.cli;

import dev.logindoctor.sim.SimClock;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/** The simulated org's clock as a java.time.Clock, so JWT expiry and failure times agree with the sim. */
final class SimClockAdapter extends Clock {
    private final SimClock simClock;

    SimClockAdapter(SimClock simClock) {
        this.simClock = simClock;
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return this;
    }

    @Override
    public Instant instant() {
        return simClock.now();
    }
}
