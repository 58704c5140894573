package dev.logindoctor.probe;

import java.time.Duration;

/**
 * @param maxPerOrg     logins in flight at once for one org (an org's login rate limit is per user, but a
 *                      burst of logins from one address looks like an attack to the org's admins)
 * @param maxConcurrent logins in flight at once across all orgs
 * @param reserve       time kept back at the end of a run: no integration is started with less than this left
 *                      (one login's timeout plus writing its result)
 */
public record ProbeSettings(int maxPerOrg, int maxConcurrent, Duration reserve) {
    public static final ProbeSettings DEFAULT = new ProbeSettings(2, 16, Duration.ofSeconds(25));

    public ProbeSettings {
        if (maxPerOrg < 1 || maxConcurrent < 1 || reserve.isNegative()) {
            throw new IllegalArgumentException("concurrency bounds must be at least 1 and the reserve not negative");
        }
    }
}
