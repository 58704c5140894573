package dev.logindoctor.aws;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.logindoctor.json.Json;
import dev.logindoctor.salesforce.HttpCall;
import dev.logindoctor.salesforce.HttpReply;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Record when AWS misbehaves: DynamoDB throttling, failing or answering garbage, EventBridge refusing.
 * Each failure is an error naming the service and operation (the state machine's Retry on Record
 * sends the state again), and nothing is half-written: no event announces a diagnosis whose item
 * was not stored, and a retry after a stored item is answered ALREADY_STORED, never a second item.
 */
class RecordAgainstFailingAwsTest {
    private final List<String> sent = new ArrayList<>();

    private AwsJsonApi answering(AwsJsonApi.Service service, Function<HttpCall, HttpReply> answer) {
        return StubAws.sending(service, call -> {
            sent.add(call.headers().get("x-amz-target"));
            return answer.apply(call);
        });
    }

    private static HttpReply json(int status, String body) {
        return HttpReply.of(status, "application/x-amz-json-1.0", body);
    }

    private void record(AwsJsonApi dynamoDb, AwsJsonApi eventBridge) throws Exception {
        ObjectNode request = Json.MAPPER.createObjectNode().put("executionName", "exec-faults")
                .put("executionArn", "arn:aws:states:us-east-1:123456789012:execution:login-doctor:exec-faults");
        request.set("state", StateDocument.write(InitPriming.fullState()));
        new RecordHandler(new DynamoDbDiagnosisStore(dynamoDb, "diagnoses", Duration.ofDays(30)), new DiagnosisEvents(eventBridge, "default", "diagnoses"),
                new DiagnosisMetrics(new PrintStream(OutputStream.nullOutputStream())), Clock.systemUTC())
                .handleRequest(new ByteArrayInputStream(Json.MAPPER.writeValueAsBytes(request)), new ByteArrayOutputStream(), null);
    }

    private final AwsJsonApi eventsOk = answering(AwsJsonApi.Service.EVENTBRIDGE,
            call -> json(200, "{\"FailedEntryCount\":0,\"Entries\":[{\"EventId\":\"e-1\"}]}"));

    @Test
    void aThrottledTableIsTriedThreeTimesThenNamedAndNoEventIsSent() {
        AwsJsonApi throttled = answering(AwsJsonApi.Service.DYNAMODB, call -> json(400,
                "{\"__type\":\"com.amazonaws.dynamodb.v20120810#ProvisionedThroughputExceededException\",\"message\":\"throughput exceeded\"}"));
        AwsCallFailed e = assertThrows(AwsCallFailed.class, () -> record(throttled, eventsOk));
        assertEquals("DynamoDB PutItem failed: ProvisionedThroughputExceededException (HTTP 400): throughput exceeded", e.getMessage());
        assertEquals(List.of("DynamoDB_20120810.PutItem", "DynamoDB_20120810.PutItem", "DynamoDB_20120810.PutItem"), sent);
    }

    @Test
    void aTableAnsweringHtmlIsAnErrorNamingTheCallNotAStoredItem() {
        AwsJsonApi garbled = answering(AwsJsonApi.Service.DYNAMODB, call -> HttpReply.of(200, "text/html", "<html>gateway</html>"));
        AwsCallFailed e = assertThrows(AwsCallFailed.class, () -> record(garbled, eventsOk));
        assertEquals("DynamoDB PutItem answered HTTP 200 with a body that is not a JSON object", e.getMessage());
        assertEquals(List.of("DynamoDB_20120810.PutItem"), sent, "nothing announced for an item that may not exist");
    }

    @Test
    void aRefusedEventFailsRecordAndItsRetryStoresNoSecondItem() throws Exception {
        List<String> items = new ArrayList<>();
        AwsJsonApi table = answering(AwsJsonApi.Service.DYNAMODB, call -> {
            if (!items.isEmpty()) {
                return json(400, "{\"__type\":\"com.amazonaws.dynamodb.v20120810#ConditionalCheckFailedException\",\"message\":\"The conditional request failed\"}");
            }
            items.add(call.body());
            return json(200, "{}");
        });
        AwsJsonApi refusing = answering(AwsJsonApi.Service.EVENTBRIDGE,
                call -> json(200, "{\"FailedEntryCount\":1,\"Entries\":[{\"ErrorCode\":\"InternalFailure\",\"ErrorMessage\":\"try again\"}]}"));
        DiagnosisEvents.EventNotPublished e = assertThrows(DiagnosisEvents.EventNotPublished.class, () -> record(table, refusing));
        assertTrue(e.getMessage().startsWith("EventBridge refused DiagnosisCompleted for exec-faults: InternalFailure"), e.getMessage());

        record(table, eventsOk); // the state machine's retry
        assertEquals(1, items.size(), "one item, written once");
        assertEquals(List.of("DynamoDB_20120810.PutItem", "AWSEvents.PutEvents", "DynamoDB_20120810.PutItem", "AWSEvents.PutEvents"), sent);
    }
}
