package dev.logindoctor.probe;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * The probe's memory of one integration (item {@code pk = INTEGRATION#{id}, sk = PROBE}). Holds a
 * credential <em>version</em> (a Secrets Manager VersionId or a local fingerprint), never a credential.
 *
 * @param revision            bumped by every write; a write is conditional on the revision it read, so two
 *                            overlapping runs can never both log in with the same credential
 * @param probedAt            when a run last looked at the integration (runs start with the oldest)
 * @param outcome             what that run did
 * @param detail              one line for people: why it was skipped, what Salesforce answered
 * @param credentialVersion   the version of the credential the last login used
 * @param lastLoginFailed     whether that version is held: its login was refused, or went without a verdict
 *                            too often. While the version is unchanged, no login is sent
 * @param consecutiveFailures refused logins in a row, across credential versions (0 after a healthy login)
 * @param errorCode           Salesforce's code for the last refused login (INVALID_LOGIN, invalid_grant, ...)
 * @param errorDescription    Salesforce's message for it
 * @param failedAt            when it was refused
 * @param diagnosis           the diagnosis started for it: an execution ARN on AWS, a diagnosis id locally;
 *                            null while not yet started (the next run starts it, without logging in)
 * @param noVerdictTries      logins with {@code credentialVersion} since its last verdict that got none (timeout,
 *                            5xx, garbled answer). Counted when the login is claimed, before it is sent, so a run
 *                            that dies mid-login has counted it too
 * @param noVerdictAt         when the last of those was claimed; null when there is none
 */
public record ProbeRecord(
        String integrationId,
        long revision,
        Instant probedAt,
        ProbeOutcome outcome,
        String detail,
        String credentialVersion,
        boolean lastLoginFailed,
        int consecutiveFailures,
        String errorCode,
        String errorDescription,
        Instant failedAt,
        String diagnosis,
        int noVerdictTries,
        Instant noVerdictAt) {

    /** The state before any probe: nothing known. */
    public static ProbeRecord none(String integrationId) {
        return new ProbeRecord(integrationId, 0, null, null, null, null, false, 0, null, null, null, null, 0, null);
    }

    /** True when no login may be sent with {@code version}: it is held (refused, or no verdict too often). */
    public boolean failedWith(String version) {
        return lastLoginFailed && version != null && version.equals(credentialVersion);
    }

    /**
     * When the next login with {@code version} may be sent after logins without a verdict: null when
     * nothing holds it back (no such login since the last verdict, or another version).
     */
    Instant noVerdictRetryAt(String version, Duration retry) {
        if (noVerdictTries == 0 || noVerdictAt == null || version == null || !version.equals(credentialVersion)) {
            return null;
        }
        return noVerdictAt.plus(retry);
    }

    /** The next record: this one's memory carried forward, with what this run did. */
    ProbeRecord looked(Instant at, ProbeOutcome what, String why) {
        return new ProbeRecord(integrationId, revision + 1, at, what, why, credentialVersion, lastLoginFailed,
                consecutiveFailures, errorCode, errorDescription, failedAt, diagnosis, noVerdictTries, noVerdictAt);
    }

    /**
     * The claim, written before the login is sent. Until Salesforce answers, the login counts as one
     * without a verdict: if this run dies mid-login, the next one finds it counted and waits.
     */
    ProbeRecord claimed(Instant at, String version) {
        String why = "logging in with credential version " + version;
        if (provenGood(version)) {
            return new ProbeRecord(integrationId, revision + 1, at, ProbeOutcome.PROBING, why, credentialVersion, false,
                    consecutiveFailures, errorCode, errorDescription, failedAt, diagnosis, noVerdictTries + 1, at);
        }
        // An unproven version counts as tried and held until Salesforce says otherwise: a second
        // unproven login could push toward lockout.
        return new ProbeRecord(integrationId, revision + 1, at, ProbeOutcome.PROBING, why, version, true, consecutiveFailures,
                null, null, null, null, 1, at);
    }

    ProbeRecord healthy(Instant at, String version) {
        return new ProbeRecord(integrationId, revision + 1, at, ProbeOutcome.HEALTHY, "login succeeded", version, false, 0,
                null, null, null, null, 0, null);
    }

    ProbeRecord failed(Instant at, String version, String code, String description, String diagnosisRef, String why) {
        return new ProbeRecord(integrationId, revision + 1, at, ProbeOutcome.FAILED, why, version, true, consecutiveFailures + 1,
                code, description, at, diagnosisRef, 0, null);
    }

    /**
     * A login that got no verdict (timeout, 5xx, throttled, garbled). Salesforce may still have counted
     * it as a wrong attempt. A version that never logged in is held like a refused one until it changes;
     * one that has logged in before waits {@code retry} before its next login, and is held once
     * {@code maxTries} logins in a row went without a verdict: never a run of them toward lockout.
     */
    ProbeRecord unreachable(Instant at, String version, String why, boolean versionProven, Duration retry, int maxTries) {
        if (!versionProven) {
            return new ProbeRecord(integrationId, revision + 1, at, ProbeOutcome.UNREACHABLE,
                    why + "; this credential version has never logged in, so it is not tried again until it changes",
                    version, true, consecutiveFailures, null, null, null, null, noVerdictTries, noVerdictAt);
        }
        boolean hold = noVerdictTries >= maxTries;
        String next = hold
                ? "; " + noVerdictTries + " login(s) in a row with this credential version got no verdict, so it is not tried again until it changes"
                : "; login " + noVerdictTries + " of " + maxTries + " without a verdict, next try not before "
                + noVerdictAt.plus(retry).truncatedTo(ChronoUnit.SECONDS);
        return new ProbeRecord(integrationId, revision + 1, at, ProbeOutcome.UNREACHABLE, why + next, version, hold,
                consecutiveFailures, errorCode, errorDescription, failedAt, diagnosis, noVerdictTries, noVerdictAt);
    }

    /** The version is held without a new login: its logins without a verdict reached the bound (a run died mid-login). */
    ProbeRecord heldAfterNoVerdict(Instant at, String why) {
        return new ProbeRecord(integrationId, revision + 1, at, ProbeOutcome.SKIPPED_UNCHANGED, why, credentialVersion, true,
                consecutiveFailures, errorCode, errorDescription, failedAt, diagnosis, noVerdictTries, noVerdictAt);
    }

    /** Nothing was sent after the claim (the secret lacks what the flow needs): the memory from before the claim stands. */
    ProbeRecord notSent(ProbeRecord claim, Instant at, ProbeOutcome what, String why) {
        return new ProbeRecord(integrationId, claim.revision + 1, at, what, why, credentialVersion, lastLoginFailed,
                consecutiveFailures, errorCode, errorDescription, failedAt, diagnosis, noVerdictTries, noVerdictAt);
    }

    /** True when the last login with {@code version} succeeded (or a later no-verdict kept that standing). */
    boolean provenGood(String version) {
        return version != null && version.equals(credentialVersion) && !lastLoginFailed && outcome != null;
    }

    ProbeRecord withDetail(String why) {
        return new ProbeRecord(integrationId, revision, probedAt, outcome, why, credentialVersion, lastLoginFailed,
                consecutiveFailures, errorCode, errorDescription, failedAt, diagnosis, noVerdictTries, noVerdictAt);
    }

    ProbeRecord withDiagnosis(String diagnosisRef) {
        return new ProbeRecord(integrationId, revision, probedAt, outcome, detail, credentialVersion, lastLoginFailed,
                consecutiveFailures, errorCode, errorDescription, failedAt, diagnosisRef, noVerdictTries, noVerdictAt);
    }
}
