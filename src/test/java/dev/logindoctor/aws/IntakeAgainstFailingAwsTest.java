package dev.logindoctor.aws;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.logindoctor.json.Json;
import dev.logindoctor.salesforce.HttpReply;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Intake when Step Functions does not take a good report: a named error, never an accepted answer. */
class IntakeAgainstFailingAwsTest {
    private final AtomicInteger starts = new AtomicInteger();
    private final AwsJsonApi throttled = StubAws.sending(AwsJsonApi.Service.STEP_FUNCTIONS, call -> {
        starts.incrementAndGet();
        return HttpReply.of(400, "application/x-amz-json-1.0", "{\"__type\":\"ThrottlingException\",\"message\":\"Rate exceeded\"}");
    });
    /** The sample report names priming/ secrets. */
    private final IntakeHandler intake = new IntakeHandler(new StepFunctionsStarter(() -> throttled,
            "arn:aws:states:us-east-1:123456789012:stateMachine:login-doctor"), "priming/", Clock.systemUTC());

    private JsonNode invoke(String event) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        intake.handleRequest(new ByteArrayInputStream(event.getBytes(StandardCharsets.UTF_8)), out, new TestContext("Intake"));
        return Json.MAPPER.readTree(out.toByteArray());
    }

    @Test
    void overTheFunctionUrlAThrottledStartIsA503ThatNamesItAfterThreeTries() throws Exception {
        ObjectNode event = Json.MAPPER.createObjectNode().put("version", "2.0").put("rawPath", "/").put("isBase64Encoded", false);
        event.putObject("requestContext").putObject("http").put("method", "POST").put("path", "/");
        event.put("body", InitPriming.SAMPLE_REPORT);
        JsonNode answer = invoke(event.toString());
        assertEquals(503, answer.get("statusCode").asInt(), answer.toString());
        JsonNode body = Json.MAPPER.readTree(answer.get("body").asText());
        assertEquals("NotStarted", body.get("error").asText());
        assertTrue(body.get("message").asText().endsWith("Step Functions StartExecution failed: ThrottlingException (HTTP 400): Rate exceeded"),
                body.toString());
        assertEquals(3, starts.get());
    }

    @Test
    void invokedDirectlyAThrottledStartIsTheFunctionsErrorNamingIt() {
        AwsCallFailed e = assertThrows(AwsCallFailed.class, () -> invoke(InitPriming.SAMPLE_REPORT));
        assertEquals("ThrottlingException", e.errorCode());
    }
}
