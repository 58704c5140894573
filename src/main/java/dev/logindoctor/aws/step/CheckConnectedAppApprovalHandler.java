package dev.logindoctor.aws.step;

import dev.logindoctor.aws.LambdaEvidenceSources;
import dev.logindoctor.aws.StepHandler;
import dev.logindoctor.engine.EvidenceSources;

/** The CheckConnectedAppApproval step as a Lambda function (the state machine's CheckConnectedAppApproval Task). */
public final class CheckConnectedAppApprovalHandler extends StepHandler {
    public CheckConnectedAppApprovalHandler() {
        super("CheckConnectedAppApproval", LambdaEvidenceSources.shared());
    }

    public CheckConnectedAppApprovalHandler(EvidenceSources sources) {
        super("CheckConnectedAppApproval", sources);
    }
}
