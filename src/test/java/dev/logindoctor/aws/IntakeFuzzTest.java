package dev.logindoctor.aws;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.logindoctor.engine.ReportFuzzInputs;
import dev.logindoctor.json.Json;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Generated payloads into the Intake handler, invoked directly and through the function URL: every
 * one is answered (an execution, or InvalidReport with HTTP 400/405) — never a thrown exception,
 * which Lambda would count as a function error — and no answer echoes a planted secret. The
 * StartExecution call is answered in-process here (IntakeHandlerTest covers it on moto); only the
 * reading and checking of payloads is fuzzed.
 */
class IntakeFuzzTest {
    private final AtomicInteger starts = new AtomicInteger();
    private final IntakeHandler intake = new IntakeHandler(new StepFunctionsStarter(() -> startsOnly(starts),
            "arn:aws:states:us-east-1:123456789012:stateMachine:login-doctor"), "login-doctor/",
            Clock.fixed(Instant.parse("2026-11-28T12:00:00Z"), ZoneOffset.UTC));

    @Provide
    Arbitrary<String> payloads() {
        return ReportFuzzInputs.anyReportText();
    }

    @Provide
    Arbitrary<Boolean> base64() {
        return Arbitraries.of(true, false);
    }

    @Property(tries = 1000, seed = "20261203")
    void aDirectInvocationIsAlwaysAnswered(@ForAll("payloads") String payload) throws IOException {
        JsonNode answer = invoke(payload);
        assertFalse(answer.toString().contains(ReportFuzzInputs.CANARY), answer.toString());
        if (answer.has("executionArn")) {
            Statistics.label("direct").collect("started");
        } else {
            assertEquals("InvalidReport", answer.path("error").asText(), answer.toString());
            Statistics.label("direct").collect("refused");
        }
    }

    @Property(tries = 1000, seed = "20261204")
    void aFunctionUrlRequestIsAlwaysAnsweredWithAnHttpStatus(@ForAll("payloads") String body, @ForAll("base64") boolean base64,
                                                              @ForAll("methods") String method) throws IOException {
        ObjectNode event = Json.MAPPER.createObjectNode().put("version", "2.0").put("rawPath", "/").put("isBase64Encoded", base64);
        event.putObject("requestContext").putObject("http").put("method", method).put("path", "/");
        event.put("body", base64 ? Base64.getEncoder().encodeToString(body.getBytes(StandardCharsets.UTF_8)) : body);
        JsonNode answer = invoke(event.toString());
        int status = answer.path("statusCode").asInt();
        assertTrue(status == 200 || status == 202 || status == 400 || status == 405, answer.toString());
        assertFalse(answer.toString().contains(ReportFuzzInputs.CANARY), answer.toString());
        Statistics.label("function URL").collect(status);
    }

    @Provide
    Arbitrary<String> methods() {
        return Arbitraries.of("POST", "POST", "POST", "GET", "PUT", "post");
    }

    private JsonNode invoke(String payload) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        intake.handleRequest(new ByteArrayInputStream(payload.getBytes(StandardCharsets.UTF_8)), out, new TestContext("Intake"));
        return Json.MAPPER.readTree(out.toByteArray());
    }

    /** Step Functions answering StartExecution in-process (an ARN per start); nothing is sent. */
    private static AwsJsonApi startsOnly(AtomicInteger starts) {
        return StubAws.api(AwsJsonApi.Service.STEP_FUNCTIONS, call -> {
            String name = Json.MAPPER.readTree(call.body()).get("name").asText();
            return "{\"executionArn\":\"arn:aws:states:us-east-1:123456789012:execution:login-doctor:" + name + starts.incrementAndGet() + "\"}";
        });
    }
}
