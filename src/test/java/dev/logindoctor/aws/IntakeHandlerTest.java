package dev.logindoctor.aws;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.logindoctor.engine.DiagnosisState;
import dev.logindoctor.json.Json;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.sfn.SfnClient;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

@ExtendWith(MotoServer.class)
class IntakeHandlerTest {
    private static final Instant NOW = Instant.parse("2026-11-27T10:16:30Z");
    private static final String REPORT = """
            {"integrationId":"billing-sync","loginUrl":"https://acme.my.salesforce.com","username":"integration@acme.com",
             "flow":"SOAP","error":{"code":"INVALID_LOGIN","description":"Invalid username, password, security token; or user locked out."},
             "failedAt":"%s","sourceIp":"203.0.113.7","diagnosticsSecret":"login-doctor/diagnostics"}
            """;

    private final SfnClient stepFunctions;
    private final String stateMachineArn;
    private final IntakeHandler intake;
    private final MotoServer.Moto moto;


    IntakeHandlerTest(MotoServer.Moto moto) {
        this.moto = moto;
        stepFunctions = moto.stepFunctions();
        stateMachineArn = stepFunctions.createStateMachine(c -> c.name("login-doctor-" + UUID.randomUUID())
                .definition(StateMachineDefinition.substituted())
                .roleArn("arn:aws:iam::123456789012:role/login-doctor-state-machine")).stateMachineArn();
        intake = new IntakeHandler(new StepFunctionsStarter(() -> moto.api(AwsJsonApi.Service.STEP_FUNCTIONS), stateMachineArn), "login-doctor/",
                Clock.fixed(NOW, ZoneOffset.UTC));
    }

    private JsonNode invoke(String payload) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        intake.handleRequest(new ByteArrayInputStream(payload.getBytes(StandardCharsets.UTF_8)), out, new TestContext("Intake"));
        return Json.MAPPER.readTree(out.toByteArray());
    }

    private int executions() {
        return stepFunctions.listExecutions(l -> l.stateMachineArn(stateMachineArn)).executions().size();
    }

    private static String urlEvent(String method, String body, boolean base64) {
        ObjectNode event = Json.MAPPER.createObjectNode().put("version", "2.0").put("rawPath", "/").put("isBase64Encoded", base64);
        event.putObject("headers").put("content-type", "application/json").put("authorization", "AWS4-HMAC-SHA256 Credential=...");
        event.putObject("requestContext").putObject("http").put("method", method).put("path", "/");
        event.put("body", base64 ? Base64.getEncoder().encodeToString(body.getBytes(StandardCharsets.UTF_8)) : body);
        return event.toString();
    }

    @Test
    void aReportStartsOneDiagnosisWhoseInputIsTheStartState() throws IOException {
        JsonNode answer = invoke(REPORT.formatted("2026-11-27T10:15:00Z"));
        assertFalse(answer.get("duplicate").asBoolean());
        String arn = answer.get("executionArn").asText();
        assertTrue(arn.startsWith(stateMachineArn.replace(":stateMachine:", ":execution:") + ":billing-sync-20261127T1015-"), arn);

        String input = stepFunctions.describeExecution(d -> d.executionArn(arn)).input();
        DiagnosisState state = Json.MAPPER.readValue(input, DiagnosisState.class);
        assertEquals("integration@acme.com", state.report().username());
        assertEquals(NOW, state.startedAt());
        assertTrue(state.findings().isEmpty());
    }

    @Test
    void aStormOfReportsForOneFailureWindowStartsOneDiagnosis() throws IOException {
        JsonNode first = invoke(REPORT.formatted("2026-11-27T10:15:00Z"));
        JsonNode again = invoke(REPORT.formatted("2026-11-27T10:15:00Z"));
        JsonNode sameWindow = invoke(REPORT.formatted("2026-11-27T10:27:00Z"));
        assertTrue(again.get("duplicate").asBoolean());
        assertTrue(sameWindow.get("duplicate").asBoolean());
        assertEquals(first.get("executionArn"), again.get("executionArn"), "the duplicate names the existing execution");
        assertEquals(first.get("executionArn"), sameWindow.get("executionArn"));
        assertEquals(1, executions());

        JsonNode nextWindow = invoke(REPORT.formatted("2026-11-27T10:30:00Z"));
        assertFalse(nextWindow.get("duplicate").asBoolean());
        assertEquals(2, executions());
    }

    @Test
    void aBadReportGetsAnErrorNamingTheFieldAndStartsNothing() throws IOException {
        JsonNode missing = invoke("{\"loginUrl\":\"https://acme.my.salesforce.com\",\"flow\":\"SOAP\",\"error\":\"INVALID_LOGIN\"}");
        assertEquals("InvalidReport", missing.get("error").asText());
        assertEquals("username", missing.get("field").asText());
        assertTrue(missing.get("message").asText().contains("is required"));

        JsonNode notJson = invoke("{not json");
        assertEquals("InvalidReport", notJson.get("error").asText());
        assertTrue(notJson.get("field").isNull());

        JsonNode withPassword = invoke(REPORT.formatted("2026-11-27T10:15:00Z").replace("\"sourceIp\"", "\"password\":\"Hunter2!\",\"sourceIp\""));
        assertEquals("password", withPassword.get("field").asText());
        assertFalse(withPassword.toString().contains("Hunter2!"), "the refusal never echoes the secret");

        JsonNode foreignSecret = invoke(REPORT.formatted("2026-11-27T10:15:00Z").replace("login-doctor/diagnostics", "prod/db-master"));
        assertEquals("diagnosticsSecret", foreignSecret.get("field").asText());
        assertEquals(0, executions());
    }

    @Test
    void theFunctionUrlTakesThePostBodyPlainOrBase64() throws IOException {
        JsonNode started = invoke(urlEvent("POST", REPORT.formatted("2026-11-27T10:15:00Z"), true));
        assertEquals(202, started.get("statusCode").asInt());
        assertEquals("application/json", started.get("headers").get("content-type").asText());
        JsonNode body = Json.MAPPER.readTree(started.get("body").asText());
        assertFalse(body.get("duplicate").asBoolean());

        JsonNode duplicate = invoke(urlEvent("POST", REPORT.formatted("2026-11-27T10:15:00Z"), false));
        assertEquals(200, duplicate.get("statusCode").asInt());
        assertEquals(body.get("executionArn"), Json.MAPPER.readTree(duplicate.get("body").asText()).get("executionArn"));
    }

    @Test
    void theFunctionUrlAnswersBadRequestsWithHttpErrors() throws IOException {
        JsonNode bad = invoke(urlEvent("POST", "{\"loginUrl\":\"ftp://acme\",\"username\":\"a@b.c\",\"flow\":\"SOAP\",\"error\":\"X\"}", false));
        assertEquals(400, bad.get("statusCode").asInt());
        JsonNode body = Json.MAPPER.readTree(bad.get("body").asText());
        assertEquals("loginUrl", body.get("field").asText());

        assertEquals(405, invoke(urlEvent("GET", "", false)).get("statusCode").asInt());
        assertEquals(0, executions());
    }

    @Test
    void aDirectReportThatHappensToCarryRequestContextHttpIsStillAReport() throws IOException {
        String report = REPORT.formatted("2026-11-27T10:15:00Z").strip();
        JsonNode answer = invoke(report.substring(0, report.length() - 1) + ",\"requestContext\":{\"http\":{\"method\":\"GET\"}}}");
        assertTrue(answer.get("executionArn").asText().contains(":billing-sync-"), answer.toString());
    }

    @Test
    void payloadsBeyondJacksonsLimitsOrWithTrailingTextAreRefusedNotThrown() throws IOException {
        String deep = "{\"x\":" + "[".repeat(3000) + "]".repeat(3000) + "}";
        assertEquals("InvalidReport", invoke(deep).get("error").asText());
        assertEquals("InvalidReport", invoke("{\"x\":" + "1".repeat(2000) + "}").get("error").asText());
        assertEquals("InvalidReport", invoke(REPORT.formatted("2026-11-27T10:15:00Z") + " trailing").get("error").asText());
        JsonNode overUrl = invoke(urlEvent("POST", deep, false));
        assertEquals(400, overUrl.get("statusCode").asInt());
        assertEquals(0, executions());
    }

    @Test
    void aSecretPrefixWithoutTrailingSlashIsRefusedBecauseItWouldAdmitLookAlikeNames() {
        IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> new IntakeHandler(new StepFunctionsStarter(() -> moto.api(AwsJsonApi.Service.STEP_FUNCTIONS), stateMachineArn), "login-doctor-prod",
                        Clock.fixed(NOW, ZoneOffset.UTC)));
        assertTrue(e.getMessage().contains("SECRET_PREFIX"), e.getMessage());
    }

    @Test
    void theDuplicateArnIsDerivedFromTheStateMachineArn() {
        assertEquals("arn:aws:states:eu-west-1:123456789012:execution:login-doctor:billing-sync-x",
                StepFunctionsStarter.executionArn("arn:aws:states:eu-west-1:123456789012:stateMachine:login-doctor", "billing-sync-x"));
    }
}
