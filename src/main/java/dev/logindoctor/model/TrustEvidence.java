package dev.logindoctor.model;

import java.util.List;

/**
 * What the public Salesforce Trust API says about the org's instance.
 *
 * @param instanceKey   e.g. "NA123", or null when it could not be resolved
 * @param instanceStatus the instance's current status (OK, MAINTENANCE_CORE, MAJOR_INCIDENT_CORE, ...)
 * @param events        maintenances and incidents near the failure time
 */
public record TrustEvidence(
        boolean available,
        String unavailableReason,
        String instanceKey,
        String instanceStatus,
        List<TrustEvent> events) {
    public TrustEvidence {
        events = events == null ? List.of() : List.copyOf(events);
    }

    public static TrustEvidence unavailable(String reason) {
        return new TrustEvidence(false, reason, null, null, List.of());
    }
}
