package dev.logindoctor.aws.step;

import dev.logindoctor.aws.LambdaEvidenceSources;
import dev.logindoctor.aws.StepHandler;
import dev.logindoctor.engine.EvidenceSources;

/** The CheckJwtAssertion step as a Lambda function (the state machine's CheckJwtAssertion Task). */
public final class CheckJwtAssertionHandler extends StepHandler {
    public CheckJwtAssertionHandler() {
        super("CheckJwtAssertion", LambdaEvidenceSources.shared());
    }

    public CheckJwtAssertionHandler(EvidenceSources sources) {
        super("CheckJwtAssertion", sources);
    }
}
