package dev.logindoctor.aws;

import com.fasterxml.jackson.databind.JsonNode;
import dev.logindoctor.json.Json;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/** An event bus on moto whose DiagnosisCompleted (or other Login Doctor) events land in an SQS queue, so a test can read what was published. */
final class DiagnosisEventsQueue {
    final String busName;
    private final SqsClient sqs;
    private final String queueUrl;

    DiagnosisEventsQueue(EventBridgeClient eventBridge, SqsClient sqs, String name) {
        this(eventBridge, sqs, name, DiagnosisEvents.DETAIL_TYPE);
    }

    /** For another of Login Doctor's detail types (RiskDetected). */
    DiagnosisEventsQueue(EventBridgeClient eventBridge, SqsClient sqs, String name, String detailType) {
        this.sqs = sqs;
        this.busName = name;
        eventBridge.createEventBus(b -> b.name(name));
        queueUrl = sqs.createQueue(q -> q.queueName(name)).queueUrl();
        String queueArn = sqs.getQueueAttributes(a -> a.queueUrl(queueUrl).attributeNames(QueueAttributeName.QUEUE_ARN))
                .attributes().get(QueueAttributeName.QUEUE_ARN);
        eventBridge.putRule(r -> r.name(name).eventBusName(name)
                .eventPattern("{\"source\":[\"" + DiagnosisEvents.SOURCE + "\"],\"detail-type\":[\"" + detailType + "\"]}"));
        eventBridge.putTargets(t -> t.rule(name).eventBusName(name).targets(x -> x.id("queue").arn(queueArn)));
    }

    /** Every event delivered so far (each an EventBridge envelope with source, detail-type, detail). */
    List<JsonNode> drain() {
        List<JsonNode> events = new ArrayList<>();
        while (true) {
            List<Message> messages = sqs.receiveMessage(r -> r.queueUrl(queueUrl).maxNumberOfMessages(10).waitTimeSeconds(0)).messages();
            if (messages.isEmpty()) {
                return events;
            }
            for (Message m : messages) {
                try {
                    events.add(Json.MAPPER.readTree(m.body()));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
                sqs.deleteMessage(d -> d.queueUrl(queueUrl).receiptHandle(m.receiptHandle()));
            }
        }
    }
}
