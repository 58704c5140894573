package dev.logindoctor.cli;

import dev.logindoctor.engine.FailureReportParser;
import dev.logindoctor.engine.LocalDiagnosisEngine;
import dev.logindoctor.engine.SecretResolver;
import dev.logindoctor.model.Cause;
import dev.logindoctor.model.Diagnosis;
import dev.logindoctor.model.FailureReport;
import dev.logindoctor.salesforce.HttpTransport;
import dev.logindoctor.salesforce.SalesforceEvidenceSources;
import dev.logindoctor.salesforce.TokenCache;
import dev.logindoctor.sim.IntegrationSpec;
import dev.logindoctor.sim.SimIntegration;
import dev.logindoctor.sim.SimScenarios;
import dev.logindoctor.sim.SimulatedOrg;

import java.io.PrintStream;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code login-doctor demo}: for every scenario in the simulated org's catalog, the integration makes
 * its one failing login, Login Doctor diagnoses the failure it reported (over the wire, against the
 * sim, exactly as {@code diagnose} would) and the table shows whether the answer was right. Exits 1
 * when any diagnosis is wrong, exceeds the request budget, or added a login attempt.
 */
final class DemoCommand {
    /** The design's ceiling on org API requests per diagnosis. */
    static final int ORG_REQUEST_BUDGET = 4;
    static final String DIAGNOSTICS_SECRET = "demo/diagnostics";

    /** One scenario's outcome. */
    record Outcome(String scenario, Cause expected, Diagnosis diagnosis, int orgRequests, int loginAttemptsAdded, long millis) {
        Cause diagnosed() {
            return diagnosis.cause();
        }

        boolean passed() {
            return expected == diagnosed() && orgRequests <= ORG_REQUEST_BUDGET && loginAttemptsAdded == 0;
        }
    }

    int run(String[] argv, PrintStream out, PrintStream err) {
        Args args = Args.parse(argv, 1, Set.of("--store", "--scenario"), Set.of("--no-store"));
        if (args.value("--scenario") != null && RiskDemo.catalog().contains(args.value("--scenario"))) {
            return riskScenario(args.value("--scenario"), out, err);
        }
        List<String> names = args.value("--scenario") == null ? SimScenarios.catalog() : List.of(args.value("--scenario"));
        LocalDiagnosisStore store = args.flag("--no-store") ? null : LocalDiagnosisStore.at(args.value("--store"));

        out.println("Login Doctor demo: one failing integration per cause, plus healthy controls, against the embedded simulated org");
        out.println();
        out.printf("%-28s %-34s %-34s %-6s %8s %7s%n", "scenario", "expected", "diagnosed", "result", "org reqs", "ms");
        List<Outcome> outcomes = new ArrayList<>();
        for (String name : names) {
            Outcome o = diagnose(name, store);
            outcomes.add(o);
            out.printf("%-28s %-34s %-34s %-6s %8d %7d%s%n", o.scenario(), o.expected(), o.diagnosed(),
                    o.passed() ? "ok" : "FAIL", o.orgRequests(), o.millis(),
                    o.loginAttemptsAdded() == 0 ? "" : "   login attempts added: " + o.loginAttemptsAdded());
        }
        if (names.size() == 1) {
            // One scenario asked for by name: show the whole diagnosis, as `diagnose` prints it.
            out.println();
            DiagnosisPrinter.printText(outcomes.get(0).diagnosis(), out);
        }
        long passed = outcomes.stream().filter(Outcome::passed).count();
        out.println();
        out.println(passed + " of " + outcomes.size() + " diagnosed right, each within " + ORG_REQUEST_BUDGET
                + " org API requests and with no login attempt by Login Doctor"
                + (store == null ? "" : "; stored in " + store.file()));
        int risksWrong = 0;
        if (args.value("--scenario") == null) {
            out.println();
            risksWrong = RiskDemo.printTable(RiskDemo.catalog(), out);
        }
        if (passed != outcomes.size() || risksWrong > 0) {
            err.println("login-doctor demo: " + (outcomes.size() - passed) + " scenario(s) diagnosed wrong, " + risksWrong
                    + " risk check(s) wrong");
            return LoginDoctor.EXIT_FAILED;
        }
        return LoginDoctor.EXIT_OK;
    }

    /** One risk scenario by name: its row, then the whole check as `check` prints it. */
    private static int riskScenario(String name, PrintStream out, PrintStream err) {
        int wrong = RiskDemo.printTable(List.of(name), out);
        out.println();
        RiskPrinter.printText(RiskDemo.check(name).report(), out);
        if (wrong > 0) {
            err.println("login-doctor demo: the risk check for " + name + " was wrong");
            return LoginDoctor.EXIT_FAILED;
        }
        return LoginDoctor.EXIT_OK;
    }

    /** Runs one scenario end to end; public for the end-to-end tests. */
    static Outcome diagnose(String scenario, LocalDiagnosisStore store) {
        try (SimulatedOrg org = SimulatedOrg.start(scenario)) {
            IntegrationSpec spec = org.scenario().integration();
            SimIntegration.LoginError error = SimIntegration.attemptLogin(org, spec);
            // A healthy control's login succeeds; it still "reports" a failure, and nothing may be confirmed.
            Cause expected = spec.expectedCause() == null ? Cause.UNDETERMINED : spec.expectedCause();
            int attemptsBefore = org.attempts(spec.username()).attempts();
            int requestsBefore = org.requestCounts().total();

            Clock clock = org.clock().asClock();
            // The report as the integration would send it, read by the same parser as `diagnose`.
            FailureReport report = new FailureReportParser(clock).parse(SimIntegration.failureReportJson(org, spec, error, DIAGNOSTICS_SECRET));
            SecretResolver secrets = new MapSecretResolver(Map.of(DIAGNOSTICS_SECRET, org.diagnosticsSecretJson()));
            SalesforceEvidenceSources sources = new SalesforceEvidenceSources(secrets, org.baseUrl(), new HttpTransport(), clock, new TokenCache());
            long start = System.nanoTime();
            Diagnosis diagnosis = new LocalDiagnosisEngine(sources, clock).diagnose(report);
            long millis = (System.nanoTime() - start) / 1_000_000;
            if (store != null) {
                store.append(diagnosis);
            }
            return new Outcome(scenario, expected, diagnosis,
                    org.requestCounts().total() - requestsBefore,
                    org.attempts(spec.username()).attempts() - attemptsBefore, millis);
        }
    }
}
