package dev.logindoctor.cli;

import dev.logindoctor.model.Cause;
import dev.logindoctor.sim.SimScenarios;
import dev.logindoctor.sim.TransportFault;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * The fault matrix: each of the ten transport faults played on the token, the composite and the
 * Trust request, for causes whose steps read the org and Trust and for a healthy control, with
 * `diagnose` run in-process through a {@link dev.logindoctor.sim.FaultProxy}. Whatever the network
 * does, the answer is the scenario's cause or UNDETERMINED, within the deadline, with exit 0 or 3 by
 * the documented rule, nothing secret in the output or the store, and the org requests counted exactly.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FaultMatrixTest {
    static final List<String> SCENARIOS = List.of("healthy", "wrong-password", "username-not-found", "user-locked-out",
            "user-frozen", "login-ip-restricted", "org-maintenance");

    private final FaultRuns runs = new FaultRuns("FaultMatrixTest");
    private ProxiedOrg current;

    /** The reports and secrets files of the shared sims (a per-method directory would go after the first run). */
    @TempDir
    static Path shared;

    static Stream<Arguments> matrix() {
        return SCENARIOS.stream().flatMap(s -> Stream.of(TransportFault.Target.values())
                .flatMap(t -> Stream.of(TransportFault.values()).map(f -> Arguments.of(s, t, f))));
    }

    /** One sim per scenario, shared by its thirty runs (the matrix is ordered by scenario). */
    private ProxiedOrg org(String scenario) {
        if (current == null || !current.sim.scenario().name().equals(scenario)) {
            if (current != null) {
                current.close();
            }
            current = ProxiedOrg.start(SimScenarios.load(scenario), shared);
        }
        return current;
    }

    @ParameterizedTest(name = "{0}: {2} on {1}")
    @MethodSource("matrix")
    void aFaultOnOneRequestEndsInTheRightCauseOrUndeterminedInTimeAndLeaksNothing(String scenario, TransportFault.Target target,
                                                                                 TransportFault fault, @TempDir Path home) {
        ProxiedOrg org = org(scenario);
        org.proxy.clear();
        org.proxy.inject(fault, target);
        // A token or composite fault leaves the org unread; during maintenance the sim refuses every login, the diagnostics user's too.
        boolean orgUnread = target != TransportFault.Target.TRUST || scenario.equals("org-maintenance");
        runs.check(org, scenario + " / " + fault + " on " + target, home, orgUnread);
    }

    @ParameterizedTest(name = "{0} without a fault")
    @MethodSource("scenarios")
    void withoutAFaultEveryScenarioGetsItsCauseThroughTheProxy(String scenario, @TempDir Path home) {
        ProxiedOrg org = org(scenario);
        org.proxy.clear();
        Cause got = runs.check(org, scenario + " / no fault", home, scenario.equals("org-maintenance"));
        if (got != org.expected) {
            throw new AssertionError(scenario + ": the proxy alone changed the answer to " + got);
        }
    }

    static List<String> scenarios() {
        return SCENARIOS;
    }

    @AfterAll
    void summary() {
        if (current != null) {
            current.close();
        }
        System.out.println(runs.summary());
    }
}
