package dev.logindoctor.aws;

import com.fasterxml.jackson.databind.JsonNode;
import dev.logindoctor.json.Json;
import dev.logindoctor.sim.IntegrationSpec;
import dev.logindoctor.sim.SimulatedOrg;
import software.amazon.awssdk.services.sfn.SfnClient;
import software.amazon.awssdk.services.sfn.model.ExecutionListItem;

import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/**
 * Where the reporter snippets of docs/INTEGRATIONS.md are tried: a simulated org whose integration
 * user is locked out (the refusal a real client gets), and the real Intake handler starting
 * executions of a state machine on moto (what the report started).
 */
final class SnippetIntake implements AutoCloseable {
    static final String LOCKED_OUT = "Invalid username, password, security token; or user locked out.";

    final SimulatedOrg org = SimulatedOrg.start("user-locked-out");
    final IntakeHandler intake;
    private final SfnClient stepFunctions;
    private final String stateMachineArn;

    SnippetIntake(MotoServer.Moto moto) {
        stepFunctions = moto.stepFunctions();
        stateMachineArn = stepFunctions.createStateMachine(c -> c.name("snippets-" + UUID.randomUUID())
                .definition(StateMachineDefinition.substituted())
                .roleArn("arn:aws:iam::123456789012:role/login-doctor-state-machine")).stateMachineArn();
        intake = new IntakeHandler(new StepFunctionsStarter(() -> moto.api(AwsJsonApi.Service.STEP_FUNCTIONS), stateMachineArn), "login-doctor/",
                Clock.fixed(Instant.parse("2026-11-27T10:16:30Z"), ZoneOffset.UTC));
    }

    IntegrationSpec integration() {
        return org.scenario().integration();
    }

    String securityToken() {
        String token = integration().credential().securityToken();
        return token == null ? "" : token;
    }

    /** The password as a SOAP login sends it: the security token appended. */
    String passwordWithToken() {
        return integration().credential().password() + securityToken();
    }

    List<ExecutionListItem> executions() {
        return stepFunctions.listExecutions(l -> l.stateMachineArn(stateMachineArn)).executions();
    }

    /** Exactly one diagnosis started, for Salesforce's code and words, and the raw text not kept. */
    void assertOneDiagnosisOf(String code) throws IOException {
        var executions = executions();
        assertEquals(1, executions.size());
        JsonNode input = Json.MAPPER.readTree(stepFunctions.describeExecution(d -> d.executionArn(executions.get(0).executionArn())).input());
        assertEquals(code, input.at("/report/error/code").asText(), input.toString());
        assertEquals(LOCKED_OUT, input.at("/report/error/description").asText());
        assertFalse(input.toString().contains("rawError"), "the raw text is not kept");
    }

    @Override
    public void close() {
        org.close();
    }
}
