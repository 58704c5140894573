package dev.logindoctor.model;

import java.time.Instant;

/**
 * A maintenance or incident from the Salesforce Trust API on the org's instance.
 *
 * @param end     null while it is still open
 * @param core    true when it affects core services (the login path), per the Trust API
 * @param status  the Trust API's own status text (e.g. "scheduled", "inProgress", "resolved")
 * @param availability a maintenance's {@code message.availability} ("unavailable", "partial",
 *                     "readOnly", "available"...), null when not given or for incidents
 */
public record TrustEvent(Kind kind, String id, String name, Instant start, Instant end, boolean core, String status,
                         String availability) {
    public enum Kind { MAINTENANCE, INCIDENT }

    /** Without an availability (incidents, or a maintenance that does not say). */
    public TrustEvent(Kind kind, String id, String name, Instant start, Instant end, boolean core, String status) {
        this(kind, id, name, start, end, core, status, null);
    }

    /**
     * True when Trust says users can still log in during it: the service stays available, or is
     * read-only (logins and reads work, writes wait). Such a maintenance cannot explain a refused login.
     */
    public boolean loginsStayAvailable() {
        if (availability == null) {
            return false;
        }
        String a = availability.toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z]", "");
        return a.equals("available") || a.equals("fullyavailable") || a.equals("readonly") || a.equals("noimpact");
    }

    /** True when the event covers {@code when}, widened by {@code slackSeconds} either side. */
    public boolean covers(Instant when, long slackSeconds) {
        if (start == null || when.isBefore(start.minusSeconds(slackSeconds))) {
            return false;
        }
        return end == null || !when.isAfter(end.plusSeconds(slackSeconds));
    }
}
