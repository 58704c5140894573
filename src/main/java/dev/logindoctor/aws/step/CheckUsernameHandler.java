package dev.logindoctor.aws.step;

import dev.logindoctor.aws.LambdaEvidenceSources;
import dev.logindoctor.aws.StepHandler;
import dev.logindoctor.engine.EvidenceSources;

/** The CheckUsername step as a Lambda function (the state machine's CheckUsername Task). */
public final class CheckUsernameHandler extends StepHandler {
    public CheckUsernameHandler() {
        super("CheckUsername", LambdaEvidenceSources.shared());
    }

    public CheckUsernameHandler(EvidenceSources sources) {
        super("CheckUsername", sources);
    }
}
