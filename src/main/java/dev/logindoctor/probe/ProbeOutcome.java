package dev.logindoctor.probe;

/** What one probe run did for one integration. */
public enum ProbeOutcome {
    /** A run claimed the integration and is logging in (seen only if that run died mid-login). */
    PROBING,
    /** The login succeeded. */
    HEALTHY,
    /** The login was refused; a diagnosis was started. */
    FAILED,
    /** No login: the last login with this same credential version failed, and trying again could lock the user out. */
    SKIPPED_UNCHANGED,
    /**
     * No login: the last login with this credential version got no verdict, and it is tried again
     * only once {@link ProbeSettings#noVerdictRetry()} has passed since.
     */
    SKIPPED_NO_VERDICT,
    /** No login: Salesforce Trust shows the org's instance in maintenance (or a major core incident). */
    SKIPPED_MAINTENANCE,
    /** No login: the credential secret could not be read. */
    CREDENTIAL_UNREADABLE,
    /** No login: the credential secret lacks what the flow needs (nothing was sent to Salesforce). */
    CREDENTIAL_UNUSABLE,
    /** No login: another probe run claimed the integration first (runs overlapped); nothing is written. */
    SKIPPED_BUSY,
    /** Salesforce did not answer the login usefully (timeout, 5xx, throttled): no verdict on the credential. */
    UNREACHABLE;

    /** Whether a login was sent in this outcome. */
    public boolean loggedIn() {
        return this == HEALTHY || this == FAILED || this == UNREACHABLE;
    }
}
