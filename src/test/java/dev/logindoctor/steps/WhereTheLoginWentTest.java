package dev.logindoctor.steps;

import dev.logindoctor.model.Evidence;
import dev.logindoctor.model.Finding;
import dev.logindoctor.model.LoginFlow;
import dev.logindoctor.model.UserRecord;
import dev.logindoctor.model.Verdict;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** CheckUsername and CheckLoginEndpoint share "the username is not in this org". */
class WhereTheLoginWentTest {
    private final CheckUsername username = new CheckUsername();
    private final CheckLoginEndpoint endpoint = new CheckLoginEndpoint();

    private static Scenario sandboxUsernameSentToProduction() {
        Scenario s = Scenario.healthy().loginUrl("https://login.salesforce.com").username("integration@acme.com.uat").userNotFound();
        s.baseUsernameUser = new UserRecord(Scenario.USER_ID_18, "integration@acme.com", true, "00e5g000000Prof", "Integration",
                "Standard", Instant.parse("2026-09-01T12:00:00Z"), null);
        return s;
    }

    @Test
    void aTypoInTheUsernameIsUsernameNotFound() {
        Scenario s = Scenario.healthy().username("integraton@acme.com").userNotFound();
        Finding f = username.check(s.evidence());
        assertEquals(Verdict.CONFIRMED, f.verdict());
        assertTrue(f.remediation().contains("no user 'integraton@acme.com' exists in 'Acme'"), f.remediation());
        assertEquals(Verdict.INCONCLUSIVE, endpoint.check(s.evidence()).verdict());
    }

    @Test
    void aSandboxUsernameSentToProductionIsTheEndpointNotATypo() {
        Scenario s = sandboxUsernameSentToProduction();
        Finding f = endpoint.check(s.evidence());
        assertEquals(Verdict.CONFIRMED, f.verdict());
        assertTrue(f.remediation().contains("https://test.salesforce.com"), f.remediation());
        assertTrue(f.remediation().contains("acme--uat.sandbox.my.salesforce.com"), f.remediation());
        assertEquals(Verdict.INCONCLUSIVE, username.check(s.evidence()).verdict());
    }

    @Test
    void aSandboxUserSentToProductionsLoginHostIsTheEndpoint() {
        Scenario s = Scenario.healthy().loginUrl("https://login.salesforce.com").sandboxOrg("Acme UAT");
        s.diagnosticsLoginUrl = "https://acme--uat.sandbox.my.salesforce.com";
        Finding f = endpoint.check(s.evidence());
        assertEquals(Verdict.CONFIRMED, f.verdict());
        assertTrue(f.remediation().contains("https://acme--uat.sandbox.my.salesforce.com"), f.remediation());
        assertEquals(Verdict.INCONCLUSIVE, username.check(s.evidence()).verdict());
    }

    @Test
    void aProductionUserSentToTheSandboxHostIsTheEndpoint() {
        Scenario s = Scenario.healthy().loginUrl("https://test.salesforce.com");
        assertEquals(Verdict.CONFIRMED, endpoint.check(s.evidence()).verdict());
    }

    @Test
    void theLightningHostOrA405IsTheEndpointFromTheReportAlone() {
        Scenario lightning = Scenario.healthy().orgUnavailable("no diagnostics secret").loginUrl("https://acme.lightning.force.com");
        Finding f = endpoint.check(lightning.evidence());
        assertEquals(Verdict.CONFIRMED, f.verdict());
        assertTrue(f.remediation().contains("https://acme.my.salesforce.com"), f.remediation());
        Scenario only = Scenario.healthy().orgUnavailable("no diagnostics secret").error("405", "Only POST allowed");
        assertEquals(Verdict.CONFIRMED, endpoint.check(only.evidence()).verdict());
    }

    @Test
    void unsupportedGrantTypeAgainstProductionForASandboxOrgIsTheEndpoint() {
        Scenario s = Scenario.healthy().flow(LoginFlow.OAUTH_CLIENT_CREDENTIALS).loginUrl("https://login.salesforce.com")
                .error("unsupported_grant_type", "grant type not supported").sandboxOrg("Acme UAT");
        s.userLookup = dev.logindoctor.model.Lookup.UNKNOWN;
        s.diagnosticsLoginUrl = "https://test.salesforce.com";
        assertEquals(Verdict.CONFIRMED, endpoint.check(s.evidence()).verdict());
    }

    @Test
    void aMissingUserInAnOrgTheHostDoesNotReachProvesNothing() {
        // The report goes to production's generic host; the diagnostics connection reaches a sandbox.
        Scenario s = Scenario.healthy().loginUrl("https://login.salesforce.com").sandboxOrg("Acme UAT").userNotFound();
        s.diagnosticsLoginUrl = "https://test.salesforce.com";
        Finding f = username.check(s.evidence());
        assertEquals(Verdict.INCONCLUSIVE, f.verdict());
        assertTrue(f.evidence().stream().anyMatch(l -> l.contains("point at different orgs")), f.evidence().toString());
    }

    @Test
    void aMissingUserBehindAnotherMyDomainProvesNothing() {
        Scenario s = Scenario.healthy().loginUrl("https://globex.my.salesforce.com").userNotFound();
        assertEquals(Verdict.INCONCLUSIVE, username.check(s.evidence()).verdict());
    }

    @Test
    void aDiagnosticsConnectionThroughTheGenericHostKnowsItsOrgByItsInstanceUrl() {
        Scenario s = Scenario.healthy().loginUrl("https://acme.my.salesforce.com").userNotFound();
        s.diagnosticsLoginUrl = "https://login.salesforce.com";
        Evidence same = new Evidence(s.report(), s.org().withInstanceUrl("https://acme.my.salesforce.com"), null);
        assertEquals(Verdict.CONFIRMED, username.check(same).verdict(), "the instance_url is the report's My Domain");
        Evidence other = new Evidence(s.report(), s.org().withInstanceUrl("https://globex.my.salesforce.com"), null);
        assertEquals(Verdict.INCONCLUSIVE, username.check(other).verdict(), "another org's My Domain proves nothing");
        assertEquals(Verdict.INCONCLUSIVE, username.check(s.evidence()).verdict(), "without it, the orgs cannot be compared");
    }

    @Test
    void theGenericHostOfTheOrgsEnvironmentIsThatOrg() {
        Scenario s = Scenario.healthy().loginUrl("https://login.salesforce.com").userNotFound();
        assertEquals(Verdict.CONFIRMED, username.check(s.evidence()).verdict());
    }

    @Test
    void onTheSimulatorsLoopbackHostTheSameHostIsTheSameOrg() {
        Scenario s = Scenario.healthy().loginUrl("http://127.0.0.1:8443").userNotFound();
        s.diagnosticsLoginUrl = "http://127.0.0.1:8443";
        assertEquals(Verdict.CONFIRMED, username.check(s.evidence()).verdict());
        Scenario other = Scenario.healthy().loginUrl("http://127.0.0.1:8443").userNotFound();
        assertEquals(Verdict.INCONCLUSIVE, username.check(other.evidence()).verdict(), "a loopback host says nothing about the org");
    }

    @Test
    void anExistingUserRulesOutBoth() {
        Scenario s = Scenario.healthy();
        assertEquals(Verdict.RULED_OUT, username.check(s.evidence()).verdict());
        assertEquals(Verdict.RULED_OUT, endpoint.check(s.evidence()).verdict());
    }

    @Test
    void withoutTheOrgTheUsernameIsUnknownAndTheReasonIsGiven() {
        Finding f = username.check(Scenario.healthy().orgUnavailable("the diagnostics secret login-doctor/diag does not exist").evidence());
        assertEquals(Verdict.INCONCLUSIVE, f.verdict());
        assertTrue(f.evidence().get(0).contains("the diagnostics secret login-doctor/diag does not exist"));
    }
}
