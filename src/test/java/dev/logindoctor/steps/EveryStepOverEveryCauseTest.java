package dev.logindoctor.steps;

import dev.logindoctor.engine.StepOrder;
import dev.logindoctor.model.Cause;
import dev.logindoctor.model.Evidence;
import dev.logindoctor.model.Finding;
import dev.logindoctor.model.Verdict;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The iron rule: for a failure with one cause, exactly that cause's step confirms, whatever runs first. */
class EveryStepOverEveryCauseTest {

    @Test
    void everyCauseHasExactlyOneStepAndEveryStepIsInTheOrder() {
        Set<Cause> covered = StepOrder.steps().stream().map(s -> s.cause()).collect(Collectors.toCollection(() -> EnumSet.noneOf(Cause.class)));
        Set<Cause> expected = EnumSet.complementOf(EnumSet.of(Cause.UNDETERMINED));
        assertEquals(expected, covered);
        assertEquals(expected.size(), StepOrder.steps().size());
        assertEquals(List.of("CheckUsername", "CheckSecurityToken", "CheckIpRestriction", "CheckLockout", "CheckMaintenance", "CheckMfa"),
                StepOrder.steps().subList(0, 6).stream().map(s -> s.name()).toList());
        assertEquals("CheckPassword", StepOrder.steps().get(StepOrder.steps().size() - 1).name());
    }

    static List<Fixtures.Variant> variants() {
        return Fixtures.variants();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("variants")
    void onlyTheCausesOwnStepConfirms(Fixtures.Variant variant) {
        Cause cause = variant.cause();
        Evidence evidence = variant.scenario().evidence();
        List<String> confirmedBy = new ArrayList<>();
        for (var step : StepOrder.steps()) {
            Finding finding = step.check(evidence);
            assertNotNull(finding.verdict());
            assertEquals(step.name(), finding.step());
            assertEquals(step.cause(), finding.cause());
            assertFalse(finding.evidence().isEmpty(), step.name() + " gives its reasons");
            if (finding.verdict() == Verdict.CONFIRMED) {
                confirmedBy.add(step.name());
                assertNotNull(finding.remediation(), step.name() + " names the fix");
            }
        }
        String own = StepOrder.steps().stream().filter(s -> s.cause() == cause).findFirst().orElseThrow().name();
        assertEquals(List.of(own), confirmedBy, "for " + cause);
    }

    @Test
    void aHealthyOrgWithTheBundledErrorConfirmsNothing() {
        Evidence evidence = Scenario.healthy().evidence();
        for (var step : StepOrder.steps()) {
            Finding finding = step.check(evidence);
            assertTrue(finding.verdict() != Verdict.CONFIRMED, step.name() + " confirmed on no evidence: " + finding.evidence());
        }
    }
}
