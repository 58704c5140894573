package dev.logindoctor.probe;

import dev.logindoctor.model.FailureReport;
import dev.logindoctor.model.ReportedError;

import java.time.Instant;

/** The failure report for a login the probe saw refused: built from Salesforce's real answer, carrying secret names only. */
final class ProbeFailureReport {
    private ProbeFailureReport() {
    }

    static FailureReport of(Integration i, String code, String description, Instant failedAt, Instant credentialUpdatedAt) {
        return new FailureReport(
                i.id(),
                i.loginUrl(),
                i.username(),
                i.flow(),
                new ReportedError(code == null || code.isBlank() ? "UNKNOWN" : code, description),
                failedAt,
                // The probe's own egress address is not known from inside Lambda; the org's LoginHistory row has it.
                null,
                credentialUpdatedAt,
                i.credentialSecret(),
                i.diagnosticsSecret());
    }
}
