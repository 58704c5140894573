package dev.logindoctor.engine;

/**
 * A step that threw instead of returning a finding (in the state machine: what a Catch put in
 * {@code $.failure}). The next step turns it into an INCONCLUSIVE finding, so nothing is lost.
 *
 * @param step  the step that failed
 * @param error the error type (e.g. {@code SourceUnavailable}, {@code States.Timeout})
 * @param cause the error message, already free of secrets (our exceptions never carry any)
 */
public record StepFailure(String step, String error, String cause) {
}
