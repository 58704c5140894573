package dev.logindoctor.probe;

import java.time.Duration;

/**
 * @param maxPerOrg          logins in flight at once for one org (an org's login rate limit is per user, but a
 *                           burst of logins from one address looks like an attack to the org's admins)
 * @param maxConcurrent      logins in flight at once across all orgs
 * @param reserve            time kept back at the end of a run: no integration is started with less than this left
 *                           (one login's timeout plus writing its result)
 * @param noVerdictRetry     how long a credential version whose last login got no verdict (timeout, 5xx, garbled
 *                           answer) waits before its next login: between {@link #MIN_NO_VERDICT_RETRY} and
 *                           {@link #MAX_NO_VERDICT_RETRY}, by default a day
 * @param maxNoVerdictTries  logins with one version that may go without a verdict before it is held like a refused
 *                           one until it changes: 1 or 2, by default 2. Each may have reached Salesforce as a wrong
 *                           attempt, and an org can lock a user out after 3 invalid attempts
 *                           (docs/salesforce-wire-facts.md#password-and-lockout-policy)
 */
public record ProbeSettings(int maxPerOrg, int maxConcurrent, Duration reserve, Duration noVerdictRetry, int maxNoVerdictTries) {
    public static final Duration DEFAULT_NO_VERDICT_RETRY = Duration.ofDays(1);
    /** Shorter would let a flaky network send a login with a maybe-wrong password every few runs. */
    public static final Duration MIN_NO_VERDICT_RETRY = Duration.ofHours(1);
    public static final Duration MAX_NO_VERDICT_RETRY = Duration.ofDays(7);
    public static final int MAX_NO_VERDICT_TRIES = 2;
    public static final ProbeSettings DEFAULT = new ProbeSettings(2, 16, Duration.ofSeconds(25));

    public ProbeSettings {
        if (maxPerOrg < 1 || maxConcurrent < 1 || reserve == null || reserve.isNegative()) {
            throw new IllegalArgumentException("concurrency bounds must be at least 1 and the reserve not negative");
        }
        if (noVerdictRetry == null || noVerdictRetry.compareTo(MIN_NO_VERDICT_RETRY) < 0
                || noVerdictRetry.compareTo(MAX_NO_VERDICT_RETRY) > 0) {
            throw new IllegalArgumentException("noVerdictRetry must be between 1 hour and 7 days, got " + noVerdictRetry);
        }
        if (maxNoVerdictTries < 1 || maxNoVerdictTries > MAX_NO_VERDICT_TRIES) {
            throw new IllegalArgumentException("maxNoVerdictTries must be 1 or 2 (Salesforce can lock a user out after 3 "
                    + "invalid attempts), got " + maxNoVerdictTries);
        }
    }

    /** With the default no-verdict retry (a day) and bound (2 tries). */
    public ProbeSettings(int maxPerOrg, int maxConcurrent, Duration reserve) {
        this(maxPerOrg, maxConcurrent, reserve, DEFAULT_NO_VERDICT_RETRY, MAX_NO_VERDICT_TRIES);
    }

    public ProbeSettings withNoVerdictRetry(Duration retry) {
        return new ProbeSettings(maxPerOrg, maxConcurrent, reserve, retry, maxNoVerdictTries);
    }
}
