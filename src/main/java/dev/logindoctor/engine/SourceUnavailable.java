package dev.logindoctor.engine;

/**
 * An evidence source was throttled or did not answer (a 5xx, a timeout, a reset connection): the
 * only failure an {@link EvidenceSources} throws, because only this one is worth trying again
 * later. On AWS it escapes the step function under this class's name, which the state machine's
 * Retry matches; locally it becomes unavailable evidence. The message says what happened and never
 * carries a secret.
 */
public final class SourceUnavailable extends RuntimeException {
    /** Org requests the failed fetch sent before it failed: they count against the budget all the same. */
    private final int requestsSpent;

    public SourceUnavailable(String message, Throwable cause) {
        this(message, cause, 0);
    }

    public SourceUnavailable(String message, Throwable cause, int requestsSpent) {
        super(message, cause);
        this.requestsSpent = requestsSpent;
    }

    public int requestsSpent() {
        return requestsSpent;
    }

    public SourceUnavailable(String message) {
        super(message, null, false, false);
        this.requestsSpent = 0;
    }
}
