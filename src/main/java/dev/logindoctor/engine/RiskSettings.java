package dev.logindoctor.engine;

import java.time.Duration;

/**
 * How far the risk check looks ahead.
 *
 * @param horizon       dated risks (password, org, certificate, maintenance) due within this are reported
 * @param probeInterval how often the probe runs: login hours closing before the next run are reported
 */
public record RiskSettings(Duration horizon, Duration probeInterval) {
    public static final Duration DEFAULT_HORIZON = Duration.ofDays(30);
    /** The template's default ProbeRate, rate(15 minutes). */
    public static final Duration DEFAULT_PROBE_INTERVAL = Duration.ofMinutes(15);
    public static final RiskSettings DEFAULT = new RiskSettings(DEFAULT_HORIZON, DEFAULT_PROBE_INTERVAL);

    public RiskSettings {
        if (horizon == null || horizon.isNegative() || horizon.isZero() || probeInterval == null || probeInterval.isNegative()
                || probeInterval.isZero()) {
            throw new IllegalArgumentException("the horizon and the probe interval must be positive");
        }
        if (probeInterval.compareTo(Duration.ofDays(7)) > 0) {
            throw new IllegalArgumentException("the probe interval must be at most 7 days");
        }
    }

    public static RiskSettings days(int horizonDays) {
        if (horizonDays < 1 || horizonDays > 3650) {
            throw new IllegalArgumentException("the horizon must be 1 to 3650 days");
        }
        return new RiskSettings(Duration.ofDays(horizonDays), DEFAULT_PROBE_INTERVAL);
    }
}
