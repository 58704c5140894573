package dev.logindoctor.aws;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.logindoctor.engine.DiagnosisState;
import dev.logindoctor.json.Json;
import dev.logindoctor.model.Cause;
import dev.logindoctor.model.Diagnosis;
import dev.logindoctor.model.FailureReport;
import dev.logindoctor.model.Finding;
import dev.logindoctor.model.LoginFlow;
import dev.logindoctor.model.ReportedError;
import dev.logindoctor.model.Verdict;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

@ExtendWith(MotoServer.class)
class RecordHandlerTest {
    private static final Instant STARTED = Instant.parse("2026-11-27T10:16:00Z");
    private static final Instant NOW = STARTED.plusSeconds(4);
    private static final String STATE_MACHINE = "arn:aws:states:us-east-1:123456789012:execution:login-doctor:";
    private static final FailureReport REPORT = new FailureReport("billing-sync", "https://acme.my.salesforce.com", "integration@acme.com",
            LoginFlow.SOAP, new ReportedError("INVALID_LOGIN", "Invalid username, password, security token; or user locked out."),
            Instant.parse("2026-11-27T10:15:00Z"), "203.0.113.7", null, "login-doctor/billing-sync", "login-doctor/diagnostics");

    private final String name = "record-" + UUID.randomUUID();
    private final DynamoDbDiagnosisStore store;
    private final DiagnosisEventsQueue events;
    private final ByteArrayOutputStream metricsOut = new ByteArrayOutputStream();
    private final RecordHandler record;

    RecordHandlerTest(MotoServer.Moto moto) {
        DiagnosisTable.create(moto.dynamoDb(), name);
        store = new DynamoDbDiagnosisStore(moto.api(AwsJsonApi.Service.DYNAMODB), name, Duration.ofDays(30));
        events = new DiagnosisEventsQueue(moto.eventBridge(), moto.sqs(), name);
        record = new RecordHandler(store, new DiagnosisEvents(moto.api(AwsJsonApi.Service.EVENTBRIDGE), events.busName, name),
                new DiagnosisMetrics(new PrintStream(metricsOut, true, StandardCharsets.UTF_8)), Clock.fixed(NOW, ZoneOffset.UTC));
    }

    private JsonNode invoke(ObjectNode state, String executionName) throws IOException {
        ObjectNode request = Json.MAPPER.createObjectNode();
        request.set("state", state);
        request.put("executionArn", STATE_MACHINE + executionName).put("executionName", executionName);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        record.handleRequest(new ByteArrayInputStream(request.toString().getBytes(StandardCharsets.UTF_8)), out, new TestContext("Record"));
        return Json.MAPPER.readTree(out.toByteArray());
    }

    private static ObjectNode lockedOutState() {
        DiagnosisState state = DiagnosisState.start(REPORT, STARTED)
                .withFinding(Finding.ruledOut("CheckUsername", Cause.USERNAME_NOT_FOUND, List.of("User exists")))
                .withFinding(Finding.confirmed("CheckLockout", Cause.USER_LOCKED_OUT, List.of("UserLogin.IsPasswordLocked = true"),
                        "Setup → Users → integration@acme.com → Unlock"));
        return StateDocument.write(state);
    }

    @Test
    void aConfirmedCauseIsStoredAnnouncedAndCounted() throws IOException {
        JsonNode result = invoke(lockedOutState(), "billing-sync-20261127T1015-aaaa");
        assertEquals("USER_LOCKED_OUT", result.get("cause").asText());
        assertEquals("CheckLockout", result.get("confirmedBy").asText());
        assertEquals("STORED", result.get("stored").asText());

        Diagnosis stored = store.queryByIntegration("billing-sync", 10).get(0);
        assertEquals("billing-sync-20261127T1015-aaaa", stored.diagnosisId(), "the diagnosis id is the execution name");
        assertEquals(Cause.USER_LOCKED_OUT, stored.cause());
        assertEquals(4000, stored.durationMs());
        assertEquals(2, stored.findings().size());

        List<JsonNode> published = events.drain();
        assertEquals(1, published.size());
        JsonNode event = published.get(0);
        assertEquals("login-doctor", event.get("source").asText());
        assertEquals("DiagnosisCompleted", event.get("detail-type").asText());
        JsonNode detail = event.get("detail");
        assertEquals("USER_LOCKED_OUT", detail.get("cause").asText());
        assertEquals("billing-sync", detail.get("integrationId").asText());
        assertEquals(STATE_MACHINE + "billing-sync-20261127T1015-aaaa", detail.get("executionArn").asText());
        assertEquals("integration@acme.com", detail.get("username").asText());
        assertEquals("CheckLockout", detail.get("confirmedBy").asText());
        assertEquals("2026-11-27T10:15:00Z", detail.get("failedAt").asText());
        assertFalse(detail.toString().contains("login-doctor/"), "no secret references in the event");
        assertFalse(detail.get("fix").asText().isBlank(), "the event carries the fix");
        assertEquals("https://us-east-1.console.aws.amazon.com/states/home?region=us-east-1#/v2/executions/details/"
                + STATE_MACHINE + "billing-sync-20261127T1015-aaaa", detail.get("executionConsoleUrl").asText());
        String item = detail.get("itemConsoleUrl").asText();
        assertTrue(item.startsWith("https://us-east-1.console.aws.amazon.com/dynamodbv2/home?region=us-east-1#edit-item?")
                && item.contains("&table=" + name) && item.contains("&pk=INTEGRATION%23billing-sync&sk=DIAG%232026-11-27T10%3A15%3A00.000Z%23"), item);

        JsonNode emf = Json.MAPPER.readTree(metricsOut.toString(StandardCharsets.UTF_8).strip());
        JsonNode directive = emf.get("_aws").get("CloudWatchMetrics").get(0);
        assertEquals("LoginDoctor", directive.get("Namespace").asText());
        assertEquals("Cause", directive.get("Dimensions").get(0).get(0).asText());
        assertEquals(List.of("Diagnoses", "DurationMs", "SalesforceRequests"),
                directive.get("Metrics").findValuesAsText("Name"));
        assertEquals("USER_LOCKED_OUT", emf.get("Cause").asText());
        assertEquals(1, emf.get("Diagnoses").asInt());
        assertEquals(4000, emf.get("DurationMs").asLong());
        assertEquals(NOW.toEpochMilli(), emf.get("_aws").get("Timestamp").asLong());
    }

    @Test
    void aRetriedRecordKeepsTheFirstItemAndStillSucceeds() throws IOException {
        invoke(lockedOutState(), "exec-retried");
        JsonNode retried = invoke(lockedOutState(), "exec-retried");
        assertEquals("ALREADY_STORED", retried.get("stored").asText());
        assertEquals(1, store.queryByIntegration("billing-sync", 10).size());
    }

    @Test
    void noConfirmedCauseIsRecordedAsUndeterminedWithEveryFinding() throws IOException {
        DiagnosisState state = DiagnosisState.start(REPORT, STARTED)
                .withFinding(Finding.ruledOut("CheckUsername", Cause.USERNAME_NOT_FOUND, List.of("User exists")))
                .withFinding(Finding.inconclusive("CheckLockout", Cause.USER_LOCKED_OUT, List.of("UserLogin unreadable")));
        JsonNode result = invoke(StateDocument.write(state), "exec-undetermined");
        assertEquals("UNDETERMINED", result.get("cause").asText());
        assertNull(result.get("confirmedBy"));
        Diagnosis stored = store.queryByCause(Cause.UNDETERMINED, REPORT.failedAt(), REPORT.failedAt(), 10).get(0);
        assertEquals(2, stored.findings().size());
        assertNull(events.drain().get(0).get("detail").get("confirmedBy"));
    }

    @Test
    void aFailureCaughtOnTheLastStepIsRecordedAsItsInconclusiveFinding() throws IOException {
        ObjectNode state = StateDocument.write(DiagnosisState.start(REPORT, STARTED)
                .withFinding(Finding.ruledOut("CheckUsername", Cause.USERNAME_NOT_FOUND, List.of("User exists"))));
        state.putObject("failure")
                .put("Error", "dev.logindoctor.salesforce.SalesforceUnavailable")
                .put("Cause", "{\"errorMessage\":\"composite timed out after 15 s\",\"errorType\":\"dev.logindoctor.salesforce.SalesforceUnavailable\",\"stackTrace\":[\"a.b(C.java:1)\"]}")
                .put("step", "CheckPassword");
        invoke(state, "exec-caught");
        Diagnosis stored = store.queryByIntegration("billing-sync", 10).get(0);
        Finding last = stored.findings().get(stored.findings().size() - 1);
        assertEquals("CheckPassword", last.step());
        assertEquals(Verdict.INCONCLUSIVE, last.verdict());
        assertEquals(List.of("the step could not run: SalesforceUnavailable: composite timed out after 15 s"), last.evidence());
    }
}
