package dev.logindoctor.aws;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.logindoctor.json.Json;
import dev.logindoctor.model.RiskFinding;
import dev.logindoctor.probe.RiskNotifier;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.eventbridge.model.PutEventsResponse;
import software.amazon.awssdk.services.eventbridge.model.PutEventsResultEntry;

/**
 * Publishes {@code RiskDetected} (source {@code login-doctor}) when the probe's risk check finds a
 * risk that appeared or moved closer: the risk, when it bites, the fix and why it is news. No
 * evidence lines, no secret references.
 */
public final class RiskEvents implements RiskNotifier {
    public static final String DETAIL_TYPE = "RiskDetected";

    private final EventBridgeClient eventBridge;
    private final String busName;

    public RiskEvents(EventBridgeClient eventBridge, String busName) {
        this.eventBridge = eventBridge;
        this.busName = busName;
    }

    @Override
    public void riskDetected(String integrationId, RiskFinding finding, String why) {
        String detail = detail(integrationId, finding, why).toString();
        PutEventsResponse response = eventBridge.putEvents(r -> r.entries(e -> e
                .source(DiagnosisEvents.SOURCE)
                .detailType(DETAIL_TYPE)
                .eventBusName(busName)
                .detail(detail)));
        if (response.failedEntryCount() != null && response.failedEntryCount() > 0) {
            PutEventsResultEntry entry = response.entries().get(0);
            throw new DiagnosisEvents.EventNotPublished("EventBridge refused RiskDetected for " + integrationId + ": "
                    + entry.errorCode() + " " + entry.errorMessage());
        }
    }

    static ObjectNode detail(String integrationId, RiskFinding finding, String why) {
        ObjectNode detail = Json.MAPPER.createObjectNode()
                .put("integrationId", integrationId)
                .put("risk", finding.risk().name())
                .put("why", why)
                .put("fix", finding.fix());
        if (finding.dueAt() == null) {
            detail.putNull("dueAt");
        } else {
            detail.put("dueAt", finding.dueAt().toString());
        }
        return detail;
    }
}
