package dev.logindoctor.engine;

import dev.logindoctor.model.FailureReport;
import dev.logindoctor.model.Finding;
import dev.logindoctor.model.OrgEvidence;
import dev.logindoctor.model.TrustEvidence;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What one diagnosis carries from step to step (the state machine's state): the report, the
 * evidence fetched so far (fetched once, handed on), the findings so far, and a failure a Catch
 * recorded for the previous step. Holds references to secrets only, never secret values.
 */
public record DiagnosisState(
        FailureReport report,
        OrgEvidence org,
        TrustEvidence trust,
        List<Finding> findings,
        StepFailure failure,
        Instant startedAt,
        int orgRequests) {

    public DiagnosisState {
        findings = findings == null ? List.of() : List.copyOf(findings);
    }

    public static DiagnosisState start(FailureReport report, Instant now) {
        return new DiagnosisState(report, null, null, List.of(), null, now, 0);
    }

    public DiagnosisState withOrg(OrgEvidence evidence) {
        return new DiagnosisState(report, evidence, trust, findings, failure, startedAt, orgRequests);
    }

    public DiagnosisState withTrust(TrustEvidence evidence) {
        return new DiagnosisState(report, org, evidence, findings, failure, startedAt, orgRequests);
    }

    public DiagnosisState withFinding(Finding finding) {
        List<Finding> next = new ArrayList<>(findings);
        next.add(finding);
        return new DiagnosisState(report, org, trust, next, null, startedAt, orgRequests);
    }

    public DiagnosisState withFailure(StepFailure stepFailure) {
        return new DiagnosisState(report, org, trust, findings, stepFailure, startedAt, orgRequests);
    }

    /** After a fetch that sent {@code spent} more requests to the org (failed ones too). */
    public DiagnosisState withOrgRequestsSpent(int spent) {
        return new DiagnosisState(report, org, trust, findings, failure, startedAt, orgRequests + spent);
    }

    /** The first confirmed finding, if any. */
    public Optional<Finding> confirmed() {
        return findings.stream().filter(Finding::isConfirmed).findFirst();
    }

    /** Org API requests spent so far, by every fetch of this diagnosis (the one that failed included). */
    public int salesforceRequests() {
        return Math.max(orgRequests, org == null ? 0 : org.requests());
    }
}
