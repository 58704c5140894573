package dev.logindoctor.aws.step;

import dev.logindoctor.aws.LambdaEvidenceSources;
import dev.logindoctor.aws.StepHandler;
import dev.logindoctor.engine.EvidenceSources;

/** The CheckSecurityToken step as a Lambda function (the state machine's CheckSecurityToken Task). */
public final class CheckSecurityTokenHandler extends StepHandler {
    public CheckSecurityTokenHandler() {
        super("CheckSecurityToken", LambdaEvidenceSources.shared());
    }

    public CheckSecurityTokenHandler(EvidenceSources sources) {
        super("CheckSecurityToken", sources);
    }
}
