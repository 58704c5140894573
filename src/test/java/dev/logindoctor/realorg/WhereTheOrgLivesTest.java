package dev.logindoctor.realorg;

import dev.logindoctor.model.Cause;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static dev.logindoctor.realorg.EveryCauseOnARealOrgTest.assertCause;
import static dev.logindoctor.realorg.EveryCauseOnARealOrgTest.soapInvalidLogin;
import static dev.logindoctor.realorg.RealOrg.USER_ID_18;
import static dev.logindoctor.realorg.RealOrg.historyRow;

/**
 * Orgs reached through login.salesforce.com with a My Domain instance_url, sandboxes ({@code IsSandbox} true,
 * {@code TrialExpirationDate} null) and scratch orgs (with one)
 * (docs/salesforce-wire-facts.md#sandbox-and-scratch-orgs).
 */
class WhereTheOrgLivesTest {
    private final RealOrg org = new RealOrg();

    @AfterEach
    void stop() {
        org.close();
    }

    @Test
    void diagnosticsThroughLoginSalesforceComStillKnowTheMyDomainTheReportUsed() {
        org.diagnosticsVia("https://login.salesforce.com").instanceUrl("https://acme.my.salesforce.com");
        org.answer(RealOrg.Answer.healthy().noUser());
        assertCause(Cause.USERNAME_NOT_FOUND, org.diagnose(soapInvalidLogin().replace("acme.my.salesforce.com", "ACME.my.salesforce.com")));
    }

    @Test
    void anotherOrgsMyDomainIsNotThisOrgsHistory() {
        org.diagnosticsVia("https://login.salesforce.com").instanceUrl("https://globex.my.salesforce.com");
        org.answer(RealOrg.Answer.healthy().history(historyRow("2026-11-27T10:14:59.000+0000", "Invalid Password", USER_ID_18)));
        assertCause(Cause.UNDETERMINED, org.diagnose(soapInvalidLogin()));
    }

    @Test
    void reportThroughTheGenericHostIntoAProductionOrgReadThroughItsMyDomain() {
        org.answer(RealOrg.Answer.healthy().history(historyRow("2026-11-27T10:14:59.000+0000", "Invalid Password", USER_ID_18)));
        assertCause(Cause.WRONG_PASSWORD, org.diagnose(soapInvalidLogin().replace("acme.my.salesforce.com", "login.salesforce.com")));
    }

    @Test
    void sandboxThroughTestSalesforceCom() {
        org.diagnosticsVia("https://test.salesforce.com").instanceUrl("https://acme--uat.sandbox.my.salesforce.com");
        org.answer(RealOrg.Answer.healthy().org("IsSandbox", true).org("TrialExpirationDate", null).org("InstanceName", "CS42")
                .user("Username", "integration@acme.com.uat")
                .history(historyRow("2026-11-27T10:14:59.000+0000", "Invalid Password", USER_ID_18)));
        String report = soapInvalidLogin().replace("acme.my.salesforce.com", "test.salesforce.com")
                .replace("integration@acme.com", "integration@acme.com.uat");
        assertCause(Cause.WRONG_PASSWORD, org.diagnose(report));
    }

    @Test
    void sandboxThroughItsEnhancedMyDomain() {
        org.diagnosticsVia("https://acme--uat.sandbox.my.salesforce.com").instanceUrl("https://acme--uat.sandbox.my.salesforce.com");
        org.answer(RealOrg.Answer.healthy().org("IsSandbox", true).org("TrialExpirationDate", null).org("InstanceName", "CS42")
                .user("Username", "integration@acme.com.uat")
                .history(historyRow("2026-11-27T10:14:59.000+0000", "Restricted IP", USER_ID_18)));
        String report = soapInvalidLogin().replace("acme.my.salesforce.com", "acme--uat.sandbox.my.salesforce.com")
                .replace("integration@acme.com", "integration@acme.com.uat");
        assertCause(Cause.LOGIN_IP_RESTRICTED, org.diagnose(report));
    }

    @Test
    void scratchOrgThroughTestSalesforceCom() {
        org.diagnosticsVia("https://test.salesforce.com").instanceUrl("https://ability-dream-1234-dev-ed.scratch.my.salesforce.com");
        org.answer(RealOrg.Answer.healthy().org("IsSandbox", true).org("TrialExpirationDate", "2026-12-04T00:00:00.000+0000")
                .org("InstanceName", "CS201").org("OrganizationType", "Developer Edition")
                .user("Username", "test-abc123@example.com")
                .history(historyRow("2026-11-27T10:14:59.000+0000", "User is frozen", USER_ID_18)));
        String report = soapInvalidLogin().replace("acme.my.salesforce.com", "test.salesforce.com")
                .replace("integration@acme.com", "test-abc123@example.com");
        assertCause(Cause.USER_FROZEN, org.diagnose(report));
    }

    @Test
    void productionUserSentToTheSandboxHost() {
        // The diagnostics read production; the report went to test.salesforce.com.
        org.answer(RealOrg.Answer.healthy().history());
        assertCause(Cause.WRONG_LOGIN_ENDPOINT, org.diagnose(soapInvalidLogin().replace("acme.my.salesforce.com", "test.salesforce.com")));
    }

    @Test
    void lightningHostNeverServesLogins() {
        org.answer(RealOrg.Answer.healthy().history());
        assertCause(Cause.WRONG_LOGIN_ENDPOINT, org.diagnose(EveryCauseOnARealOrgTest.soap("405", "Only POST allowed")
                .replace("acme.my.salesforce.com", "acme.lightning.force.com")));
    }
}
