package dev.logindoctor.aws.step;

import dev.logindoctor.aws.LambdaEvidenceSources;
import dev.logindoctor.aws.StepHandler;
import dev.logindoctor.engine.EvidenceSources;

/** The CheckMfa step as a Lambda function (the state machine's CheckMfa Task). */
public final class CheckMfaHandler extends StepHandler {
    public CheckMfaHandler() {
        super("CheckMfa", LambdaEvidenceSources.shared());
    }

    public CheckMfaHandler(EvidenceSources sources) {
        super("CheckMfa", sources);
    }
}
