package dev.logindoctor.aws;

import software.amazon.awssdk.services.sfn.SfnClient;
import software.amazon.awssdk.services.sfn.model.ExecutionAlreadyExistsException;

import java.time.Clock;
import java.util.function.Supplier;

/**
 * Starts a diagnosis execution under a deterministic name. A name already taken means the same
 * failure is already being (or was) diagnosed: that is a duplicate, not an error, and its ARN is
 * derived from the state machine's ARN ({@code ...:stateMachine:NAME} → {@code ...:execution:NAME:EXEC}).
 */
public final class StepFunctionsStarter {
    private final Supplier<SfnClient> stepFunctions;
    private final String stateMachineArn;
    private final RecentExecutions recent;

    /** The client is asked for on the first start: a refused report never pays for building it. */
    public StepFunctionsStarter(Supplier<SfnClient> stepFunctions, String stateMachineArn) {
        this(stepFunctions, stateMachineArn, new RecentExecutions(Clock.systemUTC()));
    }

    StepFunctionsStarter(Supplier<SfnClient> stepFunctions, String stateMachineArn, RecentExecutions recent) {
        this.stepFunctions = stepFunctions;
        this.stateMachineArn = stateMachineArn;
        this.recent = recent;
    }

    public record Started(String executionArn, boolean duplicate) {
    }

    /** A name this instance already saw Step Functions confirm is answered as a duplicate without a call. */
    public Started start(String executionName, String input) {
        if (recent.contains(executionName)) {
            return new Started(executionArn(stateMachineArn, executionName), true);
        }
        Started started = Call.start(stepFunctions.get(), stateMachineArn, executionName, input);
        recent.remember(executionName);
        return started;
    }

    /** The SDK call on its own: its catch of an SDK exception loads SDK classes when this class is verified, on the first start only. */
    private static final class Call {
        static Started start(SfnClient client, String stateMachineArn, String executionName, String input) {
            try {
                String arn = client.startExecution(r -> r.stateMachineArn(stateMachineArn).name(executionName).input(input)).executionArn();
                return new Started(arn, false);
            } catch (ExecutionAlreadyExistsException e) {
                return new Started(executionArn(stateMachineArn, executionName), true);
            }
        }
    }

    static String executionArn(String stateMachineArn, String executionName) {
        int marker = stateMachineArn.indexOf(":stateMachine:");
        if (marker < 0) {
            throw new IllegalStateException("STATE_MACHINE_ARN is not a state machine ARN (…:stateMachine:NAME)");
        }
        return stateMachineArn.substring(0, marker) + ":execution:" + stateMachineArn.substring(marker + ":stateMachine:".length())
                + ":" + executionName;
    }
}
