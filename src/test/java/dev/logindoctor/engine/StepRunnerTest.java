package dev.logindoctor.engine;

import dev.logindoctor.model.Cause;
import dev.logindoctor.model.Evidence;
import dev.logindoctor.model.FailureReport;
import dev.logindoctor.model.Finding;
import dev.logindoctor.model.LoginFlow;
import dev.logindoctor.model.OrgEvidence;
import dev.logindoctor.model.ReportedError;
import dev.logindoctor.model.TrustEvidence;
import dev.logindoctor.model.Verdict;
import dev.logindoctor.steps.EliminationStep;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class StepRunnerTest {
    private static final FailureReport REPORT = new FailureReport("billing", "https://acme.my.salesforce.com", "i@acme.com",
            LoginFlow.SOAP, new ReportedError("INVALID_LOGIN", "x"), Instant.parse("2026-11-27T10:15:00Z"), null, null, null, "diag");

    /** Counts fetches, so the test can prove evidence is fetched once and handed on. */
    private static final class CountingSources implements EvidenceSources {
        final AtomicInteger orgFetches = new AtomicInteger();
        final AtomicInteger trustFetches = new AtomicInteger();
        RuntimeException orgFailure;

        @Override
        public OrgEvidence fetchOrg(FailureReport report) {
            orgFetches.incrementAndGet();
            if (orgFailure != null) {
                throw orgFailure;
            }
            return OrgEvidence.unavailable("test org", 2);
        }

        @Override
        public TrustEvidence fetchTrust(FailureReport report, OrgEvidence org) {
            trustFetches.incrementAndGet();
            return TrustEvidence.unavailable("test trust");
        }
    }

    private record FixedStep(String name, boolean needsOrg, boolean needsTrust, Verdict verdict) implements EliminationStep {
        @Override
        public Cause cause() {
            return Cause.USER_FROZEN;
        }

        @Override
        public Finding check(Evidence evidence) {
            if (needsOrg) {
                assertNotNull(evidence.org(), "a step that needs the org gets it");
            }
            return new Finding(name, verdict, cause(), List.of("fixed"), null);
        }
    }

    @Test
    void evidenceIsFetchedOnceAndHandedOn() {
        CountingSources sources = new CountingSources();
        StepRunner runner = new StepRunner(sources, StepRunner.OnError.ABSORB);
        DiagnosisState state = DiagnosisState.start(REPORT, Instant.now());
        state = runner.run(new FixedStep("A", true, false, Verdict.RULED_OUT), state);
        state = runner.run(new FixedStep("B", true, true, Verdict.RULED_OUT), state);
        state = runner.run(new FixedStep("C", true, true, Verdict.INCONCLUSIVE), state);
        assertEquals(1, sources.orgFetches.get());
        assertEquals(1, sources.trustFetches.get());
        assertEquals(3, state.findings().size());
        assertEquals(2, state.salesforceRequests());
    }

    @Test
    void aStepThatNeedsNothingFetchesNothing() {
        CountingSources sources = new CountingSources();
        DiagnosisState state = new StepRunner(sources, StepRunner.OnError.ABSORB)
                .run(new FixedStep("A", false, false, Verdict.CONFIRMED), DiagnosisState.start(REPORT, Instant.now()));
        assertEquals(0, sources.orgFetches.get());
        assertNull(state.org());
        assertTrue(state.confirmed().isPresent());
    }

    @Test
    void aThrottledOrgIsAskedAgainOnceByALaterStepThenBecomesUnavailableEvidence() {
        CountingSources sources = new CountingSources();
        sources.orgFailure = new SourceUnavailable("REQUEST_LIMIT_EXCEEDED: TotalRequests Limit exceeded.", null, 1);
        StepRunner runner = new StepRunner(sources, StepRunner.OnError.ABSORB);
        DiagnosisState state = runner.run(new FixedStep("A", true, false, Verdict.INCONCLUSIVE), DiagnosisState.start(REPORT, Instant.now()));
        assertNull(state.org(), "not read yet: a later step may ask again");
        assertEquals(1, state.salesforceRequests(), "the failed request is counted in the state");
        state = runner.run(new FixedStep("B", true, false, Verdict.INCONCLUSIVE), state);
        state = runner.run(new FixedStep("C", true, false, Verdict.INCONCLUSIVE), state);
        assertFalse(state.org().available());
        assertTrue(state.org().unavailableReason().contains("TotalRequests"), state.org().unavailableReason());
        assertEquals(2, sources.orgFetches.get(), "asked once more, never a third time");
        assertEquals(2, state.salesforceRequests());
    }

    @Test
    void onLambdaAnOrgFetchFailureStaysInTheStateInsteadOfAStateMachineRetryThatWouldForgetItsCount() {
        CountingSources sources = new CountingSources();
        sources.orgFailure = new SourceUnavailable("throttled", null, 3);
        StepRunner runner = new StepRunner(sources, StepRunner.OnError.PROPAGATE);
        DiagnosisState state = runner.run(new FixedStep("A", true, false, Verdict.INCONCLUSIVE), DiagnosisState.start(REPORT, Instant.now()));
        assertEquals(3, state.salesforceRequests());
        assertEquals(Verdict.INCONCLUSIVE, state.findings().get(0).verdict());
    }

    @Test
    void aStepThatWouldExceedTheBudgetAnswersWithoutCallingTheOrg() {
        CountingSources sources = new CountingSources();
        sources.orgFailure = new SourceUnavailable("503", null, StepRunner.ORG_REQUEST_BUDGET);
        StepRunner runner = new StepRunner(sources, StepRunner.OnError.ABSORB);
        DiagnosisState state = runner.run(new FixedStep("A", true, false, Verdict.INCONCLUSIVE), DiagnosisState.start(REPORT, Instant.now()));
        state = runner.run(new FixedStep("B", true, false, Verdict.INCONCLUSIVE), state);
        assertEquals(1, sources.orgFetches.get(), "the budget was spent by the first fetch");
        assertTrue(state.org().unavailableReason().contains("budget"), state.org().unavailableReason());
    }

    @Test
    void aCaughtFailureBecomesAnInconclusiveFindingForTheFailedStep() {
        DiagnosisState failed = DiagnosisState.start(REPORT, Instant.now())
                .withFailure(new StepFailure("SomeStep", "States.Timeout", "Task timed out after 30 s"));
        DiagnosisState state = new StepRunner(new CountingSources(), StepRunner.OnError.PROPAGATE)
                .run(new FixedStep("Next", false, false, Verdict.RULED_OUT), failed);
        assertEquals(2, state.findings().size());
        Finding absorbed = state.findings().get(0);
        assertEquals("SomeStep", absorbed.step());
        assertEquals(Verdict.INCONCLUSIVE, absorbed.verdict());
        assertTrue(absorbed.evidence().get(0).contains("States.Timeout"));
        assertNull(state.failure());
    }
}
