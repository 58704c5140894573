package dev.logindoctor.aws;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.logindoctor.engine.DiagnosisState;
import dev.logindoctor.json.Json;
import dev.logindoctor.engine.StepFailure;
import dev.logindoctor.model.Cause;
import dev.logindoctor.model.FailureReport;
import dev.logindoctor.model.Finding;
import dev.logindoctor.model.LoginFlow;
import dev.logindoctor.model.ReportedError;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

class StateDocumentTest {
    private static final DiagnosisState START = DiagnosisState.start(new FailureReport("billing-sync", "https://acme.my.salesforce.com",
            "integration@acme.com", LoginFlow.OAUTH_JWT, new ReportedError("invalid_grant", "user hasn't approved this consumer"),
            Instant.parse("2026-11-27T10:15:00Z"), null, null, null, null), Instant.parse("2026-11-27T10:16:00Z"));

    @Test
    void theStateGoesOutWithTheLastVerdictForTheChoice() {
        ObjectNode document = StateDocument.write(START.withFinding(
                Finding.confirmed("CheckConnectedAppApproval", Cause.CONNECTED_APP_NOT_APPROVED, List.of("x"), "fix")));
        assertEquals("CONFIRMED", document.get(StateDocument.LAST_VERDICT).asText());
        assertFalse(StateDocument.write(START).has(StateDocument.LAST_VERDICT), "no finding yet, no verdict");
        assertEquals(START.withFinding(Finding.ruledOut("A", Cause.USER_FROZEN, List.of())),
                StateDocument.read(StateDocument.write(START.withFinding(Finding.ruledOut("A", Cause.USER_FROZEN, List.of())))));
    }

    @Test
    void aCaughtTimeoutWithoutCauseStillReadsAsAFailure() {
        ObjectNode document = StateDocument.write(START);
        document.putObject("failure").put("Error", "States.Timeout").put("step", "CheckMaintenance");
        assertEquals(new StepFailure("CheckMaintenance", "States.Timeout", null), StateDocument.read(document).failure());
    }

    @Test
    void aJavaErrorReadsAsItsSimpleNameAndMessage() {
        ObjectNode document = StateDocument.write(START);
        document.putObject("failure").put("Error", "dev.logindoctor.salesforce.Throttled")
                .put("Cause", "{\"errorMessage\":\"REQUEST_LIMIT_EXCEEDED\",\"errorType\":\"dev.logindoctor.salesforce.Throttled\"}")
                .put("step", "CheckUsername");
        assertEquals(new StepFailure("CheckUsername", "Throttled", "REQUEST_LIMIT_EXCEEDED"), StateDocument.read(document).failure());
        assertEquals("Lambda.ServiceException", CaughtFailure.readableError("Lambda.ServiceException"));
        assertEquals("plain text", CaughtFailure.readableCause("plain text"));
        assertNull(StateDocument.read(StateDocument.write(START)).failure());
    }

    @Test
    void anInputThatIsNotAStateIsRefusedClearly() {
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                () -> StateDocument.read(Json.MAPPER.createObjectNode().put("username", "x")));
        assertEquals("the input is not a diagnosis state: expected a JSON object with a report", refused.getMessage());
    }
}
