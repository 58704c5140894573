package dev.logindoctor.probe;

import dev.logindoctor.json.Json;
import dev.logindoctor.engine.SecretResolver;
import dev.logindoctor.model.Cause;
import dev.logindoctor.model.Diagnosis;
import dev.logindoctor.salesforce.HttpTransport;
import dev.logindoctor.salesforce.SalesforceEvidenceSources;
import dev.logindoctor.salesforce.TokenCache;
import dev.logindoctor.salesforce.TrustClient;
import dev.logindoctor.sim.IntegrationSpec;
import dev.logindoctor.sim.SimClock;
import dev.logindoctor.sim.SimScenario;
import dev.logindoctor.sim.SimulatedOrg;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The probe end to end against the simulated org over real HTTP: the real login clients, the real
 * Trust client, the local engine diagnosing what the probe saw. Attempts are counted by the sim
 * itself ({@code /_sim/attempts}), the way Salesforce counts them toward a lockout.
 */
class ProbeAgainstSimulatedOrgTest {
    private static final Duration SCHEDULE = Duration.ofMinutes(15);

    @TempDir
    Path dir;

    private final Map<String, String> secrets = new ConcurrentHashMap<>();
    private final List<Diagnosis> diagnoses = new ArrayList<>();

    /** The sim's clock as the probe's, so failure times and LoginHistory rows agree. */
    private static Clock clockOf(SimClock sim) {
        return sim.asClock();
    }

    private FileIntegrationRegistry registry() {
        return new FileIntegrationRegistry(dir.resolve("integrations.json"));
    }

    /** The scenario's integration, registered against the sim, with its credential in the secrets. */
    private Integration register(SimulatedOrg org, String instance) {
        IntegrationSpec spec = org.scenario().integration();
        Integration integration = new Integration(spec.integrationId(), org.baseUrl(), spec.username(), spec.flow(),
                "local/" + spec.integrationId(), "local/diagnostics", instance, true);
        registry().put(integration);
        secrets.put(integration.credentialSecret(), credentialJson(spec.credential(), spec.credentialUpdatedAt()));
        secrets.put("local/diagnostics", org.diagnosticsSecretJson());
        return integration;
    }

    /** The credential secret as the --secrets file holds it; "updatedAt" dates this version (the report's credentialUpdatedAt). */
    private static String credentialJson(IntegrationSpec.Credential c, Instant updatedAt) {
        Map<String, String> json = new LinkedHashMap<>();
        json.put("updatedAt", updatedAt == null ? null : updatedAt.toString());
        json.put("password", c.password());
        json.put("securityToken", c.securityToken());
        json.put("clientId", c.clientId());
        json.put("clientSecret", c.clientSecret());
        json.put("refreshToken", c.refreshToken());
        json.values().removeIf(v -> v == null);
        try {
            return Json.MAPPER.writeValueAsString(json);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private ProbeSummary scheduledRun(SimulatedOrg org) {
        Clock clock = clockOf(org.clock());
        SecretResolver resolver = reference -> {
            String v = secrets.get(reference);
            if (v == null) {
                throw new SecretResolver.SecretUnavailable("secret '" + reference + "' is not in the secrets file");
            }
            return v;
        };
        HttpTransport transport = new HttpTransport();
        SalesforceEvidenceSources sources = new SalesforceEvidenceSources(resolver, org.baseUrl(), transport, clock, new TokenCache());
        ProbeRun run = new ProbeRun(registry(), new FingerprintedCredentials(resolver), new SalesforceProbeLogin(transport, clock),
                new TrustMaintenanceCheck(new TrustClient(org.baseUrl(), transport)),
                new LocalDiagnosisStarter(sources, clock, diagnoses::add), clock, ProbeSettings.DEFAULT);
        ProbeSummary summary = run.run(Deadline.unlimited());
        org.clock().advance(SCHEDULE);
        return summary;
    }

    /** {@code GET /_sim/attempts?username=}: what the org counted. */
    private static int attempts(SimulatedOrg org, String username) {
        try {
            HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create(org.baseUrl() + "/_sim/attempts?username=" + username)).GET().build(), HttpResponse.BodyHandlers.ofString());
            return Json.MAPPER.readTree(response.body()).get("attempts").asInt();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String realCredential(SimulatedOrg org, String username) {
        SimScenario.User user = org.scenario().users().stream().filter(u -> u.username().equalsIgnoreCase(username)).findFirst().orElseThrow();
        IntegrationSpec.Credential c = org.scenario().integration().credential();
        return credentialJson(new IntegrationSpec.Credential(user.password(), user.securityToken(), c.clientId(), c.clientSecret(),
                null, null, null, null), org.now());
    }

    @Test
    void tenScheduledRunsOverAWrongPasswordMakeOneLoginAttemptAndOneRightDiagnosis() {
        try (SimulatedOrg org = SimulatedOrg.start("wrong-password")) {
            Integration integration = register(org, null);
            List<ProbeSummary> runs = new ArrayList<>();
            for (int i = 0; i < 10; i++) {
                runs.add(scheduledRun(org));
            }

            assertEquals(1, attempts(org, integration.username()), "one failed login in ten runs");
            assertEquals(ProbeOutcome.FAILED, runs.get(0).result(integration.id()).outcome());
            assertTrue(runs.get(0).result(integration.id()).detail().contains("invalid_grant"), runs.get(0).result(integration.id()).detail());
            runs.subList(1, 10).forEach(r -> assertEquals(ProbeOutcome.SKIPPED_UNCHANGED, r.result(integration.id()).outcome()));
            assertEquals(1, diagnoses.size());
            assertEquals(Cause.WRONG_PASSWORD, diagnoses.get(0).cause(), () -> "diagnosed from the probe's real error: " + diagnoses.get(0).findings());
            assertEquals(diagnoses.get(0).diagnosisId(), registry().find(integration.id()).orElseThrow().lastProbe().diagnosis());
        }
    }

    @Test
    void aRotatedCredentialIsProbedOnce() {
        try (SimulatedOrg org = SimulatedOrg.start("wrong-password")) {
            Integration integration = register(org, null);
            scheduledRun(org);
            scheduledRun(org);
            assertEquals(1, attempts(org, integration.username()));

            secrets.put(integration.credentialSecret(), realCredential(org, integration.username()));
            assertEquals(ProbeOutcome.HEALTHY, scheduledRun(org).result(integration.id()).outcome(), "the rotation is tried on the next run");
            assertEquals(2, attempts(org, integration.username()));
            assertEquals(0, registry().find(integration.id()).orElseThrow().lastProbe().consecutiveFailures());
        }
    }

    @Test
    void aHealthyIntegrationIsProbedEveryRunAndNeverDiagnosed() {
        try (SimulatedOrg org = SimulatedOrg.start("healthy")) {
            Integration integration = register(org, null);
            for (int i = 0; i < 5; i++) {
                assertEquals(ProbeOutcome.HEALTHY, scheduledRun(org).result(integration.id()).outcome());
            }
            assertEquals(5, attempts(org, integration.username()));
            assertTrue(diagnoses.isEmpty());
        }
    }

    @Test
    void anOrgInMaintenanceIsSkippedAndNothingIsSentToItsLogin() {
        try (SimulatedOrg org = SimulatedOrg.start("org-maintenance")) {
            Integration integration = register(org, "NA224");
            int tokenRequestsBefore = org.requestCounts().soap() + org.requestCounts().token();
            ProbeSummary summary = scheduledRun(org);

            assertEquals(ProbeOutcome.SKIPPED_MAINTENANCE, summary.result(integration.id()).outcome());
            assertEquals("skipped: NA224 is MAINTENANCE_CORE on Salesforce Trust", summary.result(integration.id()).detail());
            assertEquals(0, attempts(org, integration.username()));
            assertEquals(tokenRequestsBefore, org.requestCounts().soap() + org.requestCounts().token());
            assertEquals(1, org.requestCounts().trust(), "one Trust lookup");
            assertTrue(diagnoses.isEmpty());

            // The maintenance ends at 11:00; the sim's clock passes it and the org is probed again.
            org.clock().set(Instant.parse("2026-11-27T11:05:00Z"));
            assertEquals(ProbeOutcome.HEALTHY, scheduledRun(org).result(integration.id()).outcome());
            assertEquals(1, attempts(org, integration.username()));
        }
    }

    @Test
    void credentialsNeverReachTheRegistryTheSummaryOrTheDiagnosis() throws IOException {
        try (SimulatedOrg org = SimulatedOrg.start("wrong-password")) {
            Integration integration = register(org, null);
            IntegrationSpec.Credential c = org.scenario().integration().credential();
            String everything = Json.MAPPER.writeValueAsString(List.of(scheduledRun(org), scheduledRun(org), diagnoses))
                    + Files.readString(dir.resolve("integrations.json"));
            for (String secret : List.of(c.password(), c.securityToken(), c.clientSecret())) {
                assertFalse(everything.contains(secret), "leaked a credential of " + integration.id());
            }
        }
    }
}
