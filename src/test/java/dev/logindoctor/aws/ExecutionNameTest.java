package dev.logindoctor.aws;

import dev.logindoctor.model.FailureReport;
import dev.logindoctor.model.LoginFlow;
import dev.logindoctor.model.ReportedError;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ExecutionNameTest {
    private static FailureReport report(String integrationId, String failedAt) {
        return new FailureReport(integrationId, "https://acme.my.salesforce.com", "integration@acme.com", LoginFlow.SOAP,
                new ReportedError("INVALID_LOGIN", ""), Instant.parse(failedAt), null, null, null, null);
    }

    @Test
    void reportsOfOneFailureWindowShareAName() {
        String first = ExecutionName.of(report("billing-sync", "2026-11-27T10:15:00Z"));
        assertEquals(first, ExecutionName.of(report("billing-sync", "2026-11-27T10:29:59Z")));
        assertTrue(first.startsWith("billing-sync-20261127T1015-"), first);
    }

    @Test
    void anotherWindowOrAnotherIntegrationIsAnotherDiagnosis() {
        String first = ExecutionName.of(report("billing-sync", "2026-11-27T10:15:00Z"));
        assertNotEquals(first, ExecutionName.of(report("billing-sync", "2026-11-27T10:30:00Z")));
        assertNotEquals(first, ExecutionName.of(report("hr-sync", "2026-11-27T10:15:00Z")));
        assertNotEquals(ExecutionName.of(report("a.b", "2026-11-27T10:15:00Z")), ExecutionName.of(report("a_b", "2026-11-27T10:15:00Z")),
                "ids that sanitise alike still differ by hash");
    }

    @Test
    void theNameFitsStepFunctionsRules() {
        String longId = "integration:" + "x".repeat(110) + "@acme.com";
        for (String id : new String[] {longId, "billing-sync", null}) {
            String name = ExecutionName.of(report(id, "2026-11-27T10:15:00Z"));
            assertTrue(name.length() <= 80, name);
            assertTrue(name.matches("[A-Za-z0-9_-]+"), name);
        }
    }
}
