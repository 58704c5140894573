package dev.logindoctor.aws;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.logindoctor.json.Json;

/**
 * One EventBridge bus, for PutEvents of a single {@code login-doctor} event. An entry EventBridge
 * answers but does not take (FailedEntryCount &gt; 0) is an {@link DiagnosisEvents.EventNotPublished}
 * naming the event and EventBridge's code, so the caller's retry can send it again.
 */
final class EventBus {
    private final AwsJsonApi eventBridge;
    private final String busName;

    EventBus(AwsJsonApi eventBridge, String busName) {
        this.eventBridge = eventBridge;
        this.busName = busName;
    }

    /** @param what the event and its subject, for the error ("DiagnosisCompleted for …") */
    void publish(String detailType, ObjectNode detail, String what) {
        ObjectNode entry = Json.MAPPER.createObjectNode()
                .put("Source", DiagnosisEvents.SOURCE)
                .put("DetailType", detailType)
                .put("EventBusName", busName)
                .put("Detail", detail.toString());
        ObjectNode request = Json.MAPPER.createObjectNode();
        request.putArray("Entries").add(entry);
        JsonNode answer = eventBridge.call("PutEvents", request.toString());
        JsonNode failed = answer.get("FailedEntryCount");
        if (failed != null && failed.canConvertToLong() && failed.asLong() > 0) {
            JsonNode result = answer.path("Entries").path(0);
            throw new DiagnosisEvents.EventNotPublished("EventBridge refused " + what + ": "
                    + result.path("ErrorCode").asText("unknown error") + " " + result.path("ErrorMessage").asText(""));
        }
    }
}
