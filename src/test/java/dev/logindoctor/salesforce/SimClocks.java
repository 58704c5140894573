package dev.logindoctor.salesforce;

import dev.logindoctor.sim.SimulatedOrg;

import java.time.Clock;
import java.time.Duration;

/** A java.time.Clock that reads the simulated org's clock (its "now" is the scenario's), optionally skewed. */
final class SimClocks {
    private SimClocks() {
    }

    static Clock of(SimulatedOrg org) {
        return org.clock().asClock();
    }

    static Clock skewed(SimulatedOrg org, Duration skew) {
        return org.clock().asClock(skew);
    }
}
