package dev.logindoctor.aws.step;

import dev.logindoctor.aws.LambdaEvidenceSources;
import dev.logindoctor.aws.StepHandler;
import dev.logindoctor.engine.EvidenceSources;

/** The CheckPassword step as a Lambda function (the state machine's CheckPassword Task). */
public final class CheckPasswordHandler extends StepHandler {
    public CheckPasswordHandler() {
        super("CheckPassword", LambdaEvidenceSources.shared());
    }

    public CheckPasswordHandler(EvidenceSources sources) {
        super("CheckPassword", sources);
    }
}
