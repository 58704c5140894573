package dev.logindoctor.aws;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.logindoctor.engine.DiagnosisItem;
import dev.logindoctor.json.Json;
import dev.logindoctor.model.Diagnosis;

/**
 * Publishes {@code DiagnosisCompleted} (source {@code login-doctor}) for whoever subscribes: the
 * cause and where to read the rest. The detail carries no evidence lines and no secret references.
 */
public final class DiagnosisEvents {
    public static final String SOURCE = "login-doctor";
    public static final String DETAIL_TYPE = "DiagnosisCompleted";

    private final EventBus bus;
    private final String tableName;

    public DiagnosisEvents(AwsJsonApi eventBridge, String busName) {
        this(eventBridge, busName, null);
    }

    /** @param tableName the diagnosis table, for the item's console link (null: no item link) */
    public DiagnosisEvents(AwsJsonApi eventBridge, String busName, String tableName) {
        this.bus = new EventBus(eventBridge, busName);
        this.tableName = tableName;
    }

    public void publishCompleted(Diagnosis diagnosis, String executionArn) {
        // Thrown when refused, so the state machine's Retry on Record tries again; the stored item makes that safe.
        bus.publish(DETAIL_TYPE, detail(diagnosis, executionArn, tableName), "DiagnosisCompleted for " + diagnosis.diagnosisId());
    }

    static ObjectNode detail(Diagnosis diagnosis, String executionArn) {
        return detail(diagnosis, executionArn, null);
    }

    /** The cause, its fix, and console links to the execution and the item (when the execution's ARN names a region). */
    static ObjectNode detail(Diagnosis diagnosis, String executionArn, String tableName) {
        ObjectNode detail = Json.MAPPER.createObjectNode()
                .put("cause", diagnosis.cause().name())
                .put("integrationId", diagnosis.integrationId())
                .put("executionArn", executionArn)
                .put("diagnosisId", diagnosis.diagnosisId())
                .put("username", diagnosis.username())
                .put("failedAt", diagnosis.failedAt().toString());
        if (diagnosis.confirmedBy() != null) {
            detail.put("confirmedBy", diagnosis.confirmedBy());
        }
        detail.put("fix", diagnosis.remediation() == null ? "" : diagnosis.remediation());
        String region = ConsoleLinks.region(executionArn);
        if (region != null) {
            detail.put("executionConsoleUrl", ConsoleLinks.execution(region, executionArn));
            if (tableName != null && !tableName.isBlank()) {
                detail.put("itemConsoleUrl", ConsoleLinks.item(region, tableName, DiagnosisItem.toJsonMap(diagnosis)));
            }
        }
        return detail;
    }

    /** PutEvents answered but did not take the event. */
    public static final class EventNotPublished extends RuntimeException {
        public EventNotPublished(String message) {
            super(message, null, false, false);
        }
    }
}
