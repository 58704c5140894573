package dev.logindoctor.aws;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.logindoctor.json.Json;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs statemachine/login-doctor.asl.json in aws-local-stepfunctions (Node 22, through
 * src/test/node/run-state-machine.mjs), its Tasks invoking the handlers behind a
 * {@link LambdaInvokeServer}. One Node process per execution, ended before this returns.
 */
final class LocalStateMachine {
    static final String STATE_MACHINE_ARN = "arn:aws:states:us-east-1:123456789012:stateMachine:login-doctor";

    private final LambdaInvokeServer lambda;

    LocalStateMachine(LambdaInvokeServer lambda) {
        this.lambda = lambda;
    }

    /** What an execution did: its status, output or error, and the states it passed through. */
    record Execution(String status, JsonNode output, String error, String cause, List<JsonNode> events) {
        /** The Task states entered, in order (retries show as repeated entries). */
        List<String> tasksEntered(List<String> taskNames) {
            List<String> entered = new ArrayList<>();
            for (JsonNode e : events) {
                String state = e.path("state").asText(null);
                if ("StateEntered".equals(e.path("type").asText()) && taskNames.contains(state)) {
                    entered.add(state);
                }
            }
            return entered;
        }

        long count(String type, String state) {
            return events.stream().filter(e -> type.equals(e.path("type").asText()) && state.equals(e.path("state").asText())).count();
        }
    }

    Execution run(JsonNode input, String executionName) {
        ObjectNode request = Json.MAPPER.createObjectNode()
                .put("definition", StateMachineDefinition.text())
                .put("invokeUrl", lambda.endpoint().toString())
                .put("executionArn", STATE_MACHINE_ARN.replace(":stateMachine:", ":execution:") + ":" + executionName)
                .put("executionName", executionName)
                .put("retryIntervalMs", 5);
        request.set("input", input);
        request.set("substitutions", Json.MAPPER.valueToTree(StateMachineDefinition.substitutions()));
        try {
            Path stderr = Files.createTempFile("state-machine-", ".err");
            Process node = new ProcessBuilder(TestTools.require(TestTools.NODE).toString(), TestTools.RUNNER.toString())
                    .redirectError(stderr.toFile())
                    .start();
            try {
                try (OutputStream in = node.getOutputStream()) {
                    in.write(request.toString().getBytes(StandardCharsets.UTF_8));
                }
                byte[] stdout = node.getInputStream().readAllBytes();
                if (!node.waitFor(120, TimeUnit.SECONDS) || node.exitValue() != 0) {
                    throw new IllegalStateException("the state machine runner failed: " + Files.readString(stderr));
                }
                JsonNode result = Json.MAPPER.readTree(stdout);
                List<JsonNode> events = new ArrayList<>();
                result.path("events").forEach(events::add);
                return new Execution(result.path("status").asText(), result.get("output"), result.path("error").asText(null),
                        result.path("cause").asText(null), events);
            } finally {
                node.destroyForcibly();
                Files.deleteIfExists(stderr);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
