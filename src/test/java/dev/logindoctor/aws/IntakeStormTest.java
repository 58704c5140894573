package dev.logindoctor.aws;

import com.fasterxml.jackson.databind.JsonNode;
import dev.logindoctor.json.Json;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.sfn.SfnClient;
import software.amazon.awssdk.services.sfn.model.ExecutionAlreadyExistsException;
import software.amazon.awssdk.services.sfn.model.ExecutionListItem;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * Storms against moto's Step Functions: reports arrive concurrently, as from many Lambda instances.
 * <p>What moto does with same-name starts (moto 5.2.5, {@code StateMachine._handle_name_input_idempotency}):
 * the same name with the same input while the execution is RUNNING returns the existing execution
 * (as real Step Functions does); the same name with a different input, or after the execution
 * finished, raises ExecutionAlreadyExists. Intake puts its request id in the input, so every
 * duplicate report reaches the second branch and is answered as a duplicate.
 * <p>One difference: moto checks for the name and then appends the execution without a lock, so two
 * concurrent starts of one name with different inputs can both succeed there (2 of 14 runs of the
 * 100-integration storm), listing two executions under one name and ARN. Step Functions keeps a
 * name unique per state machine, so these tests count distinct execution names, and check that
 * every "started" answer matches an execution moto made.
 */
@ExtendWith(MotoServer.class)
class IntakeStormTest {
    private static final Instant NOW = Instant.parse("2026-11-27T10:16:30Z");
    private static final String REPORT = """
            {"integrationId":"%s","loginUrl":"https://acme.my.salesforce.com","username":"svc@acme.com","flow":"SOAP",
             "error":{"code":"INVALID_LOGIN","description":"Invalid username, password, security token; or user locked out."},
             "failedAt":"%s","credentialSecret":"login-doctor/%s","diagnosticsSecret":"login-doctor/diagnostics"}
            """;

    private final SfnClient stepFunctions;
    private final String stateMachineArn;
    private final IntakeHandler intake;

    private final MotoServer.Moto moto;

    IntakeStormTest(MotoServer.Moto moto) {
        this.moto = moto;
        stepFunctions = moto.stepFunctions();
        stateMachineArn = stepFunctions.createStateMachine(c -> c.name("login-doctor-storm-" + UUID.randomUUID())
                .definition(StateMachineDefinition.substituted())
                .roleArn("arn:aws:iam::123456789012:role/login-doctor-state-machine")).stateMachineArn();
        intake = new IntakeHandler(new StepFunctionsStarter(() -> moto.api(AwsJsonApi.Service.STEP_FUNCTIONS), stateMachineArn), "login-doctor/",
                Clock.fixed(NOW, ZoneOffset.UTC));
    }

    private JsonNode send(String report) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            intake.handleRequest(new ByteArrayInputStream(report.getBytes(StandardCharsets.UTF_8)), out, new TestContext("Intake"));
            return Json.MAPPER.readTree(out.toByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private List<ExecutionListItem> executions() {
        List<ExecutionListItem> all = new ArrayList<>();
        stepFunctions.listExecutionsPaginator(l -> l.stateMachineArn(stateMachineArn)).executions().forEach(all::add);
        return all;
    }

    private static Set<String> names(List<ExecutionListItem> executions) {
        return executions.stream().map(ExecutionListItem::name).collect(java.util.stream.Collectors.toSet());
    }

    /** Sends every report from {@code threads} threads at once; returns the answers. */
    private List<JsonNode> storm(List<String> reports, int threads) throws Exception {
        List<JsonNode> answers = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(threads)) {
            List<Future<JsonNode>> pending = new ArrayList<>();
            for (String report : reports) {
                pending.add(pool.submit(() -> send(report)));
            }
            for (Future<JsonNode> f : pending) {
                answers.add(f.get());
            }
        }
        return answers;
    }

    @Test
    void aThousandIdenticalReportsInOneFailureWindowStartExactlyOneExecution() throws Exception {
        List<String> reports = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            // Spread over the window 10:15-10:30, as retries of one failure would be.
            reports.add(REPORT.formatted("billing-sync", Instant.parse("2026-11-27T10:15:00Z").plusMillis(i * 850L), "billing-sync"));
        }
        List<JsonNode> answers = storm(reports, 8);

        List<ExecutionListItem> made = executions();
        assertEquals(1, names(made).size(), "one diagnosis: " + names(made));
        Set<String> arns = ConcurrentHashMap.newKeySet();
        AtomicInteger started = new AtomicInteger();
        for (JsonNode a : answers) {
            arns.add(a.get("executionArn").asText());
            if (!a.get("duplicate").asBoolean()) {
                started.incrementAndGet();
            }
        }
        assertEquals(made.size(), started.get(), "every other report was answered as a duplicate");
        assertEquals(Set.of(made.get(0).executionArn()), arns, "every duplicate names the one execution");
    }

    @Test
    void aThousandIdenticalReportsToOneWarmInstanceCostOneStartExecutionCall() throws Exception {
        AtomicInteger calls = new AtomicInteger();
        AwsJsonApi counting = moto.api(AwsJsonApi.Service.STEP_FUNCTIONS, send -> call -> {
            if ("AWSStepFunctions.StartExecution".equals(call.headers().get("x-amz-target"))) {
                calls.incrementAndGet();
            }
            return send.send(call);
        });
        IntakeHandler instance = new IntakeHandler(new StepFunctionsStarter(() -> counting, stateMachineArn), "login-doctor/",
                Clock.fixed(NOW, ZoneOffset.UTC));
        Set<String> arns = new java.util.HashSet<>();
        int duplicates = 0;
        for (int i = 0; i < 1000; i++) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            String report = REPORT.formatted("payroll-sync", Instant.parse("2026-11-27T10:15:00Z").plusMillis(i * 850L), "payroll-sync");
            instance.handleRequest(new ByteArrayInputStream(report.getBytes(StandardCharsets.UTF_8)), out, new TestContext("Intake"));
            JsonNode answer = Json.MAPPER.readTree(out.toByteArray());
            arns.add(answer.get("executionArn").asText());
            duplicates += answer.get("duplicate").asBoolean() ? 1 : 0;
        }

        assertEquals(1, calls.get(), "the instance remembers the name Step Functions confirmed");
        assertEquals(999, duplicates);
        assertEquals(Set.of(executions().get(0).executionArn()), arns, "every answer names the one execution moto made");
    }

    @Test
    void reportsForAHundredIntegrationsStartAHundredExecutions() throws Exception {
        List<String> reports = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            for (int copy = 0; copy < 3; copy++) {
                reports.add(REPORT.formatted("sync-" + i, "2026-11-27T10:15:0" + copy + "Z", "sync-" + i));
            }
        }
        List<JsonNode> answers = storm(reports, 8);

        List<ExecutionListItem> made = executions();
        assertEquals(100, names(made).size());
        assertEquals(made.size(), answers.stream().filter(a -> !a.get("duplicate").asBoolean()).count());
        assertEquals(100, answers.stream().map(a -> a.get("executionArn").asText()).distinct().count());
    }

    @Test
    void motoAnswersSameNameStartsTheWayStepFunctionsDoes() {
        String input = "{\"report\":{}}";
        String first = stepFunctions.startExecution(s -> s.stateMachineArn(stateMachineArn).name("same-name").input(input)).executionArn();
        String again = stepFunctions.startExecution(s -> s.stateMachineArn(stateMachineArn).name("same-name").input(input)).executionArn();
        assertEquals(first, again, "same name, same input, still running: the same execution, no error");
        assertThrows(ExecutionAlreadyExistsException.class, () -> stepFunctions.startExecution(
                s -> s.stateMachineArn(stateMachineArn).name("same-name").input("{\"report\":{},\"intakeRequestId\":\"x\"}")));
        assertEquals(1, executions().size());
    }
}
