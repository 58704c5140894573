package dev.logindoctor.aws;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.logindoctor.json.Json;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;

/**
 * The AWS calls Intake and Record make on their first request, done once in a SnapStart init
 * against {@link PrimingOrg} on loopback, on the instance's shared HTTP client with made-up
 * credentials: request building, signing, the HTTP exchange and answer parsing are then in the
 * snapshot. The real calls sign with the credentials Lambda gives the restored instance (read on
 * every call, never kept). Apart from {@link InitPriming} so the steps' build (deploy/steps/),
 * which compiles what a step references, does not take Intake's and Record's classes.
 */
final class AwsCallPriming {
    private AwsCallPriming() {
    }

    /** Intake's init: in a SnapStart one StartExecution rounds on loopback; always the JSON path. */
    static void intakeHandler() {
        if (InitPriming.snapStartInit()) {
            for (int round = 0; round < SnapStartPriming.ROUNDS; round++) {
                startExecution();
            }
        }
        InitPriming.intake();
    }

    /** Record's init: in a SnapStart one PutItem and PutEvents rounds on loopback; always the assembly. */
    static void recordHandler() {
        if (InitPriming.snapStartInit()) {
            for (int round = 0; round < SnapStartPriming.ROUNDS; round++) {
                record();
            }
        }
        InitPriming.record();
    }

    /**
     * Intake's first request end to end — a report read from a stream, checked, named, started (answered
     * on loopback), the answer written — by the handler's own handleRequest.
     */
    static void startExecution() {
        String answer = "{\"executionArn\":\"arn:aws:states:us-east-1:123456789012:execution:priming:priming\",\"startDate\":1.7648E9}";
        try (PrimingOrg aws = new PrimingOrg().answering("AWSStepFunctions.StartExecution", answer)) {
            AwsJsonApi stepFunctions = onLoopback(AwsJsonApi.Service.STEP_FUNCTIONS, aws);
            StepFunctionsStarter starter = new StepFunctionsStarter(() -> stepFunctions, "arn:aws:states:us-east-1:123456789012:stateMachine:priming",
                    new RecentExecutions(SnapStartPriming.CLOCK));
            new IntakeHandler(starter, null, SnapStartPriming.CLOCK).handleRequest(
                    new ByteArrayInputStream(InitPriming.SAMPLE_REPORT.getBytes(StandardCharsets.UTF_8)), OutputStream.nullOutputStream(), null);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        SnapStartPriming.tlsClientHello();
    }

    /**
     * Record's first request end to end — the state read from a stream, assembled, PutItem and
     * PutEvents (answered on loopback), its metrics line (to nowhere) and answer — by the handler's own handleRequest.
     */
    static void record() {
        // With an ARN that names a region, so the event's console links (URL-encoded item key) are built too.
        ObjectNode request = Json.MAPPER.createObjectNode().put("executionName", "init-priming")
                .put("executionArn", "arn:aws:states:us-east-1:123456789012:execution:priming:init-priming");
        request.set("state", StateDocument.write(InitPriming.fullState()));
        try (PrimingOrg aws = new PrimingOrg().answering("DynamoDB_20120810.PutItem", "{}")
                .answering("AWSEvents.PutEvents", "{\"FailedEntryCount\":0,\"Entries\":[{\"EventId\":\"init-priming\"}]}")) {
            new RecordHandler(new DynamoDbDiagnosisStore(onLoopback(AwsJsonApi.Service.DYNAMODB, aws), "init-priming", Duration.ofDays(1)),
                    new DiagnosisEvents(onLoopback(AwsJsonApi.Service.EVENTBRIDGE, aws), "init-priming", "init-priming"),
                    new DiagnosisMetrics(new PrintStream(OutputStream.nullOutputStream())),
                    SnapStartPriming.CLOCK).handleRequest(new ByteArrayInputStream(Json.MAPPER.writeValueAsBytes(request)),
                    OutputStream.nullOutputStream(), null);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        SnapStartPriming.tlsClientHello();
    }

    /** The service on the instance's shared HTTP client, pointed at the priming server with made-up credentials. */
    static AwsJsonApi onLoopback(AwsJsonApi.Service service, PrimingOrg aws) {
        Map<String, String> settings = Map.of("AWS_REGION", "us-east-1", "AWS_ENDPOINT_URL", aws.baseUrl(),
                "AWS_ACCESS_KEY_ID", "init-priming", "AWS_SECRET_ACCESS_KEY", "init-priming");
        return new AwsJsonApi(service, LambdaEvidenceSources.transport()::send, AwsAccount.fromSettings(settings::get), SnapStartPriming.CLOCK);
    }
}
