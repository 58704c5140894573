package dev.logindoctor.steps;

import dev.logindoctor.engine.EvidenceSources;
import dev.logindoctor.engine.LocalDiagnosisEngine;
import dev.logindoctor.engine.StepOrder;
import dev.logindoctor.model.Cause;
import dev.logindoctor.model.Diagnosis;
import dev.logindoctor.model.FailureReport;
import dev.logindoctor.model.OrgEvidence;
import dev.logindoctor.model.TrustEvidence;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The local engine over every cause's fixture: the state machine's order and shuffled orders give the same cause. */
class OrderNeverChangesTheAnswerTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-27T10:20:00Z"), ZoneOffset.UTC);
    private static final long[] SEEDS = {1L, 7L, 42L, 1234L, 98765L, 20261127L};

    /** Hands out the fixture's evidence, as the diagnostics connection and Trust would; counts fetches. */
    private static final class FixtureSources implements EvidenceSources {
        private final Scenario scenario;
        final AtomicInteger orgFetches = new AtomicInteger();
        final AtomicInteger trustFetches = new AtomicInteger();

        FixtureSources(Scenario scenario) {
            this.scenario = scenario;
        }

        @Override
        public OrgEvidence fetchOrg(FailureReport report) {
            orgFetches.incrementAndGet();
            return scenario.org();
        }

        @Override
        public TrustEvidence fetchTrust(FailureReport report, OrgEvidence org) {
            trustFetches.incrementAndGet();
            return scenario.trust;
        }
    }

    @ParameterizedTest
    @EnumSource(value = Cause.class, names = "UNDETERMINED", mode = EnumSource.Mode.EXCLUDE)
    void theStateMachineOrderFindsTheCause(Cause cause) {
        Scenario scenario = Fixtures.of(cause);
        FixtureSources sources = new FixtureSources(scenario);
        Diagnosis diagnosis = new LocalDiagnosisEngine(sources, StepOrder.steps(), CLOCK).diagnose(scenario.report());
        assertEquals(cause, diagnosis.cause());
        assertNotNull(diagnosis.remediation());
        assertTrue(sources.orgFetches.get() <= 1, "the org is read at most once");
        assertTrue(sources.trustFetches.get() <= 1, "Trust is read at most once");
    }

    static List<Fixtures.Variant> variants() {
        return Fixtures.variants();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("variants")
    void shuffledOrdersFindTheSameCause(Fixtures.Variant variant) {
        Cause cause = variant.cause();
        Scenario scenario = variant.scenario();
        for (long seed : SEEDS) {
            List<EliminationStep> steps = new ArrayList<>(StepOrder.steps());
            Collections.shuffle(steps, new Random(seed));
            Diagnosis diagnosis = new LocalDiagnosisEngine(new FixtureSources(scenario), steps, CLOCK).diagnose(scenario.report());
            assertEquals(cause, diagnosis.cause(), "seed " + seed + " order " + steps.stream().map(EliminationStep::name).toList());
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("variants")
    void reversedOrderFindsTheSameCause(Fixtures.Variant variant) {
        Cause cause = variant.cause();
        Scenario scenario = variant.scenario();
        List<EliminationStep> steps = new ArrayList<>(StepOrder.steps());
        Collections.reverse(steps);
        assertEquals(cause, new LocalDiagnosisEngine(new FixtureSources(scenario), steps, CLOCK).diagnose(scenario.report()).cause());
    }

    @org.junit.jupiter.api.Test
    void aHealthyOrgIsUndeterminedWithEveryStepsEvidence() {
        Scenario scenario = Scenario.healthy();
        Diagnosis diagnosis = new LocalDiagnosisEngine(new FixtureSources(scenario), StepOrder.steps(), CLOCK).diagnose(scenario.report());
        assertEquals(Cause.UNDETERMINED, diagnosis.cause());
        assertEquals(StepOrder.steps().size(), diagnosis.findings().size());
    }
}
