package dev.logindoctor.cli;

import dev.logindoctor.engine.FailureReportParser;
import dev.logindoctor.engine.RiskCheckRunner;
import dev.logindoctor.engine.RiskSettings;
import dev.logindoctor.engine.SecretResolver;
import dev.logindoctor.model.FailureReport;
import dev.logindoctor.model.Risk;
import dev.logindoctor.model.RiskFinding;
import dev.logindoctor.model.RiskReport;
import dev.logindoctor.salesforce.HttpTransport;
import dev.logindoctor.salesforce.SalesforceEvidenceSources;
import dev.logindoctor.salesforce.TokenCache;
import dev.logindoctor.sim.IntegrationSpec;
import dev.logindoctor.sim.SimIntegration;
import dev.logindoctor.sim.SimScenarios;
import dev.logindoctor.sim.SimulatedOrg;

import java.io.PrintWriter;
import java.time.Clock;
import java.util.List;
import java.util.Map;

/**
 * The demo's second table: for every risk scenario the integration logs in once, healthy, and the
 * risk check (over the wire, exactly as {@code check} runs it) says what will break it and when.
 */
final class RiskDemo {
    /** The risk check's ceiling: the diagnostics token and one composite. */
    static final int ORG_REQUEST_BUDGET = 2;

    record Outcome(String scenario, List<Risk> expected, boolean loginHealthy, RiskReport report, int orgRequests,
                   int loginAttemptsAdded) {
        List<Risk> found() {
            return report.risks().stream().map(RiskFinding::risk).sorted().toList();
        }

        boolean passed() {
            return loginHealthy && found().equals(expected.stream().sorted().toList()) && orgRequests <= ORG_REQUEST_BUDGET
                    && loginAttemptsAdded == 0;
        }
    }

    private RiskDemo() {
    }

    /** Prints the table; returns how many scenarios went wrong. */
    static int printTable(List<String> names, PrintWriter out) {
        out.println("Risks found ahead of failure: a healthy integration per risk kind, plus a control with none");
        out.println();
        out.printf("%-28s %-24s %-24s %-22s %-6s %8s%n", "scenario", "expected", "found", "due", "result", "org reqs");
        int wrong = 0;
        for (String name : names) {
            Outcome o = check(name);
            RiskFinding first = o.report().nearest().orElse(null);
            out.printf("%-28s %-24s %-24s %-22s %-6s %8d%s%n", o.scenario(), o.expected().isEmpty() ? "none" : join(o.expected()),
                    o.found().isEmpty() ? "none" : join(o.found()), first == null || first.dueAt() == null ? "-" : first.dueAt(),
                    o.passed() ? "ok" : "FAIL", o.orgRequests(),
                    (o.loginHealthy() ? "" : "   the integration's own login failed")
                            + (o.loginAttemptsAdded() == 0 ? "" : "   login attempts added: " + o.loginAttemptsAdded()));
            if (!o.passed()) {
                wrong++;
            }
        }
        out.println();
        out.println((names.size() - wrong) + " of " + names.size() + " risk checks right, each within " + ORG_REQUEST_BUDGET
                + " org API requests and with no login attempt by Login Doctor");
        return wrong;
    }

    private static String join(List<Risk> risks) {
        return String.join(",", risks.stream().map(Risk::name).toList());
    }

    /** Runs one risk scenario end to end; for the tests too. */
    static Outcome check(String scenario) {
        try (SimulatedOrg org = SimulatedOrg.start(scenario)) {
            IntegrationSpec spec = org.scenario().integration();
            boolean healthy = SimIntegration.attemptLogin(org, spec) == null;
            int attemptsBefore = org.attempts(spec.username()).attempts();
            int requestsBefore = org.requestCounts().total();
            Clock clock = org.clock().asClock();
            FailureReport subject = FailureReportParser.forRiskCheck(clock)
                    .parse(SimIntegration.integrationJson(org, spec, DemoCommand.DIAGNOSTICS_SECRET));
            SecretResolver secrets = new MapSecretResolver(Map.of(
                    DemoCommand.DIAGNOSTICS_SECRET, org.diagnosticsSecretJson(),
                    SimIntegration.credentialSecretName(spec), org.integrationSecretJson()));
            SalesforceEvidenceSources sources = new SalesforceEvidenceSources(secrets, org.baseUrl(), new HttpTransport(), clock, new TokenCache());
            RiskReport report = new RiskCheckRunner(sources, secrets, clock, RiskSettings.DEFAULT).check(subject);
            return new Outcome(scenario, spec.expectedRisks(), healthy, report, org.requestCounts().total() - requestsBefore,
                    org.attempts(spec.username()).attempts() - attemptsBefore);
        }
    }

    static List<String> catalog() {
        return SimScenarios.riskCatalog();
    }
}
