package dev.logindoctor.aws;

import dev.logindoctor.engine.DiagnosisState;
import dev.logindoctor.engine.StepOrder;
import dev.logindoctor.steps.EliminationStep;
import org.junit.jupiter.api.Test;

import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

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

    /**
     * Jackson builds a (de)serializer for a nested value when it first meets one: a field the
     * sample leaves null or empty is built on the first real request instead (the sample lacked
     * connected apps, the My Domain policy and five more, and a step's first request took 30 ms more).
     * The unavailable-side fields (reasons, gaps, refusals) are primed by the unavailable start state.
     */
    @Test
    void theFullEvidenceSampleFillsEveryFieldOfTheStateSoEverySerializerIsBuiltInInit() {
        List<String> empty = new ArrayList<>();
        unfilled(InitPriming.fullState(), "state", empty);
        assertEquals(List.of(), empty, "fields src/main/resources/priming/state.json leaves null or empty");
    }

    /** Left out: what only unavailable evidence or a failure carries, and a RULED_OUT finding's remediation (it has none). */
    private static final Set<String> UNAVAILABLE_SIDE = Set.of("unavailableReason", "gaps", "diagnosticsRefusal", "failure",
            "baseUsernameUser", "diagnosticsLoginUrl", "remediation");

    private static void unfilled(Object value, String path, List<String> empty) {
        if (value instanceof java.util.Collection<?> items) {
            if (items.isEmpty()) {
                empty.add(path);
            }
            items.forEach(item -> unfilled(item, path + "[]", empty));
            return;
        }
        if (value == null || !value.getClass().isRecord()) {
            return;
        }
        for (RecordComponent component : value.getClass().getRecordComponents()) {
            if (UNAVAILABLE_SIDE.contains(component.getName())) {
                continue;
            }
            Object field;
            try {
                field = component.getAccessor().invoke(value);
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException(e);
            }
            String at = path + "." + component.getName();
            if (field == null) {
                empty.add(at);
            }
            unfilled(field, at, empty);
        }
    }

    /** The probe's whole first run on loopback: a healthy JWT login, so the risk check after it runs too. */
    @Test
    void theProbesFirstRunGoesTheWholeWayAgainstTheLoopbackStandIn() {
        com.fasterxml.jackson.databind.JsonNode summary = ProbePriming.probeRuns(2);
        assertEquals(1, summary.get("enabled").asInt(), summary.toString());
        com.fasterxml.jackson.databind.JsonNode result = summary.get("results").get(0);
        assertEquals("init-priming", result.get("integrationId").asText(), summary.toString());
        assertEquals("HEALTHY", result.get("outcome").asText(), summary.toString());
    }

    @Test
    void theAwsCallsOfIntakeAndRecordPrimeAgainstTheLoopbackStandIn() {
        assertDoesNotThrow(AwsCallPriming::startExecution);
        assertDoesNotThrow(AwsCallPriming::record);
        assertDoesNotThrow(InitPriming::record);
    }

    @Test
    void intakePrimesWithoutStartingAnything() {
        assertDoesNotThrow(InitPriming::intake);
    }
}
