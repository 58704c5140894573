package dev.logindoctor.wiring;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.logindoctor.json.Json;

import java.io.UncheckedIOException;
import java.util.List;

/**
 * Writes statemachine/login-doctor.asl.json from the step list: per step a Lambda Task (Retry,
 * Catch), a Choice that jumps to Record on CONFIRMED, and a Pass that names a step the Catch caught
 * so the next step records it as INCONCLUSIVE; then Record. JSONPath only (what the local engines
 * run), keys in a fixed order, two-space indentation: the output is committed and read by people.
 */
final class StateMachineGenerator {
    private static final DefaultIndenter INDENT = new DefaultIndenter("  ", "\n");
    private static final DefaultPrettyPrinter PRETTY = new DefaultPrettyPrinter()
            .withSeparators(Separators.createDefaultInstance().withObjectFieldValueSpacing(Separators.Spacing.AFTER))
            .withObjectIndenter(INDENT)
            .withArrayIndenter(INDENT);
    private static final String RECORD = "Record";

    private final List<String> steps;
    private final List<String> retryableErrors;

    /**
     * @param steps           the step names in the order they run (StepOrder)
     * @param retryableErrors the error names a step function throws when the evidence source was
     *                        throttled or unavailable (the Java runtime names an error by its class)
     */
    StateMachineGenerator(List<String> steps, List<String> retryableErrors) {
        if (steps.isEmpty()) {
            throw new IllegalArgumentException("no steps: the state machine would go straight to Record");
        }
        this.steps = List.copyOf(steps);
        this.retryableErrors = List.copyOf(retryableErrors);
    }

    String definition() {
        ObjectNode root = Json.MAPPER.createObjectNode()
                .put("Comment", "Login Doctor: eliminates causes of a failed Salesforce login step by step, stops at the first"
                        + " confirmed cause, records the diagnosis. Salesforce errors retry once (the org budget is 4 API requests"
                        + " per diagnosis); any other step failure is caught and becomes an INCONCLUSIVE finding.")
                .put("StartAt", steps.get(0))
                .put("TimeoutSeconds", 900);
        ObjectNode states = root.putObject("States");
        for (int i = 0; i < steps.size(); i++) {
            String step = steps.get(i);
            String next = i + 1 < steps.size() ? steps.get(i + 1) : RECORD;
            states.set(step, task(step));
            states.set(step + "Confirmed", confirmed(next));
            states.set(step + "Failed", failed(step, next));
        }
        states.set(RECORD, record());
        try {
            return Json.MAPPER.writer(PRETTY).writeValueAsString(root) + "\n";
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String functionArnPlaceholder(String step) {
        return step + "FunctionArn";
    }

    private ObjectNode task(String step) {
        ObjectNode task = Json.MAPPER.createObjectNode()
                .put("Type", "Task")
                .put("Comment", "Elimination step " + step + ": appends its finding to the state and sets lastVerdict.")
                .put("Resource", "arn:aws:states:::lambda:invoke");
        task.putObject("Parameters")
                .put("FunctionName", "${" + functionArnPlaceholder(step) + "}")
                .put("Payload.$", "$");
        task.put("OutputPath", "$.Payload").put("TimeoutSeconds", 60);
        ArrayNode retry = task.putArray("Retry");
        // Lambda's own transient failures, retried with backoff.
        retry.add(retrier(List.of("Lambda.ServiceException", "Lambda.AWSLambdaException", "Lambda.SdkClientException",
                "Lambda.TooManyRequestsException"), 1, 3, 8));
        // A throttled or unavailable evidence source: once, so two tries stay within the org budget.
        retry.add(retrier(retryableErrors, 3, 1, 10));
        ObjectNode catcher = task.putArray("Catch").addObject();
        catcher.putArray("ErrorEquals").add("States.ALL");
        catcher.put("ResultPath", "$.failure").put("Next", step + "Failed");
        return task.put("Next", step + "Confirmed");
    }

    private static ObjectNode retrier(List<String> errors, int intervalSeconds, int maxAttempts, int maxDelaySeconds) {
        ObjectNode retrier = Json.MAPPER.createObjectNode();
        errors.forEach(retrier.putArray("ErrorEquals")::add);
        return retrier.put("IntervalSeconds", intervalSeconds)
                .put("MaxAttempts", maxAttempts)
                .put("BackoffRate", 2)
                .put("MaxDelaySeconds", maxDelaySeconds)
                .put("JitterStrategy", "FULL");
    }

    private static ObjectNode confirmed(String next) {
        ObjectNode choice = Json.MAPPER.createObjectNode().put("Type", "Choice");
        choice.putArray("Choices").addObject()
                .put("Variable", "$.lastVerdict")
                .put("StringEquals", "CONFIRMED")
                .put("Next", RECORD);
        return choice.put("Default", next);
    }

    private static ObjectNode failed(String step, String next) {
        return Json.MAPPER.createObjectNode()
                .put("Type", "Pass")
                .put("Comment", "Names the step the Catch caught, so the next step records it as an INCONCLUSIVE finding.")
                .put("Result", step)
                .put("ResultPath", "$.failure.step")
                .put("Next", next);
    }

    private static ObjectNode record() {
        ObjectNode record = Json.MAPPER.createObjectNode()
                .put("Type", "Task")
                .put("Comment", "Stores the diagnosis (conditional put), publishes DiagnosisCompleted, emits metrics. Safe to retry;"
                        + " no Catch: if it still fails the execution fails and the alarm fires.")
                .put("Resource", "arn:aws:states:::lambda:invoke");
        record.putObject("Parameters")
                .put("FunctionName", "${" + functionArnPlaceholder(RECORD) + "}")
                .putObject("Payload")
                .put("state.$", "$")
                .put("executionArn.$", "$$.Execution.Id")
                .put("executionName.$", "$$.Execution.Name");
        record.put("OutputPath", "$.Payload").put("TimeoutSeconds", 60);
        record.putArray("Retry").add(retrier(List.of("States.ALL"), 2, 4, 30));
        return record.put("End", true);
    }
}
