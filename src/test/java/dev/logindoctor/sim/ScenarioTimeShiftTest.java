package dev.logindoctor.sim;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class ScenarioTimeShiftTest {

    static List<String> scenarios() {
        return SimScenarios.catalog();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("scenarios")
    void aScenarioMovedByWholeWeeksTellsTheSameStory(String name) {
        SimScenario original = SimScenarios.load(name);
        // Whole weeks keep the weekday and the time of day, so Login Hours mean the same.
        Instant later = original.now().plus(Duration.ofDays(7 * 9));
        SimScenario moved = SimScenarios.startingAt(original, later);
        assertEquals(later, moved.now());
        if (original.integration().credentialUpdatedAt() != null) {
            assertEquals(original.integration().credentialUpdatedAt().plus(Duration.ofDays(63)), moved.integration().credentialUpdatedAt());
        }
        try (SimulatedOrg a = SimulatedOrg.start(original); SimulatedOrg b = SimulatedOrg.start(moved)) {
            SimIntegration.LoginError before = SimIntegration.attemptLogin(a, original.integration());
            SimIntegration.LoginError after = SimIntegration.attemptLogin(b, moved.integration());
            if (before == null) {
                assertNull(after);
            } else {
                assertEquals(before.code(), after.code());
                assertEquals(before.description(), after.description());
                assertEquals(before.httpStatus(), after.httpStatus());
            }
            assertEquals(a.loginHistory(original.integration().username()).size(),
                    b.loginHistory(moved.integration().username()).size(), "the same history, moved");
        }
    }

    @Test
    void aScenarioWithoutAStartIsLeftAlone() {
        SimScenario original = SimScenarios.load("healthy");
        SimScenario noStart = new SimScenario(original.name(), original.description(), null, original.organization(),
                original.profiles(), original.permissionSets(), original.users(), original.connectedApps(), original.trust(),
                original.loginHistory(), original.preAttempts(), original.faults(), original.diagnostics(), original.integration());
        assertEquals(noStart, SimScenarios.startingAt(noStart, Instant.now()));
    }
}
