package dev.logindoctor.probe;

import java.time.Instant;

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
 * @param lastLoginFailed     whether that login was refused: while the version is unchanged, no login is sent
 * @param consecutiveFailures refused logins in a row, across credential versions (0 after a healthy login)
 * @param errorCode           Salesforce's code for the last refused login (INVALID_LOGIN, invalid_grant, ...)
 * @param errorDescription    Salesforce's message for it
 * @param failedAt            when it was refused
 * @param diagnosis           the diagnosis started for it: an execution ARN on AWS, a diagnosis id locally;
 *                            null while not yet started (the next run starts it, without logging in)
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
        String diagnosis) {

    /** The state before any probe: nothing known. */
    public static ProbeRecord none(String integrationId) {
        return new ProbeRecord(integrationId, 0, null, null, null, null, false, 0, null, null, null, null);
    }

    /** True when no login may be sent with {@code version}: the last one with it was refused. */
    public boolean failedWith(String version) {
        return lastLoginFailed && version != null && version.equals(credentialVersion);
    }

    /** The next record: this one's memory carried forward, with what this run did. */
    ProbeRecord looked(Instant at, ProbeOutcome what, String why) {
        return new ProbeRecord(integrationId, revision + 1, at, what, why, credentialVersion, lastLoginFailed,
                consecutiveFailures, errorCode, errorDescription, failedAt, diagnosis);
    }

    ProbeRecord claimed(Instant at, String version) {
        if (provenGood(version)) {
            return new ProbeRecord(integrationId, revision + 1, at, ProbeOutcome.PROBING, "logging in with credential version "
                    + version, credentialVersion, lastLoginFailed, consecutiveFailures, errorCode, errorDescription, failedAt, diagnosis);
        }
        // Until Salesforce answers, an unproven version counts as tried: if this run dies mid-login,
        // the next one must not send a second login with it (it may have counted toward lockout).
        return new ProbeRecord(integrationId, revision + 1, at, ProbeOutcome.PROBING, "logging in with credential version "
                + version, version, true, consecutiveFailures, null, null, null, null);
    }

    ProbeRecord healthy(Instant at, String version) {
        return new ProbeRecord(integrationId, revision + 1, at, ProbeOutcome.HEALTHY, "login succeeded", version, false, 0,
                null, null, null, null);
    }

    ProbeRecord failed(Instant at, String version, String code, String description, String diagnosisRef, String why) {
        return new ProbeRecord(integrationId, revision + 1, at, ProbeOutcome.FAILED, why, version, true, consecutiveFailures + 1,
                code, description, at, diagnosisRef);
    }

    /**
     * A login that got no verdict (timeout, 5xx, throttled). Salesforce may still have counted it, so
     * only a version that has logged in before is tried again; any other version is held like a
     * refused one ({@link #failedWith}) until the credential changes: at most one unproven login per
     * version, never a run of them toward lockout.
     */
    ProbeRecord unreachable(Instant at, String version, String why, boolean versionProven) {
        if (versionProven) {
            return new ProbeRecord(integrationId, revision + 1, at, ProbeOutcome.UNREACHABLE, why, version, false,
                    consecutiveFailures, errorCode, errorDescription, failedAt, diagnosis);
        }
        return new ProbeRecord(integrationId, revision + 1, at, ProbeOutcome.UNREACHABLE,
                why + "; this credential version has never logged in, so it is not tried again until it changes",
                version, true, consecutiveFailures, null, null, null, null);
    }

    /** True when the last login with {@code version} succeeded (or a later no-verdict kept that standing). */
    boolean provenGood(String version) {
        return version != null && version.equals(credentialVersion) && !lastLoginFailed && outcome != null;
    }

    ProbeRecord withDetail(String why) {
        return new ProbeRecord(integrationId, revision, probedAt, outcome, why, credentialVersion, lastLoginFailed,
                consecutiveFailures, errorCode, errorDescription, failedAt, diagnosis);
    }

    ProbeRecord withDiagnosis(String diagnosisRef) {
        return new ProbeRecord(integrationId, revision, probedAt, outcome, detail, credentialVersion, lastLoginFailed,
                consecutiveFailures, errorCode, errorDescription, failedAt, diagnosisRef);
    }
}
