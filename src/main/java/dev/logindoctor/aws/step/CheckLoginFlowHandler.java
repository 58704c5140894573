package dev.logindoctor.aws.step;

import dev.logindoctor.aws.LambdaEvidenceSources;
import dev.logindoctor.aws.StepHandler;
import dev.logindoctor.engine.EvidenceSources;

/** The CheckLoginFlow step as a Lambda function (the state machine's CheckLoginFlow Task). */
public final class CheckLoginFlowHandler extends StepHandler {
    public CheckLoginFlowHandler() {
        super("CheckLoginFlow", LambdaEvidenceSources.shared());
    }

    public CheckLoginFlowHandler(EvidenceSources sources) {
        super("CheckLoginFlow", sources);
    }
}
