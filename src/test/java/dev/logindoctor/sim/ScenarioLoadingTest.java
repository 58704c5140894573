package dev.logindoctor.sim;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Scenario files: what is refused, and what never leaks. */
class ScenarioLoadingTest {

    @Test
    void anUnknownPropertyIsRefusedNamingIt() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> SimScenarios.parse("{\"name\":\"x\",\"colour\":\"blue\"}", "inline"));
        assertTrue(e.getMessage().contains("colour"), e.getMessage());
    }

    @Test
    void aLockoutPolicySalesforceDoesNotOfferIsRefused() {
        String json = """
                {"name":"x","organization":{"id":"00D5g000004SxQlEAK","name":"X","instanceName":"NA1",
                 "passwordPolicy":{"maxInvalidAttempts":4}}}""";
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> SimulatedOrg.start(SimScenarios.parse(json, "inline")));
        assertTrue(e.getMessage().contains("maxInvalidAttempts"));
    }

    @Test
    void aMinimalOrgGetsTheDiagnosticsKitAndDefaults() {
        String json = """
                {"name":"minimal","organization":{"id":"00D5g000004SxQl","name":"Minimal","instanceName":"NA1","myDomain":"minimal"}}""";
        try (SimulatedOrg org = SimulatedOrg.start(SimScenarios.parse(json, "inline"))) {
            assertEquals("login-doctor@minimal.example.com", org.state().diagnosticsUsername);
            assertEquals(10, org.state().maxInvalidAttempts);
            assertEquals(15, org.state().lockoutMinutes);
            assertEquals(3600, org.state().loginRateLimitPerHour);
            assertEquals(200, SimHttp.query(org, SimHttp.diagnosticsToken(org), "SELECT Id FROM User").status());
        }
    }

    @Test
    void scenariosNeverPrintTheirSecrets() {
        SimScenario s = SimScenarios.load("user-locked-out");
        String text = s.toString();

        assertFalse(text.contains("Spring2026!Billing"));
        assertFalse(text.contains("aK9fT3xQ2mV7pL4sR8wE1zYb"));
        assertFalse(text.contains(s.connectedApps().getFirst().consumerSecret()));
        assertTrue(text.contains("billing.sync@acme.com"));
    }

    @Test
    void aScenarioLoadsByPathToo() {
        assertEquals("test-org", SimScenarios.load("src/test/resources/sim/test-org.json").name());
        assertThrows(IllegalArgumentException.class, () -> SimScenarios.load("no/such/file.json"));
    }
}
