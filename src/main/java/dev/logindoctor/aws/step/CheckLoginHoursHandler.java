package dev.logindoctor.aws.step;

import dev.logindoctor.aws.LambdaEvidenceSources;
import dev.logindoctor.aws.StepHandler;
import dev.logindoctor.engine.EvidenceSources;

/** The CheckLoginHours step as a Lambda function (the state machine's CheckLoginHours Task). */
public final class CheckLoginHoursHandler extends StepHandler {
    public CheckLoginHoursHandler() {
        super("CheckLoginHours", LambdaEvidenceSources.shared());
    }

    public CheckLoginHoursHandler(EvidenceSources sources) {
        super("CheckLoginHours", sources);
    }
}
