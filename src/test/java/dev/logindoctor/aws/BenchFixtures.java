package dev.logindoctor.aws;

import dev.logindoctor.engine.DiagnosisState;
import dev.logindoctor.engine.EvidenceSources;
import dev.logindoctor.engine.StepOrder;
import dev.logindoctor.engine.StepRunner;
import dev.logindoctor.json.Json;
import dev.logindoctor.model.FailureReport;
import dev.logindoctor.steps.EliminationStep;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.sfn.SfnClient;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/** What the benchmarks (dev.logindoctor.bench) need from this package's test helpers: moto, its resources, real states. */
public final class BenchFixtures {
    private BenchFixtures() {
    }

    /** A moto server for the benchmark's lifetime; close it to stop it. */
    public record MotoHandle(MotoServer.Moto moto, AutoCloseable stop) implements AutoCloseable {
        public String endpoint() {
            return moto.endpoint().toString();
        }

        @Override
        public void close() throws Exception {
            stop.close();
        }
    }

    public static MotoHandle startMoto() {
        MotoServer.Running running = MotoServer.start();
        return new MotoHandle(running.moto, running::close);
    }

    /** The secret, the diagnosis table and a one-state state machine, as the template declares them; returns the machine's ARN. */
    public static String createResources(MotoHandle moto, String secretName, String secretValue, String table, String machine) {
        try (SecretsManagerClient secrets = moto.moto().secretsManager(); DynamoDbClient dynamoDb = moto.moto().dynamoDb();
             SfnClient sfn = moto.moto().stepFunctions()) {
            secrets.createSecret(r -> r.name(secretName).secretString(secretValue));
            DiagnosisTable.create(dynamoDb, table);
            return sfn.createStateMachine(r -> r.name(machine).roleArn("arn:aws:iam::123456789012:role/bench")
                    .definition("{\"StartAt\":\"Done\",\"States\":{\"Done\":{\"Type\":\"Succeed\"}}}")).stateMachineArn();
        }
    }

    /**
     * The state document each named step receives in a real diagnosis of {@code report}: the steps
     * before it run over {@code sources} (fetching as they would), whatever they concluded.
     */
    public static Map<String, String> statesBefore(Set<String> stepNames, FailureReport report, EvidenceSources sources, Instant startedAt) {
        Map<String, String> states = new LinkedHashMap<>();
        StepRunner runner = new StepRunner(sources, StepRunner.OnError.PROPAGATE);
        DiagnosisState state = DiagnosisState.start(report, startedAt);
        for (EliminationStep step : StepOrder.steps()) {
            if (stepNames.contains(step.name())) {
                states.put(step.name(), StateDocument.write(state).toString());
            }
            state = runner.run(step, state);
        }
        return states;
    }

    /** What the Record function receives: the execution's name and ARN and the final state. */
    public static String finishedState(FailureReport report, EvidenceSources sources, Instant startedAt) {
        StepRunner runner = new StepRunner(sources, StepRunner.OnError.PROPAGATE);
        DiagnosisState state = DiagnosisState.start(report, startedAt);
        for (EliminationStep step : StepOrder.steps()) {
            state = runner.run(step, state);
        }
        return Json.MAPPER.createObjectNode().put("executionName", "bench-record")
                .put("executionArn", "arn:aws:states:us-east-1:123456789012:execution:LoginDoctorDiagnosis:bench-record")
                .<com.fasterxml.jackson.databind.node.ObjectNode>set("state", StateDocument.write(state)).toString();
    }
}
