package dev.logindoctor.model;

import java.time.Instant;

/**
 * A maintenance or incident from the Salesforce Trust API on the org's instance.
 *
 * @param end     null while it is still open
 * @param core    true when it affects core services (the login path), per the Trust API
 * @param status  the Trust API's own status text (e.g. "scheduled", "inProgress", "resolved")
 */
public record TrustEvent(Kind kind, String id, String name, Instant start, Instant end, boolean core, String status) {
    public enum Kind { MAINTENANCE, INCIDENT }

    /** True when the event covers {@code when}, widened by {@code slackSeconds} either side. */
    public boolean covers(Instant when, long slackSeconds) {
        if (start == null || when.isBefore(start.minusSeconds(slackSeconds))) {
            return false;
        }
        return end == null || !when.isAfter(end.plusSeconds(slackSeconds));
    }
}
