package dev.logindoctor.model;

import java.time.Duration;
import java.time.Instant;

/**
 * What the risk checks judge: the integration (a report-shaped description, with no error), the one
 * composite read over the diagnostics connection, Trust's events ahead on the org's instance, and the
 * certificate from the integration's own secret. Nothing here came from a login with the
 * integration's credential.
 *
 * @param trustAhead    Trust's maintenances and incidents overlapping [now, now + horizon]
 * @param horizon       how far ahead a dated risk is reported
 * @param probeInterval how often the probe runs: login hours closing before the next run are a risk
 */
public record RiskEvidence(FailureReport integration, OrgEvidence org, TrustEvidence trustAhead, SecretCertificate certificate,
                           Instant now, Duration horizon, Duration probeInterval) {

    /** True when {@code when} falls between now and the end of the horizon (a past date is not ahead). */
    public boolean withinHorizon(Instant when) {
        return when != null && !when.isBefore(now) && !when.isAfter(now.plus(horizon));
    }
}
