package dev.logindoctor.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.logindoctor.json.Json;
import dev.logindoctor.salesforce.HttpTransport;
import dev.logindoctor.salesforce.SalesforceEvidenceSources;
import dev.logindoctor.salesforce.TokenCache;
import dev.logindoctor.sim.IntegrationSpec;
import dev.logindoctor.sim.SimIntegration;
import dev.logindoctor.sim.SimulatedOrg;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The `check` contract against the simulated org: --json prints one object {risks, salesforceRequests}
 * (and gaps), exit 0 with or without risks, 2 for bad input naming the field, 3 when the diagnostics
 * connection fails; never a login.
 */
class CheckCommandTest {
    @TempDir
    Path dir;

    private Cli.Run run(SimulatedOrg org, String... args) {
        return Cli.run(Cli.on(org, dir), args);
    }

    private Cli.Run run(Clock clock, String... args) {
        return Cli.run(Cli.at(dir).withClock(clock), args);
    }

    private Path files(SimulatedOrg org, String diagnosticsSecretJson) throws Exception {
        IntegrationSpec spec = org.scenario().integration();
        Files.writeString(dir.resolve("integration.json"), SimIntegration.integrationJson(org, spec, "demo/diagnostics"));
        Files.writeString(dir.resolve("secrets.json"), "{\"demo/diagnostics\": " + diagnosticsSecretJson + ", \""
                + SimIntegration.credentialSecretName(spec) + "\": " + org.integrationSecretJson() + "}");
        return dir;
    }

    @Test
    void aTrialOrgExpiringPrintsOneJsonObjectWithTheRiskItsDateAndTwoOrgRequests() throws Exception {
        try (SimulatedOrg org = SimulatedOrg.start("risk-org-expires")) {
            files(org, org.diagnosticsSecretJson());
            int attempts = org.attempts("billing.sync@acme.com").attempts();
            Cli.Run r = run(org, "check", "--event", dir.resolve("integration.json").toString(), "--secrets", dir.resolve("secrets.json").toString(),
                    "--trust-url", org.baseUrl(), "--horizon-days", "30", "--json");
            assertEquals(0, r.exit(), r.err());
            JsonNode json = Json.MAPPER.readTree(r.out());
            assertEquals(1, json.get("risks").size(), r.out());
            JsonNode risk = json.get("risks").get(0);
            assertEquals("ORG_EXPIRES", risk.get("risk").asText());
            assertEquals("2026-12-11T00:00:00Z", risk.get("dueAt").asText());
            assertTrue(risk.get("evidence").isArray() && risk.get("fix").isTextual(), r.out());
            assertEquals(2, json.get("salesforceRequests").asInt());
            assertEquals(attempts, org.attempts("billing.sync@acme.com").attempts(), "no login as the integration");
            assertFalse(r.out().contains("PRIVATE KEY"), "no secret in the output");
        }
    }

    @Test
    void aHorizonShorterThanTheExpiryLeavesNoRiskAndStillExitsZero() throws Exception {
        try (SimulatedOrg org = SimulatedOrg.start("risk-org-expires")) {
            files(org, org.diagnosticsSecretJson());
            Cli.Run r = run(org, "check", "--event", dir.resolve("integration.json").toString(), "--secrets", dir.resolve("secrets.json").toString(),
                    "--trust-url", org.baseUrl(), "--horizon-days", "7", "--json");
            assertEquals(0, r.exit(), r.err());
            assertEquals(0, Json.MAPPER.readTree(r.out()).get("risks").size(), r.out());
        }
    }

    @Test
    void aRefusedDiagnosticsConnectionExitsThreeAndSaysEveryOrgRiskIsAGap() throws Exception {
        try (SimulatedOrg org = SimulatedOrg.start("risk-org-expires")) {
            String wrongApp = org.diagnosticsSecretJson().replaceFirst("\"clientId\":\"[^\"]+\"", "\"clientId\":\"3MVGnotAnApp\"");
            files(org, wrongApp);
            Cli.Run r = run(org, "check", "--event", dir.resolve("integration.json").toString(), "--secrets", dir.resolve("secrets.json").toString(),
                    "--trust-url", org.baseUrl(), "--json");
            assertEquals(3, r.exit(), r.out() + r.err());
            assertTrue(r.err().contains("the diagnostics connection failed"), r.err());
            JsonNode gaps = Json.MAPPER.readTree(r.out()).get("gaps");
            assertTrue(gaps.toString().contains("ORG_EXPIRES"), gaps.toString());
            assertEquals(0, Json.MAPPER.readTree(r.out()).get("risks").size(), "no risk from a gap");
        }
    }

    @Test
    void badInputIsRefusedWithExitTwoNamingTheField() throws Exception {
        Files.writeString(dir.resolve("bad.json"), "{\"loginUrl\":\"https://acme.my.salesforce.com\",\"username\":\"svc@acme.com\",\"flow\":\"TELNET\"}");
        Cli.Run r = run(Clock.systemUTC(), "check", "--event", dir.resolve("bad.json").toString());
        assertEquals(2, r.exit());
        assertTrue(r.err().contains("field 'flow'"), r.err());
        Files.writeString(dir.resolve("good.json"), "{\"loginUrl\":\"https://acme.my.salesforce.com\",\"username\":\"svc@acme.com\",\"flow\":\"SOAP\"}");
        Cli.Run horizon = run(Clock.systemUTC(), "check", "--event", dir.resolve("good.json").toString(), "--horizon-days", "0");
        assertEquals(2, horizon.exit());
        assertTrue(horizon.err().contains("--horizon-days"), horizon.err());
        Cli.Run secret = run(Clock.systemUTC(), "check", "--event", dir.resolve("bad.json").toString().replace("bad", "none"));
        assertEquals(2, secret.exit());
        assertTrue(secret.err().contains("--event"), secret.err());
    }
}
