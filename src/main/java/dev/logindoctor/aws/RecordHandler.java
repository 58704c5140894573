package dev.logindoctor.aws;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.logindoctor.engine.DiagnosisAssembler;
import dev.logindoctor.engine.DiagnosisState;
import dev.logindoctor.json.Json;
import dev.logindoctor.model.Diagnosis;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Clock;
import java.time.Duration;

/**
 * The state machine's last Task: assembles the diagnosis (a confirmed cause or UNDETERMINED), stores
 * it, announces it on EventBridge, and emits its metrics. Input, from the ASL's Parameters:
 * {@code {"state": <state>, "executionArn": $$.Execution.Id, "executionName": $$.Execution.Name}};
 * the diagnosis id is the execution's name. Safe to retry: the conditional put stores a diagnosis at
 * most once, and an item already there means an earlier try got that far.
 */
public final class RecordHandler implements RequestStreamHandler {
    private final DynamoDbDiagnosisStore store;
    private final DiagnosisEvents events;
    private final DiagnosisMetrics metrics;
    private final Clock clock;

    public RecordHandler() {
        this(FunctionEnvironment.system());
        // Lambda's constructor: warm the assembly (and in a SnapStart init the SDK calls) where SnapStart snapshots it.
        AwsCallPriming.recordHandler();
    }

    private RecordHandler(FunctionEnvironment env) {
        this(new DynamoDbDiagnosisStore(AwsJsonApi.inLambda(AwsJsonApi.Service.DYNAMODB), env.tableName(), Duration.ofDays(env.retentionDays())),
                new DiagnosisEvents(AwsJsonApi.inLambda(AwsJsonApi.Service.EVENTBRIDGE), env.eventBusName(), env.tableName()),
                new DiagnosisMetrics(System.out),
                Clock.systemUTC());
    }

    public RecordHandler(DynamoDbDiagnosisStore store, DiagnosisEvents events, DiagnosisMetrics metrics, Clock clock) {
        this.store = store;
        this.events = events;
        this.metrics = metrics;
        this.clock = clock;
    }

    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        JsonNode request = Json.MAPPER.readTree(input);
        String executionArn = text(request, "executionArn");
        String diagnosisId = text(request, "executionName");
        if (diagnosisId == null && executionArn != null) {
            diagnosisId = executionArn.substring(executionArn.lastIndexOf(':') + 1);
        }
        if (diagnosisId == null) {
            throw new IllegalArgumentException("Record needs executionName or executionArn (the ASL passes $$.Execution.Name and Id)");
        }
        DiagnosisState state = StateDocument.read(request.get("state"));
        Diagnosis diagnosis = DiagnosisAssembler.assemble(diagnosisId, state, clock.instant());

        DynamoDbDiagnosisStore.PutOutcome outcome = store.put(diagnosis);
        events.publishCompleted(diagnosis, executionArn);
        metrics.record(diagnosis, clock.instant());

        ObjectNode result = Json.MAPPER.createObjectNode()
                .put("diagnosisId", diagnosis.diagnosisId())
                .put("cause", diagnosis.cause().name())
                .put("stored", outcome.name());
        if (diagnosis.confirmedBy() != null) {
            result.put("confirmedBy", diagnosis.confirmedBy());
        }
        Json.MAPPER.writeValue(output, result);
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node == null ? null : node.get(field);
        return value == null || value.isNull() || value.asText().isBlank() ? null : value.asText();
    }
}
