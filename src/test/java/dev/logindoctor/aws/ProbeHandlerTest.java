package dev.logindoctor.aws;

import com.amazonaws.services.lambda.runtime.Context;
import com.fasterxml.jackson.databind.JsonNode;
import dev.logindoctor.engine.DiagnosisState;
import dev.logindoctor.json.Json;
import dev.logindoctor.model.LoginFlow;
import dev.logindoctor.probe.FakeOrgLogins;
import dev.logindoctor.probe.Integration;
import dev.logindoctor.probe.MaintenanceCheck;
import dev.logindoctor.probe.ProbeRun;
import dev.logindoctor.probe.ProbeSettings;
import dev.logindoctor.probe.SteppingClock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.sfn.SfnClient;
import software.amazon.awssdk.services.sfn.model.ExecutionListItem;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The probe handler over moto: registry in DynamoDB, credentials in Secrets Manager, diagnoses in Step Functions. */
@ExtendWith(MotoServer.class)
class ProbeHandlerTest {
    private static final String SCHEDULER_EVENT = "{\"source\":\"aws.scheduler\",\"detail-type\":\"Scheduled Event\",\"detail\":{}}";
    private static final String WRONG = "{\"password\":\"Autumn2026!Wrong\",\"securityToken\":\"aK9fT3xQ2mV7pL4sR8wE1zYb\"}";
    private static final String RIGHT = "{\"password\":\"Spring2026!Billing\",\"securityToken\":\"aK9fT3xQ2mV7pL4sR8wE1zYb\"}";

    private final String run = UUID.randomUUID().toString().substring(0, 8);
    private final String table = "login-doctor-probe-" + run;
    private final String prefix = "login-doctor-" + run + "/";
    private final DynamoDbClient dynamoDb;
    private final SecretsManagerClient secrets;
    private final SfnClient stepFunctions;
    private final String stateMachineArn;
    private final DynamoDbIntegrationRegistry registry;
    private final SteppingClock clock = new SteppingClock(Instant.parse("2026-11-27T10:00:00Z"));
    private final FakeOrgLogins org = new FakeOrgLogins();
    private final ProbeHandler handler;

    ProbeHandlerTest(MotoServer.Moto moto) {
        dynamoDb = moto.dynamoDb();
        secrets = moto.secretsManager();
        stepFunctions = moto.stepFunctions();
        DiagnosisTable.create(dynamoDb, table);
        stateMachineArn = stepFunctions.createStateMachine(c -> c.name("login-doctor-" + run)
                .definition(StateMachineDefinition.substituted())
                .roleArn("arn:aws:iam::123456789012:role/login-doctor-state-machine")).stateMachineArn();
        registry = new DynamoDbIntegrationRegistry(moto.api(AwsJsonApi.Service.DYNAMODB), table);
        IntakeHandler intake = new IntakeHandler(new StepFunctionsStarter(() -> moto.api(AwsJsonApi.Service.STEP_FUNCTIONS), stateMachineArn), prefix, clock);
        handler = new ProbeHandler(new ProbeRun(registry, new SecretsManagerCredentialStore(moto::secrets, prefix), org,
                MaintenanceCheck.never(), new IntakeDiagnosisStarter(intake), clock, ProbeSettings.DEFAULT));
    }

    private void register(String id, String username, String credential) {
        secrets.createSecret(c -> c.name(prefix + id).secretString(credential));
        registry.put(new Integration(id, "https://acme.my.salesforce.com", username, LoginFlow.SOAP, prefix + id,
                prefix + "diagnostics", "NA224", true));
    }

    /** One scheduled invocation; the next one comes five minutes later. */
    private JsonNode scheduledRun(Context context) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        handler.handleRequest(new ByteArrayInputStream(SCHEDULER_EVENT.getBytes(StandardCharsets.UTF_8)), out, context);
        clock.advance(Duration.ofMinutes(5));
        return Json.MAPPER.readTree(out.toByteArray());
    }

    private List<ExecutionListItem> executions() {
        List<ExecutionListItem> all = new ArrayList<>();
        stepFunctions.listExecutionsPaginator(l -> l.stateMachineArn(stateMachineArn)).executions().forEach(all::add);
        return all;
    }

    private static JsonNode result(JsonNode summary, String id) {
        for (JsonNode r : summary.get("results")) {
            if (r.get("integrationId").asText().equals(id)) {
                return r;
            }
        }
        throw new AssertionError("no result for " + id + " in " + summary);
    }

    @Test
    void tenScheduledRunsOverAFailingCredentialMakeOneLoginAndOneDiagnosis() throws IOException {
        register("billing-sync", "svc@acme.com", WRONG);
        register("orders-sync", "orders@acme.com", RIGHT);
        org.accept("svc@acme.com", RIGHT);
        org.accept("orders@acme.com", RIGHT);
        TestContext context = new TestContext("Probe");

        List<JsonNode> runs = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            runs.add(scheduledRun(context));
        }

        assertEquals(1, org.attempts("svc@acme.com"), "the failing credential was tried once");
        assertEquals(10, org.attempts("orders@acme.com"), "the healthy one every run");
        List<ExecutionListItem> made = executions();
        assertEquals(1, made.size(), "one diagnosis, for the failing integration only");
        assertEquals(made.get(0).executionArn(), result(runs.get(0), "billing-sync").get("diagnosis").asText());
        assertTrue(made.get(0).name().startsWith("billing-sync-20261127T1000-"), made.get(0).name());
        assertEquals("SKIPPED_UNCHANGED", result(runs.get(9), "billing-sync").get("outcome").asText());
        assertEquals("HEALTHY", result(runs.get(9), "orders-sync").get("outcome").asText());

        DiagnosisState input = Json.MAPPER.readValue(stepFunctions.describeExecution(d -> d.executionArn(made.get(0).executionArn())).input(),
                DiagnosisState.class);
        assertEquals("INVALID_LOGIN", input.report().error().code());
        assertEquals(prefix + "billing-sync", input.report().credentialSecret());
        assertEquals(prefix + "diagnostics", input.report().diagnosticsSecret());
        assertEquals(secrets.describeSecret(d -> d.secretId(prefix + "billing-sync")).createdDate(), input.report().credentialUpdatedAt(),
                "credentialUpdatedAt is the secret version's creation date");

        String everything = runs + context.log() + made + stepFunctions.describeExecution(d -> d.executionArn(made.get(0).executionArn())).input()
                + dynamoDb.scan(s -> s.tableName(table)).items();
        for (String secret : List.of("Autumn2026!Wrong", "Spring2026!Billing", "aK9fT3xQ2mV7pL4sR8wE1zYb")) {
            assertFalse(everything.contains(secret), "a credential leaked: " + secret);
        }
        assertTrue(context.log().contains("\"probeRun\""), "the run's summary is logged");
    }

    @Test
    void aRotationInSecretsManagerIsProbedOnceOnTheNextRun() throws IOException {
        register("billing-sync", "svc@acme.com", WRONG);
        org.accept("svc@acme.com", RIGHT);
        TestContext context = new TestContext("Probe");
        scheduledRun(context);
        scheduledRun(context);
        assertEquals(1, org.attempts("svc@acme.com"));

        clock.advance(Duration.ofMinutes(30));
        secrets.putSecretValue(p -> p.secretId(prefix + "billing-sync").secretString(WRONG.replace("Wrong", "AlsoWrong")));
        assertEquals("FAILED", result(scheduledRun(context), "billing-sync").get("outcome").asText());
        assertEquals("SKIPPED_UNCHANGED", result(scheduledRun(context), "billing-sync").get("outcome").asText());
        assertEquals(2, org.attempts("svc@acme.com"));
        assertEquals(2, executions().size(), "the rotated credential's failure is a new diagnosis");

        secrets.putSecretValue(p -> p.secretId(prefix + "billing-sync").secretString(RIGHT));
        assertEquals("HEALTHY", result(scheduledRun(context), "billing-sync").get("outcome").asText());
        assertEquals(3, org.attempts("svc@acme.com"));
    }

    @Test
    void aRunWithTooLittleLambdaTimeLeftLogsInToNothingAndSaysWhatItLeft() throws IOException {
        register("billing-sync", "svc@acme.com", RIGHT);
        org.accept("svc@acme.com", RIGHT);
        JsonNode summary = scheduledRun(new TestContext("Probe").withTimeLeft(10_000));
        assertEquals(0, org.attempts("svc@acme.com"));
        assertEquals("billing-sync", summary.get("notReached").get(0).asText());
        assertEquals(0, summary.get("results").size());
        assertEquals(0, registry.find("billing-sync").orElseThrow().lastProbe().revision(), "untouched: the oldest next run");
    }

    @Test
    void theNoVerdictRetryComesFromTheTemplatesParameterWithinItsBounds() {
        assertEquals(java.util.Optional.empty(), FunctionEnvironment.of(java.util.Map.of()).probeNoVerdictRetry(), "unset: the probe's default");
        assertEquals(Duration.ofDays(1), dev.logindoctor.probe.ProbeSettings.DEFAULT_NO_VERDICT_RETRY, "the default: a day");
        assertEquals(java.util.Optional.of(Duration.ofHours(6)), FunctionEnvironment.of(java.util.Map.of("PROBE_NO_VERDICT_RETRY_HOURS", "6")).probeNoVerdictRetry());
        for (String bad : List.of("0", "169", "-1", "1.5", "a day")) {
            IllegalStateException e = assertThrows(IllegalStateException.class,
                    () -> FunctionEnvironment.of(java.util.Map.of("PROBE_NO_VERDICT_RETRY_HOURS", bad)).probeNoVerdictRetry());
            assertTrue(e.getMessage().contains("PROBE_NO_VERDICT_RETRY_HOURS"), e.getMessage());
        }
    }
}
