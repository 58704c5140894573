package dev.logindoctor.aws;

import dev.logindoctor.engine.StepOrder;
import dev.logindoctor.steps.EliminationStep;
import dev.logindoctor.engine.DiagnosisState;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Priming runs inside every Lambda constructor: if it threw, the function could not even start.
 * It must get through each step (over unavailable evidence) and the intake path with no AWS,
 * Salesforce or secret behind it.
 */
class InitPrimingTest {

    @Test
    void everyStepPrimesWithoutEvidence() {
        for (EliminationStep step : StepOrder.steps()) {
            assertDoesNotThrow(() -> InitPriming.stepHandler(step), step.name());
        }
    }

    @Test
    void aSnapStartInitReadsFullEvidenceFromTheLoopbackStandInForEveryOrgReadingStep() {
        for (EliminationStep step : StepOrder.steps()) {
            if (!step.needsOrg()) {
                continue;
            }
            DiagnosisState primed = SnapStartPriming.evidencePath(step);
            // The recorded answers must still map to full evidence, or the snapshot would hold the gap paths only.
            assertTrue(primed.org().available(), step.name() + ": " + primed.org().unavailableReason());
            assertNotNull(primed.org().user(), step.name() + ": " + primed.org().gaps());
            assertTrue(!primed.org().loginHistory().isEmpty(), step.name() + ": " + primed.org().gaps());
            assertNotNull(primed.trust(), step.name());
            assertTrue(primed.trust().available(), step.name() + ": " + primed.trust().unavailableReason());
            assertEquals(step.name(), primed.findings().get(primed.findings().size() - 1).step());
        }
    }

    @Test
    void theFullEvidenceSampleReadsAsALateStepReceivesIt() {
        DiagnosisState full = InitPriming.fullState();
        assertTrue(full.org().available());
        assertTrue(full.trust().available());
        assertTrue(!full.trust().events().isEmpty(), "a Trust event, so its deserializer is built too");
    }

    @Test
    void theSdkCallsOfIntakeAndRecordPrimeAgainstTheLoopbackStandIn() {
        assertDoesNotThrow(SdkPriming::startExecution);
        assertDoesNotThrow(SdkPriming::record);
        assertDoesNotThrow(InitPriming::record);
    }

    @Test
    void intakePrimesWithoutStartingAnything() {
        assertDoesNotThrow(InitPriming::intake);
    }
}
