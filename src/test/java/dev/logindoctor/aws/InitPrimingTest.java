package dev.logindoctor.aws;

import dev.logindoctor.engine.StepOrder;
import dev.logindoctor.steps.EliminationStep;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;

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
    void intakePrimesWithoutStartingAnything() {
        assertDoesNotThrow(InitPriming::intake);
    }
}
