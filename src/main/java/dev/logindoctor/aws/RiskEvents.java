package dev.logindoctor.aws;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.logindoctor.json.Json;
import dev.logindoctor.model.RiskFinding;
import dev.logindoctor.probe.RiskNotifier;

/**
 * Publishes {@code RiskDetected} (source {@code login-doctor}) when the probe's risk check finds a
 * risk that appeared or moved closer: the risk, when it bites, the fix and why it is news. No
 * evidence lines, no secret references.
 */
public final class RiskEvents implements RiskNotifier {
    public static final String DETAIL_TYPE = "RiskDetected";

    private final EventBus bus;

    public RiskEvents(AwsJsonApi eventBridge, String busName) {
        this.bus = new EventBus(eventBridge, busName);
    }

    @Override
    public void riskDetected(String integrationId, RiskFinding finding, String why) {
        bus.publish(DETAIL_TYPE, detail(integrationId, finding, why), "RiskDetected for " + integrationId);
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
