package dev.logindoctor.aws;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.logindoctor.json.Json;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.sfn.SfnClient;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * The SDK calls Intake and Record make on their first request, done once in a SnapStart init
 * against {@link PrimingOrg} on loopback, through clients configured like the real ones (the real
 * clients are built beside them, see {@link AwsClients}): request marshalling, signing, the HTTP
 * exchange and response parsing are then in the snapshot. Made-up credentials and data; nothing kept.
 */
final class SdkPriming {
    private SdkPriming() {
    }

    /** Intake's init: in a SnapStart one the real client and a StartExecution on loopback; always the JSON path. */
    static void intakeHandler() {
        if (InitPriming.snapStartInit()) {
            AwsClients.stepFunctions();
            startExecution();
        }
        InitPriming.intake();
    }

    /** Record's init: in a SnapStart one the real clients and a PutItem and PutEvents on loopback; always the assembly. */
    static void recordHandler() {
        if (InitPriming.snapStartInit()) {
            AwsClients.dynamoDb();
            AwsClients.eventBridge();
            record();
        }
        InitPriming.record();
    }

    /**
     * Intake's first request end to end — a report read from a stream, checked, named, started
     * through an SDK client like the real one (answered on loopback), the answer written — by the
     * handler's own handleRequest, so nothing on that path is left for the first real request.
     */
    static void startExecution() {
        String answer = "{\"executionArn\":\"arn:aws:states:us-east-1:123456789012:execution:priming:priming\",\"startDate\":1.7648E9}";
        try (PrimingOrg aws = new PrimingOrg().answering("AWSStepFunctions.StartExecution", answer);
             SfnClient client = LoopbackClients.stepFunctions(aws.baseUrl())) {
            StepFunctionsStarter starter = new StepFunctionsStarter(() -> client, "arn:aws:states:us-east-1:123456789012:stateMachine:priming",
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
     * PutEvents through SDK clients like the real ones (answered on loopback), its metrics line (to
     * nowhere) and answer — by the handler's own handleRequest.
     */
    static void record() {
        ObjectNode request = Json.MAPPER.createObjectNode().put("executionName", "init-priming");
        request.set("state", StateDocument.write(InitPriming.fullState()));
        try (PrimingOrg aws = new PrimingOrg().answering("DynamoDB_20120810.PutItem", "{}")
                .answering("AWSEvents.PutEvents", "{\"FailedEntryCount\":0,\"Entries\":[{\"EventId\":\"init-priming\"}]}");
             DynamoDbClient dynamoDb = LoopbackClients.dynamoDb(aws.baseUrl());
             EventBridgeClient eventBridge = LoopbackClients.eventBridge(aws.baseUrl())) {
            new RecordHandler(new DynamoDbDiagnosisStore(dynamoDb, "init-priming", Duration.ofDays(1)),
                    new DiagnosisEvents(eventBridge, "init-priming"), new DiagnosisMetrics(new PrintStream(OutputStream.nullOutputStream())),
                    SnapStartPriming.CLOCK).handleRequest(new ByteArrayInputStream(Json.MAPPER.writeValueAsBytes(request)),
                    OutputStream.nullOutputStream(), null);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        SnapStartPriming.tlsClientHello();
    }

    /** SDK clients configured as {@link AwsClients} does, pointed at the priming server with made-up credentials. */
    private static final class LoopbackClients {
        private static final AwsCredentialsProvider CREDENTIALS =
                StaticCredentialsProvider.create(AwsBasicCredentials.create("init-priming", "init-priming"));

        static SfnClient stepFunctions(String url) {
            return AwsClients.configure(SfnClient.builder())
                    .region(Region.US_EAST_1).endpointOverride(URI.create(url)).credentialsProvider(CREDENTIALS).build();
        }

        static DynamoDbClient dynamoDb(String url) {
            return AwsClients.configure(DynamoDbClient.builder())
                    .region(Region.US_EAST_1).endpointOverride(URI.create(url)).credentialsProvider(CREDENTIALS).build();
        }

        static EventBridgeClient eventBridge(String url) {
            return AwsClients.configure(EventBridgeClient.builder())
                    .region(Region.US_EAST_1).endpointOverride(URI.create(url)).credentialsProvider(CREDENTIALS).build();
        }
    }
}
