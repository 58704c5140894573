package dev.logindoctor.model;

import java.time.Instant;

/** The org behind the diagnostics connection ({@code Organization}). */
public record OrgInfo(
        String id,
        String name,
        String instanceName,
        boolean sandbox,
        Instant trialExpirationDate,
        String organizationType,
        String timeZone) {

    /** A scratch org is a sandbox with a trial expiration date. */
    public boolean scratch() {
        return sandbox && trialExpirationDate != null;
    }
}
