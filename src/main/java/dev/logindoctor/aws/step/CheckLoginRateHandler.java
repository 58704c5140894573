package dev.logindoctor.aws.step;

import dev.logindoctor.aws.LambdaEvidenceSources;
import dev.logindoctor.aws.StepHandler;
import dev.logindoctor.engine.EvidenceSources;

/** The CheckLoginRate step as a Lambda function (the state machine's CheckLoginRate Task). */
public final class CheckLoginRateHandler extends StepHandler {
    public CheckLoginRateHandler() {
        super("CheckLoginRate", LambdaEvidenceSources.shared());
    }

    public CheckLoginRateHandler(EvidenceSources sources) {
        super("CheckLoginRate", sources);
    }
}
