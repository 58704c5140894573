package dev.logindoctor.aws;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.logindoctor.json.Json;

import java.time.Clock;
import java.util.function.Supplier;

/**
 * Starts a diagnosis execution under a deterministic name. A name already taken means the same
 * failure is already being (or was) diagnosed: that is a duplicate, not an error, and its ARN is
 * derived from the state machine's ARN ({@code ...:stateMachine:NAME} → {@code ...:execution:NAME:EXEC}).
 */
public final class StepFunctionsStarter {
    private final Supplier<AwsJsonApi> stepFunctions;
    private final String stateMachineArn;
    private final RecentExecutions recent;

    /** The client is asked for on the first start: a refused report never pays for building it. */
    public StepFunctionsStarter(Supplier<AwsJsonApi> stepFunctions, String stateMachineArn) {
        this(stepFunctions, stateMachineArn, new RecentExecutions(Clock.systemUTC()));
    }

    StepFunctionsStarter(Supplier<AwsJsonApi> stepFunctions, String stateMachineArn, RecentExecutions recent) {
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

    /** StartExecution; a name already taken (ExecutionAlreadyExists) is this same report's diagnosis. */
    private static final class Call {
        static Started start(AwsJsonApi client, String stateMachineArn, String executionName, String input) {
            ObjectNode request = Json.MAPPER.createObjectNode().put("stateMachineArn", stateMachineArn).put("name", executionName).put("input", input);
            try {
                JsonNode arn = client.call("StartExecution", request.toString()).get("executionArn");
                if (arn == null || !arn.isTextual()) {
                    throw new AwsCallFailed("Step Functions", "StartExecution", null, 200, "answered without an executionArn");
                }
                return new Started(arn.asText(), false);
            } catch (AwsCallFailed e) {
                if (e.is("ExecutionAlreadyExists")) {
                    return new Started(executionArn(stateMachineArn, executionName), true);
                }
                throw e;
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
