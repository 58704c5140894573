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
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
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
}
