package dev.logindoctor.engine;

import dev.logindoctor.model.Cause;
import dev.logindoctor.model.Diagnosis;
import dev.logindoctor.model.FailureReport;
import dev.logindoctor.model.Finding;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/** Turns a finished diagnosis state into the recorded {@link Diagnosis}: the same on AWS and locally. */
public final class DiagnosisAssembler {

    private DiagnosisAssembler() {
    }

    public static Diagnosis assemble(String diagnosisId, DiagnosisState state, Instant finishedAt) {
        return HeldSecrets.redact(build(diagnosisId, state, finishedAt), Diagnosis.class);
    }

    private static Diagnosis build(String diagnosisId, DiagnosisState state, Instant finishedAt) {
        DiagnosisState complete = StepRunner.absorbFailure(state);
        FailureReport report = complete.report();
        Optional<Finding> confirmed = complete.confirmed();
        long durationMs = complete.startedAt() == null ? 0 : Math.max(0, Duration.between(complete.startedAt(), finishedAt).toMillis());
        return new Diagnosis(
                diagnosisId,
                report.integrationKey(),
                report.username(),
                report.loginUrl(),
                report.flow(),
                report.failedAt(),
                confirmed.map(Finding::cause).orElse(Cause.UNDETERMINED),
                confirmed.map(Finding::step).orElse(null),
                complete.findings(),
                confirmed.map(Finding::remediation).orElse(
                        "No step could confirm a cause. Read each step's evidence above; check Setup → Users → "
                                + report.username() + " → Login History for the failure's Status."),
                complete.salesforceRequests(),
                durationMs,
                finishedAt);
    }
}
