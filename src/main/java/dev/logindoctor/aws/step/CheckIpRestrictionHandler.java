package dev.logindoctor.aws.step;

import dev.logindoctor.aws.LambdaEvidenceSources;
import dev.logindoctor.aws.StepHandler;
import dev.logindoctor.engine.EvidenceSources;

/** The CheckIpRestriction step as a Lambda function (the state machine's CheckIpRestriction Task). */
public final class CheckIpRestrictionHandler extends StepHandler {
    public CheckIpRestrictionHandler() {
        super("CheckIpRestriction", LambdaEvidenceSources.shared());
    }

    public CheckIpRestrictionHandler(EvidenceSources sources) {
        super("CheckIpRestriction", sources);
    }
}
