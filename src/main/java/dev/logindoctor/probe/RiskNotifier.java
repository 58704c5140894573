package dev.logindoctor.probe;

import dev.logindoctor.model.RiskFinding;

/** Announces a risk that appeared or moved closer (EventBridge {@code RiskDetected} on AWS). */
public interface RiskNotifier {

    /** Throws when the announcement was not taken: the risk is then announced again on the next run. */
    void riskDetected(String integrationId, RiskFinding finding, String why);

    static RiskNotifier none() {
        return (id, finding, why) -> {
        };
    }
}
