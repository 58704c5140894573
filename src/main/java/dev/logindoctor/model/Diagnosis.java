package dev.logindoctor.model;

import java.time.Instant;
import java.util.List;

/**
 * The answer for one failure report: the first confirmed cause (or UNDETERMINED) with every finding.
 *
 * @param diagnosisId        the execution id (AWS) or a local id
 * @param confirmedBy        the step that confirmed the cause, null when UNDETERMINED
 * @param salesforceRequests requests made to the org's API (Trust API not counted)
 */
public record Diagnosis(
        String diagnosisId,
        String integrationId,
        String username,
        String loginUrl,
        LoginFlow flow,
        Instant failedAt,
        Cause cause,
        String confirmedBy,
        List<Finding> findings,
        String remediation,
        int salesforceRequests,
        long durationMs,
        Instant diagnosedAt) {
    public Diagnosis {
        findings = findings == null ? List.of() : List.copyOf(findings);
    }
}
