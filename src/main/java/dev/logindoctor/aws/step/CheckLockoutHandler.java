package dev.logindoctor.aws.step;

import dev.logindoctor.aws.LambdaEvidenceSources;
import dev.logindoctor.aws.StepHandler;
import dev.logindoctor.engine.EvidenceSources;

/** The CheckLockout step as a Lambda function (the state machine's CheckLockout Task). */
public final class CheckLockoutHandler extends StepHandler {
    public CheckLockoutHandler() {
        super("CheckLockout", LambdaEvidenceSources.shared());
    }

    public CheckLockoutHandler(EvidenceSources sources) {
        super("CheckLockout", sources);
    }
}
