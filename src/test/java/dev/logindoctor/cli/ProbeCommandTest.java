package dev.logindoctor.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.logindoctor.json.Json;
import dev.logindoctor.model.Cause;
import dev.logindoctor.sim.IntegrationSpec;
import dev.logindoctor.sim.SimulatedOrg;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * `integrations add` then `probe`, run after run, against the simulated org over HTTP: the wrong
 * password is tried once, the failure is diagnosed and stored, `history` and `integrations list` show it.
 */
class ProbeCommandTest {
    @TempDir
    Path dir;

    private Cli.Run cli(SimulatedOrg org, String... args) {
        // The sim's clock stands at the scenario's time: failure times must agree with its LoginHistory.
        return Cli.run(Cli.on(org, dir), args);
    }

    private Path secretsFile(SimulatedOrg org, String credentialSecret) throws IOException {
        IntegrationSpec spec = org.scenario().integration();
        IntegrationSpec.Credential c = spec.credential();
        String credential = Json.MAPPER.createObjectNode()
                .put("password", c.password()).put("securityToken", c.securityToken())
                .put("clientId", c.clientId()).put("clientSecret", c.clientSecret())
                .put("updatedAt", spec.credentialUpdatedAt().toString()).toString();
        Path file = dir.resolve("secrets.json");
        Files.writeString(file, Json.MAPPER.createObjectNode()
                .put(credentialSecret, credential)
                .put("local/diagnostics", org.diagnosticsSecretJson()).toString());
        return file;
    }

    @Test
    void aFailingIntegrationIsLoggedInAsOnceAndDiagnosedOnce() throws IOException {
        try (SimulatedOrg org = SimulatedOrg.start("wrong-password")) {
            IntegrationSpec spec = org.scenario().integration();
            String store = dir.resolve("diagnoses.jsonl").toString();
            Path secrets = secretsFile(org, "local/billing-sync");

            Cli.Run added = cli(org, "integrations", "add", "--id", spec.integrationId(), "--login-url", org.baseUrl(),
                    "--username", spec.username(), "--flow", spec.flow().name(), "--credential-secret", "local/billing-sync",
                    "--diagnostics-secret", "local/diagnostics", "--store", store);
            assertEquals(0, added.exit(), added.err());
            assertTrue(Files.exists(dir.resolve("integrations.json")), "the registry sits beside the diagnoses store");

            List<Cli.Run> probes = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                probes.add(cli(org, "probe", "--secrets", secrets.toString(), "--store", store, "--trust-url", org.baseUrl()));
                org.clock().advance(Duration.ofMinutes(15));
            }
            assertEquals(1, org.attempts(spec.username()).attempts(), "three runs, one login");
            for (Cli.Run probe : probes) {
                assertEquals(LoginDoctor.EXIT_FAILED, probe.exit(), probe.out() + probe.err());
            }
            assertTrue(probes.get(0).out().contains("FAILED"), probes.get(0).out());
            assertTrue(probes.get(0).out().contains("invalid_grant"), probes.get(0).out());
            assertTrue(probes.get(2).out().contains("skipped: credential unchanged since it failed"), probes.get(2).out());
            assertTrue(probes.get(2).out().contains("0 login(s) sent"), probes.get(2).out());

            Cli.Run history = cli(org, "history", "--json", "--store", store);
            JsonNode diagnoses = Json.MAPPER.readTree(history.out());
            assertEquals(1, diagnoses.size());
            assertEquals(Cause.WRONG_PASSWORD.name(), diagnoses.get(0).get("cause").asText());

            Cli.Run list = cli(org, "integrations", "list", "--store", store);
            assertTrue(list.out().contains("SKIPPED_UNCHANGED"), list.out());
            JsonNode listed = Json.MAPPER.readTree(cli(org, "integrations", "list", "--json", "--store", store).out());
            assertEquals(1, listed.get(0).get("lastProbe").get("consecutiveFailures").asInt());
            assertEquals(diagnoses.get(0).get("diagnosisId").asText(), listed.get(0).get("lastProbe").get("diagnosis").asText());

            String everything = String.join("\n", probes.stream().map(r -> r.out() + r.err()).toList()) + history.out() + list.out()
                    + Files.readString(dir.resolve("integrations.json")) + Files.readString(Path.of(store));
            for (String secret : List.of(spec.credential().password(), spec.credential().securityToken(), spec.credential().clientSecret())) {
                assertFalse(everything.contains(secret), "a credential reached the output or the stores");
            }
        }
    }

    @Test
    void aHealthyIntegrationExitsZeroEveryRun() throws IOException {
        try (SimulatedOrg org = SimulatedOrg.start("healthy")) {
            IntegrationSpec spec = org.scenario().integration();
            String store = dir.resolve("diagnoses.jsonl").toString();
            Path secrets = secretsFile(org, "local/" + spec.integrationId());
            assertEquals(0, cli(org, "integrations", "add", "--id", spec.integrationId(), "--login-url", org.baseUrl(),
                    "--username", spec.username(), "--flow", spec.flow().name(), "--credential-secret", "local/" + spec.integrationId(),
                    "--store", store).exit());
            for (int i = 0; i < 3; i++) {
                Cli.Run probe = cli(org, "probe", "--secrets", secrets.toString(), "--store", store, "--trust-url", org.baseUrl(), "--json");
                assertEquals(0, probe.exit(), probe.out() + probe.err());
                assertEquals("HEALTHY", Json.MAPPER.readTree(probe.out()).get("results").get(0).get("outcome").asText());
            }
            assertEquals(3, org.attempts(spec.username()).attempts());
            assertFalse(Files.exists(Path.of(store)), "nothing diagnosed, nothing stored");
        }
    }
}
