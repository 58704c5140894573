package dev.logindoctor.probe;

import dev.logindoctor.model.FailureReport;

/**
 * Starts a diagnosis for a failure the probe saw, through the same path as any report: the Intake
 * validation and deterministic execution name on AWS, the local engine and store on a laptop.
 */
@FunctionalInterface
public interface DiagnosisStarter {

    /** @return the diagnosis reference: an execution ARN (AWS) or a diagnosis id (local) */
    String start(FailureReport report);
}
