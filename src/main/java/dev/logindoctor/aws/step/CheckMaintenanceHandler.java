package dev.logindoctor.aws.step;

import dev.logindoctor.aws.LambdaEvidenceSources;
import dev.logindoctor.aws.StepHandler;
import dev.logindoctor.engine.EvidenceSources;

/** The CheckMaintenance step as a Lambda function (the state machine's CheckMaintenance Task). */
public final class CheckMaintenanceHandler extends StepHandler {
    public CheckMaintenanceHandler() {
        super("CheckMaintenance", LambdaEvidenceSources.shared());
    }

    public CheckMaintenanceHandler(EvidenceSources sources) {
        super("CheckMaintenance", sources);
    }
}
