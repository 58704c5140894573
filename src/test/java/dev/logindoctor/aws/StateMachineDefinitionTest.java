package dev.logindoctor.aws;

import com.fasterxml.jackson.databind.JsonNode;
import dev.logindoctor.json.Json;
import dev.logindoctor.engine.StepOrder;
import dev.logindoctor.steps.EliminationStep;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class StateMachineDefinitionTest {
    private final JsonNode definition = StateMachineDefinition.json();
    private final JsonNode states = definition.get("States");

    /** The step Tasks in execution order, following the Choice defaults from StartAt. */
    private List<String> stepTasksInOrder() {
        List<String> order = new ArrayList<>();
        String current = definition.get("StartAt").asText();
        while (!current.equals("Record")) {
            order.add(current);
            JsonNode choice = states.get(states.get(current).get("Next").asText());
            current = choice.get("Default").asText();
        }
        return order;
    }

    private static int aslValidator(Path file) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(TestTools.require(TestTools.ASL_VALIDATOR).toString(), "--json-path", file.toString())
                .redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "asl-validator did not finish");
        System.out.println(output.strip());
        return p.exitValue();
    }

    @Test
    void aslValidatorAcceptsTheDefinitionAndRejectsABrokenOne() throws Exception {
        assertEquals(0, aslValidator(TestTools.STATE_MACHINE));
        Path broken = Files.createTempFile("broken-", ".asl.json");
        try {
            Files.writeString(broken, StateMachineDefinition.text().replace("\"Default\": \"Record\"", "\"Default\": \"Nowhere\""));
            assertNotEquals(0, aslValidator(broken), "the validator must be able to fail");
        } finally {
            Files.delete(broken);
        }
    }

    @Test
    void theTasksRunInStepOrdersOrder() {
        List<String> stepOrder = StepOrder.steps().stream().map(EliminationStep::name).toList();
        assertFalse(stepOrder.isEmpty(), "StepOrder lists no steps");
        assertEquals(stepOrder, stepTasksInOrder());
    }

    @Test
    void everyStepIsALambdaTaskWithItsOwnFunctionRetryCatchAndChoice() {
        List<String> steps = stepTasksInOrder();
        for (int i = 0; i < steps.size(); i++) {
            String step = steps.get(i);
            String next = i + 1 < steps.size() ? steps.get(i + 1) : "Record";
            JsonNode task = states.get(step);
            assertEquals("Task", task.get("Type").asText(), step);
            assertEquals("arn:aws:states:::lambda:invoke", task.get("Resource").asText(), step);
            assertEquals("${" + step + "FunctionArn}", task.get("Parameters").get("FunctionName").asText(), step);
            assertEquals("$", task.get("Parameters").get("Payload.$").asText(), step);
            assertEquals("$.Payload", task.get("OutputPath").asText(), step);

            JsonNode lambdaRetry = task.get("Retry").get(0);
            assertEquals(Set.of("Lambda.ServiceException", "Lambda.AWSLambdaException", "Lambda.SdkClientException",
                    "Lambda.TooManyRequestsException"), texts(lambdaRetry.get("ErrorEquals")), step);
            JsonNode salesforceRetry = task.get("Retry").get(1);
            // The Java runtime names a thrown exception by its full class name (LambdaErrorConverter.fromThrowable).
            assertEquals(Set.of(dev.logindoctor.engine.SourceUnavailable.class.getName()), texts(salesforceRetry.get("ErrorEquals")), step);
            assertEquals(1, salesforceRetry.get("MaxAttempts").asInt(), step + ": two tries at most 2 org requests each = the budget of 4");
            for (JsonNode retry : task.get("Retry")) {
                assertEquals("FULL", retry.get("JitterStrategy").asText(), step);
                assertTrue(retry.get("BackoffRate").asDouble() > 1, step);
            }

            JsonNode catcher = task.get("Catch").get(0);
            assertEquals(Set.of("States.ALL"), texts(catcher.get("ErrorEquals")));
            assertEquals("$.failure", catcher.get("ResultPath").asText());
            JsonNode failed = states.get(catcher.get("Next").asText());
            assertEquals("Pass", failed.get("Type").asText());
            assertEquals(step, failed.get("Result").asText(), "the Pass names the failed step");
            assertEquals("$.failure.step", failed.get("ResultPath").asText());
            assertEquals(next, failed.get("Next").asText(), "after a failure the diagnosis goes on");

            JsonNode choice = states.get(task.get("Next").asText());
            assertEquals("Choice", choice.get("Type").asText());
            JsonNode rule = choice.get("Choices").get(0);
            assertEquals("$.lastVerdict", rule.get("Variable").asText());
            assertEquals("CONFIRMED", rule.get("StringEquals").asText());
            assertEquals("Record", rule.get("Next").asText());
        }
    }

    @Test
    void recordGetsTheExecutionRetriesAndHasNoCatch() {
        JsonNode record = states.get("Record");
        assertEquals("${RecordFunctionArn}", record.get("Parameters").get("FunctionName").asText());
        JsonNode payload = record.get("Parameters").get("Payload");
        assertEquals("$", payload.get("state.$").asText());
        assertEquals("$$.Execution.Id", payload.get("executionArn.$").asText());
        assertEquals("$$.Execution.Name", payload.get("executionName.$").asText());
        assertTrue(record.get("Retry").get(0).get("MaxAttempts").asInt() >= 2);
        assertFalse(record.has("Catch"), "a Record that cannot store must fail the execution, not lose the diagnosis");
        assertTrue(record.get("End").asBoolean());
    }

    @Test
    void theDefinitionUsesOnlyWhatTheLocalEnginesRun() {
        String text = StateMachineDefinition.text();
        assertFalse(text.contains("JSONata"), "JSONPath only");
        assertFalse(text.contains("\"Assign\""), "no variables");
        Set<String> placeholders = StateMachineDefinition.substitutions().keySet();
        Set<String> expected = new java.util.HashSet<>(stepTasksInOrder().stream().map(s -> s + "FunctionArn").toList());
        expected.add("RecordFunctionArn");
        assertEquals(expected, placeholders, "exactly the substitutions template.yaml provides");
        for (Map.Entry<String, JsonNode> state : states.properties()) {
            assertTrue(Set.of("Task", "Choice", "Pass").contains(state.getValue().get("Type").asText()), state.getKey());
        }
    }

    private static Set<String> texts(JsonNode array) {
        return Json.MAPPER.convertValue(array, Json.MAPPER.getTypeFactory().constructCollectionType(Set.class, String.class));
    }
}
