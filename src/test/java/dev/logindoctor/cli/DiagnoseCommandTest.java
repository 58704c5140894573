package dev.logindoctor.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.logindoctor.model.Cause;
import dev.logindoctor.salesforce.HttpTransport;
import dev.logindoctor.salesforce.SalesforceEvidenceSources;
import dev.logindoctor.salesforce.TokenCache;
import dev.logindoctor.sim.IntegrationSpec;
import dev.logindoctor.sim.SimIntegration;
import dev.logindoctor.sim.SimScenarios;
import dev.logindoctor.sim.SimulatedOrg;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The `diagnose` contract, end to end against the simulated org over HTTP: every cause is named
 * right, within the org request budget, with no login attempt, and --json prints one object only.
 */
class DiagnoseCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    static List<String> scenarios() {
        return SimScenarios.catalog();
    }

    private Cli.Run run(SimulatedOrg org, String... args) {
        return Cli.run(Cli.on(org, dir), args);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("scenarios")
    void everyCauseIsDiagnosedRightWithinBudgetAndWithoutALoginAttempt(String scenario) throws Exception {
        try (SimulatedOrg org = SimulatedOrg.start(scenario)) {
            IntegrationSpec spec = org.scenario().integration();
            SimIntegration.LoginError error = SimIntegration.attemptLogin(org, spec);
            Path report = Files.writeString(dir.resolve("report.json"), SimIntegration.failureReportJson(org, spec, error, DemoCommand.DIAGNOSTICS_SECRET));
            String secretJson = org.diagnosticsSecretJson();
            Path secrets = Files.writeString(dir.resolve("secrets.json"),
                    JSON.createObjectNode().set(DemoCommand.DIAGNOSTICS_SECRET, JSON.readTree(secretJson)).toString());
            int attempts = org.attempts(spec.username()).attempts();
            int requests = org.requestCounts().total();

            Cli.Run r = run(org, "diagnose", "--event", report.toString(), "--secrets", secrets.toString(),
                    "--trust-url", org.baseUrl(), "--json", "--store", dir.resolve("store.jsonl").toString());

            assertEquals(0, r.exit(), r.err());
            JsonNode out = JSON.readTree(r.out());
            Cause expected = spec.expectedCause() == null ? Cause.UNDETERMINED : spec.expectedCause();
            assertEquals(expected.name(), out.get("cause").asText(), r.out());
            assertEquals(r.out().strip(), out.toString(), "stdout holds one JSON object and nothing else");
            int spent = org.requestCounts().total() - requests;
            assertTrue(spent <= 4, "org API requests: " + spent);
            assertEquals(spent, out.get("salesforceRequests").asInt(), "the diagnosis counts what the org saw");
            assertEquals(attempts, org.attempts(spec.username()).attempts(), "Login Doctor made no login attempt");
            String privateKey = JSON.readTree(secretJson).get("privateKey").asText();
            assertFalse(r.out().contains(privateKey.substring(40, 80)) || r.err().contains(privateKey.substring(40, 80)));
        }
    }

    @Test
    void aLockedOrgRefusingTheDiagnosticsUserTooIsADiagnosisNotAFailedConnection() throws Exception {
        try (SimulatedOrg org = SimulatedOrg.start("org-unavailable")) {
            IntegrationSpec spec = org.scenario().integration();
            SimIntegration.LoginError error = SimIntegration.attemptLogin(org, spec);
            Path report = Files.writeString(dir.resolve("report.json"), SimIntegration.failureReportJson(org, spec, error, DemoCommand.DIAGNOSTICS_SECRET));
            Path secrets = Files.writeString(dir.resolve("secrets.json"),
                    JSON.createObjectNode().set(DemoCommand.DIAGNOSTICS_SECRET, JSON.readTree(org.diagnosticsSecretJson())).toString());

            Cli.Run r = run(org, "diagnose", "--event", report.toString(), "--secrets", secrets.toString(),
                    "--trust-url", org.baseUrl(), "--json", "--no-store");

            assertEquals(LoginDoctor.EXIT_OK, r.exit(), r.err());
            JsonNode out = JSON.readTree(r.out());
            assertEquals("ORG_UNAVAILABLE", out.get("cause").asText(), r.out());
            assertTrue(r.out().contains("the diagnostics login was refused the same way: inactive_org"), r.out());
            assertTrue(r.err().contains("inactive_org"), "the refused connection is still said: " + r.err());
        }
    }

    @Test
    void aStandaloneSimMovedToNowWorksWithTheRealClock() throws Exception {
        // What `login-doctor sim` serves: the scenario happening now, so a JWT signed on the real clock is accepted.
        try (SimulatedOrg org = SimulatedOrg.start(SimScenarios.startingAt(SimScenarios.load("user-frozen"), java.time.Instant.now()))) {
            IntegrationSpec spec = org.scenario().integration();
            SimIntegration.LoginError error = SimIntegration.attemptLogin(org, spec);
            Path report = Files.writeString(dir.resolve("report.json"), SimIntegration.failureReportJson(org, spec, error, "diagnostics"));
            Path secrets = Files.writeString(dir.resolve("secrets.json"), "{\"diagnostics\":" + org.diagnosticsSecretJson() + "}");
            Cli.Run r = Cli.run(Cli.at(dir), "diagnose", "--event", report.toString(), "--secrets", secrets.toString(),
                    "--trust-url", org.baseUrl(), "--json", "--no-store");
            assertEquals(0, r.exit(), r.err());
            assertEquals("USER_FROZEN", JSON.readTree(r.out()).get("cause").asText());
        }
    }

    @Test
    void aRefusedDiagnosticsConnectionExitsThreeAndSaysWhy() throws Exception {
        try (SimulatedOrg org = SimulatedOrg.start("healthy")) {
            IntegrationSpec spec = org.scenario().integration();
            Path report = Files.writeString(dir.resolve("report.json"), SimIntegration.failureReportJson(org, spec, null, DemoCommand.DIAGNOSTICS_SECRET));
            JsonNode secret = JSON.readTree(org.diagnosticsSecretJson());
            ((com.fasterxml.jackson.databind.node.ObjectNode) secret).put("clientId", "3MVG9-not-the-consumer-key");
            Path secrets = Files.writeString(dir.resolve("secrets.json"),
                    JSON.createObjectNode().set(DemoCommand.DIAGNOSTICS_SECRET, secret).toString());

            Cli.Run r = run(org, "diagnose", "--event", report.toString(), "--secrets", secrets.toString(),
                    "--trust-url", org.baseUrl(), "--no-store");

            assertEquals(3, r.exit());
            assertTrue(r.err().contains("diagnostics connection failed"), r.err());
            assertTrue(r.out().contains("UNDETERMINED"), "the diagnosis is still printed");
        }
    }

    @ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(strings = {"token", "composite"})
    void anOrgThatAnswersNothingExitsThreeSoAScriptCanTellItFromARealUndetermined(String kind) throws Exception {
        try (SimulatedOrg org = SimulatedOrg.start("healthy")) {
            IntegrationSpec spec = org.scenario().integration();
            Path report = Files.writeString(dir.resolve("report.json"), SimIntegration.failureReportJson(org, spec, null, DemoCommand.DIAGNOSTICS_SECRET));
            Path secrets = Files.writeString(dir.resolve("secrets.json"),
                    JSON.createObjectNode().set(DemoCommand.DIAGNOSTICS_SECRET, JSON.readTree(org.diagnosticsSecretJson())).toString());
            org.addFault(new dev.logindoctor.sim.FaultSpec(kind, "status", null, 503, null, null));

            Cli.Run r = run(org, "diagnose", "--event", report.toString(), "--secrets", secrets.toString(),
                    "--trust-url", org.baseUrl(), "--no-store", "--json");

            assertEquals(3, r.exit(), r.err());
            assertTrue(r.err().contains("the org could not be read"), r.err());
            assertTrue(JSON.readTree(r.out()).get("salesforceRequests").asInt() <= 4, r.out());
        }
    }

    @Test
    void aReportWithAPasswordInsideExitsTwoNamingTheField() throws Exception {
        try (SimulatedOrg org = SimulatedOrg.start("healthy")) {
            Path report = Files.writeString(dir.resolve("report.json"), """
                    {"loginUrl":"https://login.salesforce.com","username":"a@b.com","flow":"SOAP",
                     "error":{"code":"INVALID_LOGIN"},"password":"Hunter2!"}""");
            Cli.Run r = run(org, "diagnose", "--event", report.toString(), "--no-store");
            assertEquals(2, r.exit());
            assertTrue(r.err().contains("'password'"), r.err());
            assertFalse(r.err().contains("Hunter2!"));
            assertEquals("", r.out());
        }
    }

    @ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(strings = {"file:///etc/passwd", "http://169.254.169.254/latest", "https://169.254.169.254",
            "https://user:hunter2@status.example.com", "https://exa mple.com/%zz", "ftp://status.example.com", "not a url", "https://[::1"})
    void aTrustUrlThatIsNoSafeHttpsEndpointExitsTwoWithoutAStackTraceOrItsCredentials(String url) throws Exception {
        Path report = Files.writeString(dir.resolve("r.json"), """
                {"loginUrl":"https://login.salesforce.com","username":"a@b.com","flow":"SOAP","error":"INVALID_LOGIN"}""");
        try (SimulatedOrg org = SimulatedOrg.start(SimScenarios.catalog().get(0))) {
            Cli.Run r = run(org, "diagnose", "--event", report.toString(), "--trust-url", url, "--no-store");
            assertEquals(LoginDoctor.EXIT_USAGE, r.exit(), r.err());
            assertTrue(r.err().contains("--trust-url"), r.err());
            assertFalse(r.err().contains("hunter2"), r.err());
            assertFalse(r.err().contains("\tat "), r.err());
        }
    }

    @Test
    void aMissingEventFileExitsTwo() {
        try (SimulatedOrg org = SimulatedOrg.start("healthy")) {
            Cli.Run r = run(org, "diagnose", "--event", dir.resolve("nope.json").toString());
            assertEquals(2, r.exit());
            assertTrue(r.err().contains("--event"), r.err());
        }
    }

    @Test
    void theDemoDiagnosesEveryScenarioRightAndKeepsThemOnlyWhenAskedTo() {
        Path store = dir.resolve("demo.jsonl");
        Cli.Run demo = Cli.run(Cli.at(dir), "demo", "--save", "--store", store.toString());
        assertEquals(0, demo.exit(), demo.out() + demo.err());
        // FAIL in the result column only: "DELEGATED_AUTH_FAILED" is a cause, not a miss.
        assertFalse(demo.out().lines().anyMatch(l -> l.matches(".*\\sFAIL\\s.*")), demo.out());
        for (String scenario : SimScenarios.catalog()) {
            assertTrue(demo.out().contains(scenario), scenario);
        }
        assertEquals(0, Cli.run(Cli.at(dir), "history", "--store", store.toString(), "--json").exit());
        assertEquals(SimScenarios.catalog().size(), LocalDiagnosisStore.at(store.toString(), Map.of()).readAll().size());
    }
}
