package dev.logindoctor.aws.step;

import dev.logindoctor.aws.LambdaEvidenceSources;
import dev.logindoctor.aws.StepHandler;
import dev.logindoctor.engine.EvidenceSources;

/** The CheckInactive step as a Lambda function (the state machine's CheckInactive Task). */
public final class CheckInactiveHandler extends StepHandler {
    public CheckInactiveHandler() {
        super("CheckInactive", LambdaEvidenceSources.shared());
    }

    public CheckInactiveHandler(EvidenceSources sources) {
        super("CheckInactive", sources);
    }
}
