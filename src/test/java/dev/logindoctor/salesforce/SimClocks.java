package dev.logindoctor.salesforce;

import dev.logindoctor.sim.SimulatedOrg;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/** A java.time.Clock that reads the simulated org's clock (its "now" is the scenario's), optionally skewed. */
final class SimClocks {
    private SimClocks() {
    }

    static Clock of(SimulatedOrg org) {
        return skewed(org, Duration.ZERO);
    }

    static Clock skewed(SimulatedOrg org, Duration skew) {
        return new Clock() {
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
                return org.now().plus(skew);
            }
        };
    }
}
