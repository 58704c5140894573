package dev.logindoctor.aws;

import com.fasterxml.jackson.databind.JsonNode;
import dev.logindoctor.engine.RiskCheckRunner;
import dev.logindoctor.engine.RiskSettings;
import dev.logindoctor.model.Risk;
import dev.logindoctor.probe.Deadline;
import dev.logindoctor.probe.Integration;
import dev.logindoctor.probe.MaintenanceCheck;
import dev.logindoctor.probe.ProbeOutcome;
import dev.logindoctor.probe.ProbeRun;
import dev.logindoctor.probe.ProbeSettings;
import dev.logindoctor.probe.ProbeSummary;
import dev.logindoctor.probe.RiskChecker;
import dev.logindoctor.probe.RiskRecord;
import dev.logindoctor.probe.RiskWatch;
import dev.logindoctor.salesforce.HttpTransport;
import dev.logindoctor.salesforce.SalesforceEvidenceSources;
import dev.logindoctor.salesforce.TokenCache;
import dev.logindoctor.sim.IntegrationSpec;
import dev.logindoctor.sim.SimulatedOrg;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The probe's risk check on AWS's engines: the registry in DynamoDB, secrets in Secrets Manager and
 * RiskDetected on EventBridge (moto, delivered to SQS), logging in to the simulated org over HTTP.
 */
@ExtendWith(MotoServer.class)
class ProbeRisksOnMotoTest {
    private final String run = UUID.randomUUID().toString().substring(0, 8);
    private final String table = "login-doctor-risks-" + run;
    private final String prefix = "login-doctor-" + run + "/";
    private final DynamoDbClient dynamoDb;
    private final SecretsManagerClient secrets;
    private final DynamoDbIntegrationRegistry registry;
    private final DiagnosisEventsQueue events;
    private final RiskEvents riskEvents;
    private final MotoServer.Moto moto;


    ProbeRisksOnMotoTest(MotoServer.Moto moto) {
        this.moto = moto;
        dynamoDb = moto.dynamoDb();
        secrets = moto.secretsManager();
        DiagnosisTable.create(dynamoDb, table);
        registry = new DynamoDbIntegrationRegistry(moto.api(AwsJsonApi.Service.DYNAMODB), table);
        events = new DiagnosisEventsQueue(moto.eventBridge(), moto.sqs(), "login-doctor-risks-" + run, RiskEvents.DETAIL_TYPE);
        riskEvents = new RiskEvents(moto.api(AwsJsonApi.Service.EVENTBRIDGE), events.busName);
    }

    private Integration register(SimulatedOrg org) {
        IntegrationSpec spec = org.scenario().integration();
        secrets.createSecret(c -> c.name(prefix + spec.integrationId()).secretString(org.integrationSecretJson()));
        secrets.createSecret(c -> c.name(prefix + "diagnostics").secretString(org.diagnosticsSecretJson()));
        Integration integration = new Integration(spec.integrationId(), org.baseUrl(), spec.username(), spec.flow(),
                prefix + spec.integrationId(), prefix + "diagnostics", null, true);
        registry.put(integration);
        return integration;
    }

    private ProbeRun probe(SimulatedOrg org, Clock clock) {
        HttpTransport transport = new HttpTransport();
        SecretsManagerResolver resolver = new SecretsManagerResolver(moto::secrets, prefix, clock);
        SalesforceEvidenceSources sources = new SalesforceEvidenceSources(resolver, org.baseUrl(), transport, clock, new TokenCache());
        RiskWatch watch = new RiskWatch(RiskChecker.of(new RiskCheckRunner(sources, resolver, clock, RiskSettings.DEFAULT), clock),
                registry, riskEvents, RiskWatch.DEFAULT_CLOSER_THRESHOLD);
        return new ProbeRun(registry, new SecretsManagerCredentialStore(moto::secrets, prefix),
                new dev.logindoctor.probe.SalesforceProbeLogin(transport, clock), MaintenanceCheck.never(),
                report -> {
                    throw new AssertionError("a healthy integration starts no diagnosis");
                }, clock, ProbeSettings.DEFAULT, watch);
    }

    @Test
    void tenProbeRunsOverAnUnchangedOrgAnnounceTheExpiringCertificateOnceAndLogInOnlyAsTheProbe() {
        try (SimulatedOrg org = SimulatedOrg.start("risk-certificate-expires")) {
            Integration integration = register(org);
            Clock clock = org.clock().asClock();
            ProbeRun probe = probe(org, clock);
            int before = org.attempts(integration.username()).attempts();

            List<ProbeSummary> runs = new ArrayList<>();
            for (int i = 0; i < 10; i++) {
                runs.add(probe.run(Deadline.unlimited()));
                org.clock().advance(Duration.ofMinutes(15));
            }

            runs.forEach(r -> assertEquals(ProbeOutcome.HEALTHY, r.results().get(0).outcome(), r.results().get(0).detail()));
            assertEquals(10L, runs.stream().mapToLong(ProbeSummary::loginAttempts).sum(), "the probe's own login, once per run");
            assertEquals(10, org.attempts(integration.username()).attempts() - before,
                    "the sim counted the probe's ten logins and nothing else: the risk check logged in as no one");
            List<JsonNode> announced = events.drain();
            assertEquals(1, announced.size(), "one RiskDetected for one risk over ten runs: " + announced);
            JsonNode detail = announced.get(0).get("detail");
            assertEquals("CERTIFICATE_EXPIRES", detail.get("risk").asText());
            assertEquals("2026-12-15T00:00:00Z", detail.get("dueAt").asText());
            assertEquals("billing-sync", detail.get("integrationId").asText());
            assertTrue(detail.get("fix").asText().contains("Use digital signatures"), detail.toString());

            RiskRecord stored = registry.risks("billing-sync").orElseThrow();
            assertEquals(List.of(Risk.CERTIFICATE_EXPIRES), stored.risks().stream().map(RiskRecord.Entry::risk).toList(),
                    "the item holds the current risks, not one per run");
            assertEquals(Instant.parse("2026-12-15T00:00:00Z"), stored.nearest().orElseThrow().dueAt());
            assertEquals(Risk.CERTIFICATE_EXPIRES, registry.list().get(0).risks().nearest().orElseThrow().risk(),
                    "listing the registry carries each integration's risks");
            assertTrue(runs.get(9).results().get(0).detail().contains("1 risk(s) ahead: CERTIFICATE_EXPIRES"),
                    runs.get(9).results().get(0).detail());

            String everything = announced + dynamoDb.scan(s -> s.tableName(table)).items().toString();
            assertFalse(everything.contains("PRIVATE KEY") || everything.contains("BEGIN CERTIFICATE"),
                    "no key or certificate reaches the table or the events");
        }
    }
}
