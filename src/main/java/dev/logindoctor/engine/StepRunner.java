package dev.logindoctor.engine;

import dev.logindoctor.model.Cause;
import dev.logindoctor.model.Evidence;
import dev.logindoctor.model.Finding;
import dev.logindoctor.model.OrgEvidence;
import dev.logindoctor.model.TrustEvidence;
import dev.logindoctor.steps.EliminationStep;

import java.util.List;
import java.util.Optional;

/**
 * Runs one elimination step over a diagnosis state: records a failure the previous step left,
 * fetches the evidence the step needs if no earlier step fetched it, asks the step, appends its
 * finding. Shared by the local engine and the Lambda step handlers so both behave alike.
 */
public final class StepRunner {

    /** What to do when fetching evidence or checking throws. */
    public enum OnError {
        /** Turn it into an INCONCLUSIVE finding / unavailable evidence and go on (the CLI). */
        ABSORB,
        /** Let it escape so the state machine's Retry and Catch handle it (Lambda). */
        PROPAGATE
    }

    private final EvidenceSources sources;
    private final OnError onError;

    public StepRunner(EvidenceSources sources, OnError onError) {
        this.sources = sources;
        this.onError = onError;
    }

    /** The next state, with every held secret value blanked from it (it is stored, logged and passed on). */
    public DiagnosisState run(EliminationStep step, DiagnosisState state) {
        return HeldSecrets.redact(check(step, state), DiagnosisState.class);
    }

    private DiagnosisState check(EliminationStep step, DiagnosisState state) {
        DiagnosisState current = absorbFailure(state);
        current = withNeededEvidence(step, current);
        Evidence evidence = new Evidence(current.report(), current.org(), current.trust());
        try {
            return current.withFinding(step.check(evidence));
        } catch (RuntimeException e) {
            if (onError == OnError.PROPAGATE) {
                throw e;
            }
            return current.withFinding(failedStep(step.name(), step.cause(), e.getClass().getSimpleName(), e.getMessage()));
        }
    }

    /** Records the failure a Catch left for the previous step, and stops later steps re-fetching what failed. */
    public static DiagnosisState absorbFailure(DiagnosisState state) {
        StepFailure failure = state.failure();
        if (failure == null) {
            return state;
        }
        Optional<EliminationStep> failedStep = StepOrder.byName(failure.step());
        Cause cause = failedStep.map(EliminationStep::cause).orElse(Cause.UNDETERMINED);
        String reason = "step " + failure.step() + " failed: " + failure.error()
                + (failure.cause() == null || failure.cause().isBlank() ? "" : " (" + abbreviate(failure.cause()) + ")");
        DiagnosisState next = state;
        if (failedStep.isPresent() && failedStep.get().needsOrg() && state.org() == null) {
            next = next.withOrg(OrgEvidence.unavailable(reason, 0));
        }
        if (failedStep.isPresent() && failedStep.get().needsTrust() && state.trust() == null) {
            next = next.withTrust(TrustEvidence.unavailable(reason));
        }
        return next.withFinding(failedStep(failure.step(), cause, failure.error(), failure.cause()));
    }

    private DiagnosisState withNeededEvidence(EliminationStep step, DiagnosisState state) {
        DiagnosisState next = state;
        if (step.needsOrg() && next.org() == null) {
            next = next.withOrg(fetchOrg(next));
        }
        if (step.needsTrust() && next.trust() == null) {
            next = next.withTrust(fetchTrust(next));
        }
        return next;
    }

    private OrgEvidence fetchOrg(DiagnosisState state) {
        try {
            return sources.fetchOrg(state.report());
        } catch (SourceUnavailable e) {
            if (onError == OnError.PROPAGATE) {
                throw e;
            }
            return OrgEvidence.unavailable(e.getMessage(), 0);
        }
    }

    private TrustEvidence fetchTrust(DiagnosisState state) {
        try {
            return sources.fetchTrust(state.report(), state.org());
        } catch (SourceUnavailable e) {
            if (onError == OnError.PROPAGATE) {
                throw e;
            }
            return TrustEvidence.unavailable(e.getMessage());
        }
    }

    private static Finding failedStep(String step, Cause cause, String error, String message) {
        String line = "the step could not run: " + error
                + (message == null || message.isBlank() ? "" : ": " + abbreviate(message));
        return Finding.inconclusive(step, cause, List.of(line));
    }

    private static String abbreviate(String text) {
        String oneLine = text.replaceAll("\\s+", " ").strip();
        return oneLine.length() <= 300 ? oneLine : oneLine.substring(0, 297) + "...";
    }
}
