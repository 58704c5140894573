package dev.logindoctor.aws.step;

import dev.logindoctor.aws.LambdaEvidenceSources;
import dev.logindoctor.aws.StepHandler;
import dev.logindoctor.engine.EvidenceSources;

/** The CheckLoginEndpoint step as a Lambda function (the state machine's CheckLoginEndpoint Task). */
public final class CheckLoginEndpointHandler extends StepHandler {
    public CheckLoginEndpointHandler() {
        super("CheckLoginEndpoint", LambdaEvidenceSources.shared());
    }

    public CheckLoginEndpointHandler(EvidenceSources sources) {
        super("CheckLoginEndpoint", sources);
    }
}
