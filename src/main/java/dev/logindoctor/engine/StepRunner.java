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
    /** Requests to the org's API per diagnosis, token requests and failed ones included. */
    public static final int ORG_REQUEST_BUDGET = 4;

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
        OrgEvidence orgForStep = null;
        if (step.needsOrg() && current.org() == null) {
            Fetched fetched = fetchOrg(current);
            current = fetched.state();
            orgForStep = fetched.evidence();
        }
        current = withNeededTrust(step, current);
        Evidence evidence = new Evidence(current.report(), orgForStep != null ? orgForStep : current.org(), current.trust());
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

    private DiagnosisState withNeededTrust(EliminationStep step, DiagnosisState state) {
        return step.needsTrust() && state.trust() == null ? state.withTrust(fetchTrust(state)) : state;
    }

    /** The state after an org fetch, and the evidence this step judges on (the same, unless the fetch failed for now). */
    private record Fetched(DiagnosisState state, OrgEvidence evidence) {
    }

    /**
     * Reads the org within what is left of the budget, and Trust beside it when no step has read
     * Trust yet (so a later step that needs it finds it in the state; Trust is not the org's API and
     * does not count). The count goes into the state whatever happens, so it survives a failure and a
     * retry. A throttled or unreachable org is not retried here, nor by the state machine (that would
     * resend with the old count): the org stays unread in the state, this step judges without it, and
     * a later step asks once more while the budget lasts.
     */
    private Fetched fetchOrg(DiagnosisState state) {
        int left = ORG_REQUEST_BUDGET - state.salesforceRequests();
        if (left <= 0) {
            OrgEvidence spent = OrgEvidence.unavailable("the org-request budget (" + ORG_REQUEST_BUDGET + " per diagnosis) is spent: "
                    + state.salesforceRequests() + " requests were sent and the org did not answer them all", 0);
            DiagnosisState next = state.withOrg(spent);
            return new Fetched(next, spent);
        }
        try {
            if (state.trust() == null) {
                EvidenceSources.Fetched both = sources.fetchOrgAndTrust(state.report(), left);
                DiagnosisState next = state.withOrg(both.org()).withOrgRequestsSpent(both.org().requests());
                return new Fetched(both.trust() == null ? next : next.withTrust(both.trust()), both.org());
            }
            OrgEvidence org = sources.fetchOrg(state.report(), left);
            return new Fetched(state.withOrg(org).withOrgRequestsSpent(org.requests()), org);
        } catch (SourceUnavailable e) {
            // A failed attempt sent at least the request that failed.
            DiagnosisState counted = state.withOrgRequestsSpent(Math.max(1, e.requestsSpent()));
            boolean askedBefore = state.salesforceRequests() > 0;
            OrgEvidence notNow = OrgEvidence.unavailable(e.getMessage() + (askedBefore ? " (asked twice; not asked again)"
                    : " (asked once more by a later step, while the budget of " + ORG_REQUEST_BUDGET + " requests lasts)"),
                    counted.salesforceRequests());
            return new Fetched(askedBefore ? counted.withOrg(notNow) : counted, notNow);
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
