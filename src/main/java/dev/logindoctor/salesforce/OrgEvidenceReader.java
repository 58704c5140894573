package dev.logindoctor.salesforce;

import dev.logindoctor.model.FailureReport;
import dev.logindoctor.model.OrgEvidence;

import java.time.Clock;
import java.time.Instant;

/**
 * Reads everything a diagnosis needs from the org in one composite request over the diagnostics
 * connection (docs/org-evidence-queries.md): two org API requests in all, one when the token was
 * cached. Throws only what the connection throws (a refused JWT, throttling, 5xx, a garbled
 * answer); a failed subrequest is a gap in the evidence, never an exception.
 */
public final class OrgEvidenceReader {
    private final DiagnosticsConnection connection;
    private final RestClient rest;
    private final Clock clock;

    public OrgEvidenceReader(DiagnosticsConnection connection, Clock clock) {
        this.connection = connection;
        this.rest = new RestClient(connection);
        this.clock = clock;
    }

    public OrgEvidence read(FailureReport report) {
        Instant failedAt = report.failedAt() != null ? report.failedAt() : clock.instant();
        CompositeRequest request = OrgEvidenceRequest.build(report.username(), failedAt, rest.apiVersion());
        CompositeResponse response = rest.composite(request);
        // The session is cached by now: reading its instance_url costs no request.
        return OrgEvidenceMapper.map(response, report.username(), failedAt, connection.credentials().loginUrl(),
                connection.session().instanceUrl(), connection.requests());
    }
}
