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
import picocli.CommandLine.Command;
import picocli.CommandLine.Help.Ansi;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * {@code login-doctor demo}: for every scenario in the simulated org's catalog, the integration makes
 * its one failing login, Login Doctor diagnoses the failure it reported (over the wire, against the
 * sim, exactly as {@code diagnose} would) and the table shows whether the answer was right. Exits 1
 * when any diagnosis is wrong, exceeds the request budget, or added a login attempt. The demo's
 * diagnoses stay out of the user's history unless asked for (--save).
 */
@Command(name = "demo", mixinStandardHelpOptions = true, versionProvider = LoginDoctor.Version.class,
        description = {"Diagnoses every cause (or one scenario) on the embedded simulated org, then checks",
                "the risk scenarios (what will break a login before it breaks).",
                "Exit 0 when every diagnosis is right, 1 when any is wrong. The diagnoses are",
                "not kept in the history unless --save is given."})
final class DemoCommand implements Callable<Integer> {
    /** The design's ceiling on org API requests per diagnosis. */
    static final int ORG_REQUEST_BUDGET = 4;
    static final String DIAGNOSTICS_SECRET = "demo/diagnostics";

    @Spec
    CommandSpec spec;

    @Option(names = "--scenario", paramLabel = "NAME", description = "only this scenario, printed in full (see docs/sim-scenarios.md)")
    String scenario;

    @Option(names = "--save", description = "keep the demo's diagnoses in the history (the store below); by default they are not kept")
    boolean save;

    @Option(names = "--store", paramLabel = "FILE",
            description = "with --save: keep them in FILE (default: " + LocalDiagnosisStore.DEFAULT_PLACE + ")")
    String store;

    /** The default now; still accepted so that scripts written for the older demo keep working. */
    @Option(names = "--no-store", hidden = true)
    boolean noStore;

    private final Wiring wiring;

    DemoCommand(Wiring wiring) {
        this.wiring = wiring;
    }

    /** One scenario's outcome. */
    record Outcome(String scenario, Cause expected, Diagnosis diagnosis, int orgRequests, int loginAttemptsAdded, long millis) {
        Cause diagnosed() {
            return diagnosis.cause();
        }

        boolean passed() {
            return expected == diagnosed() && orgRequests <= ORG_REQUEST_BUDGET && loginAttemptsAdded == 0;
        }
    }

    @Override
    public Integer call() {
        if (store != null && !save) {
            throw new UsageError("--store names where --save keeps the demo's diagnoses: add --save");
        }
        if (scenario != null && RiskDemo.catalog().contains(scenario)) {
            return riskScenario(scenario);
        }
        List<String> names = scenario == null ? SimScenarios.catalog() : List.of(known(scenario));
        LocalDiagnosisStore kept = save ? wiring.store(store) : null;
        PrintWriter out = spec.commandLine().getOut();
        Ansi ansi = spec.commandLine().getColorScheme().ansi();
        // Progress for a person watching: on stderr, and only on a terminal (the table rows are the log otherwise).
        PrintWriter progress = ansi.enabled() ? spec.commandLine().getErr() : null;

        out.println("Login Doctor demo: one failing integration per cause, plus healthy controls, against the embedded simulated org");
        out.println();
        out.printf("%-28s %-34s %-34s %-6s %8s %7s%n", "scenario", "expected", "diagnosed", "result", "org reqs", "ms");
        List<Outcome> outcomes = new ArrayList<>();
        for (String name : names) {
            if (progress != null) {
                progress.print("\r  running " + name + " (" + (outcomes.size() + 1) + " of " + names.size() + ") ...");
                progress.flush();
            }
            Outcome o = diagnose(name, kept);
            outcomes.add(o);
            if (progress != null) {
                progress.print("\r\033[K");
                progress.flush();
            }
            String result = String.format("%-6s", o.passed() ? "ok" : "FAIL");
            out.printf("%-28s %-34s %-34s %s %8d %7d%s%n", o.scenario(), o.expected(), o.diagnosed(),
                    ansi.string(o.passed() ? "@|green " + result + "|@" : "@|red " + result + "|@"), o.orgRequests(), o.millis(),
                    o.loginAttemptsAdded() == 0 ? "" : "   login attempts added: " + o.loginAttemptsAdded());
            out.flush();
        }
        if (names.size() == 1) {
            // One scenario asked for by name: show the whole diagnosis, as `diagnose` prints it.
            out.println();
            DiagnosisPrinter.printText(outcomes.get(0).diagnosis(), out, ansi);
        }
        long passed = outcomes.stream().filter(Outcome::passed).count();
        out.println();
        out.println(passed + " of " + outcomes.size() + " diagnosed right, each within " + ORG_REQUEST_BUDGET
                + " org API requests and with no login attempt by Login Doctor"
                + (kept == null ? " (not kept in the history: --save keeps them)" : "; kept in " + kept.file()));
        int risksWrong = 0;
        if (scenario == null) {
            out.println();
            risksWrong = RiskDemo.printTable(RiskDemo.catalog(), out);
        }
        if (passed != outcomes.size() || risksWrong > 0) {
            spec.commandLine().getErr().println("login-doctor demo: " + (outcomes.size() - passed) + " scenario(s) diagnosed wrong, "
                    + risksWrong + " risk check(s) wrong");
            return LoginDoctor.EXIT_FAILED;
        }
        return LoginDoctor.EXIT_OK;
    }

    /** One risk scenario by name: its row, then the whole check as `check` prints it. */
    private int riskScenario(String name) {
        PrintWriter out = spec.commandLine().getOut();
        int wrong = RiskDemo.printTable(List.of(name), out);
        out.println();
        RiskPrinter.printText(RiskDemo.check(name).report(), out);
        if (wrong > 0) {
            spec.commandLine().getErr().println("login-doctor demo: the risk check for " + name + " was wrong");
            return LoginDoctor.EXIT_FAILED;
        }
        return LoginDoctor.EXIT_OK;
    }

    /** A scenario from the catalog, or a usage error that lists them. */
    private static String known(String name) {
        if (!SimScenarios.catalog().contains(name)) {
            List<String> all = new ArrayList<>(SimScenarios.catalog());
            all.addAll(RiskDemo.catalog());
            throw new UsageError("--scenario: no scenario '" + name + "'; the scenarios are: " + String.join(", ", all));
        }
        return name;
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
