package dev.logindoctor.model;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The risk check's answer for one integration: every risk kind judged, and the org API requests
 * it spent (the diagnostics connection's token and composite; Trust is not counted).
 *
 * @param diagnosticsFailure why the diagnostics connection the integration names could not be used; null when it was
 *                           (or none is named)
 */
public record RiskReport(String integrationId, Instant checkedAt, List<RiskAssessment> assessments, int salesforceRequests,
                         String diagnosticsFailure) {
    /** Dated risks first, soonest first; undated ones after, in the order of {@link Risk}. */
    public static final Comparator<RiskFinding> SOONEST_FIRST = Comparator
            .comparing(RiskFinding::dueAt, Comparator.nullsLast(Comparator.naturalOrder()))
            .thenComparing(RiskFinding::risk);

    public RiskReport {
        assessments = assessments == null ? List.of() : List.copyOf(assessments);
    }

    public List<RiskFinding> risks() {
        return assessments.stream()
                .filter(a -> a.status() == RiskAssessment.Status.FOUND)
                .map(RiskAssessment::finding)
                .sorted(SOONEST_FIRST)
                .toList();
    }

    /** What could not be read: the risk kinds that are neither found nor clear. */
    public List<RiskAssessment> gaps() {
        return assessments.stream().filter(a -> a.status() == RiskAssessment.Status.UNKNOWN).toList();
    }

    public Optional<RiskFinding> nearest() {
        return risks().stream().findFirst();
    }
}
