package dev.logindoctor.aws;

import dev.logindoctor.model.FailureReport;
import dev.logindoctor.probe.DiagnosisStarter;

/**
 * Starts the probe's diagnoses through the Intake handler itself, in-process and typed: the same
 * rules, the same SECRET_PREFIX check and the same deterministic execution name as a report sent by
 * an integration, so a probe failure and the integration's own report of it are one diagnosis.
 */
public final class IntakeDiagnosisStarter implements DiagnosisStarter {
    private final IntakeHandler intake;

    public IntakeDiagnosisStarter(IntakeHandler intake) {
        this.intake = intake;
    }

    @Override
    public String start(FailureReport report) {
        return intake.start(report).executionArn();
    }
}
