package dev.logindoctor.aws.step;

import dev.logindoctor.aws.LambdaEvidenceSources;
import dev.logindoctor.aws.StepHandler;
import dev.logindoctor.engine.EvidenceSources;

/** The CheckFrozen step as a Lambda function (the state machine's CheckFrozen Task). */
public final class CheckFrozenHandler extends StepHandler {
    public CheckFrozenHandler() {
        super("CheckFrozen", LambdaEvidenceSources.shared());
    }

    public CheckFrozenHandler(EvidenceSources sources) {
        super("CheckFrozen", sources);
    }
}
