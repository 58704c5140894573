package dev.logindoctor.aws;

import dev.logindoctor.engine.EvidenceSources;
import dev.logindoctor.json.Json;
import dev.logindoctor.model.FailureReport;
import dev.logindoctor.model.OrgEvidence;
import dev.logindoctor.model.TrustEvidence;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The one step handler class: which step it runs comes from the function's STEP variable, and a wrong one stops the init. */
class StepHandlerTest {
    private static final EvidenceSources NO_EVIDENCE = new EvidenceSources() {
        @Override
        public OrgEvidence fetchOrg(FailureReport report) {
            return OrgEvidence.unavailable("not in this test", 0);
        }

        @Override
        public TrustEvidence fetchTrust(FailureReport report, OrgEvidence org) {
            return TrustEvidence.unavailable("not in this test");
        }
    };

    @Test
    void aFunctionWithoutAStepVariableFailsNamingIt() {
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> FunctionEnvironment.of(Map.of()).step());
        assertTrue(e.getMessage().contains("STEP"), e.getMessage());
    }

    @Test
    void aStepVariableNamingNoStepFailsListingTheRealOnes() {
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> new StepHandler("CheckLockot", NO_EVIDENCE));
        assertTrue(e.getMessage().contains("CheckLockot") && e.getMessage().contains("CheckLockout"), e.getMessage());
    }

    @Test
    void theNamedStepIsTheOneThatRunsAndAddsItsFinding() throws Exception {
        StepHandler handler = new StepHandler(FunctionEnvironment.of(Map.of("STEP", "CheckConnectedAppApproval")).step(), NO_EVIDENCE);
        assertEquals("CheckConnectedAppApproval", handler.stepName());

        ByteArrayOutputStream out = new ByteArrayOutputStream();
        handler.handleRequest(new ByteArrayInputStream(Files.readAllBytes(Path.of("events/step-state.json"))), out, null);
        var state = Json.MAPPER.readTree(out.toByteArray());
        var findings = state.get("findings");
        assertEquals("CheckConnectedAppApproval", findings.get(findings.size() - 1).get("step").asText());
        assertEquals(findings.get(findings.size() - 1).get("verdict").asText(), state.get("lastVerdict").asText());
    }

    @Test
    void aStepLogsOneJsonLineWhoseFieldsLogsInsightsSeesAtTheTopLevel() throws Exception {
        List<String> lines = new java.util.ArrayList<>();
        StepHandler handler = new StepHandler(dev.logindoctor.engine.StepOrder.byName("CheckConnectedAppApproval").orElseThrow(), NO_EVIDENCE,
                new StructuredLog(lines::add, java.time.Clock.fixed(java.time.Instant.parse("2026-11-27T10:16:00Z"), java.time.ZoneOffset.UTC)));
        handler.handleRequest(new ByteArrayInputStream(Files.readAllBytes(Path.of("events/step-state.json"))), new ByteArrayOutputStream(),
                new TestContext("CheckConnectedAppApproval"));

        assertEquals(1, lines.size(), "one line per step");
        var line = Json.MAPPER.readTree(lines.get(0));
        assertTrue(line.isObject(), "the line is a JSON object, not a string holding one");
        assertEquals("CheckConnectedAppApproval", line.get("step").asText());
        assertTrue(List.of("CONFIRMED", "RULED_OUT", "INCONCLUSIVE").contains(line.get("verdict").asText()), line.toString());
        assertTrue(line.get("executionName").asText().startsWith(line.get("integrationId").asText()), line.toString());
        assertEquals("2026-11-27T10:16:00Z", line.get("timestamp").asText());
        assertFalse(line.has("evidence"), "conclusions only, never evidence");
    }
}
