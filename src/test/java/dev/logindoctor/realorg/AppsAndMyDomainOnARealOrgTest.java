package dev.logindoctor.realorg;

import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.logindoctor.model.Cause;
import dev.logindoctor.model.Diagnosis;
import dev.logindoctor.model.Finding;
import dev.logindoctor.model.Verdict;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static dev.logindoctor.realorg.EveryCauseOnARealOrgTest.assertCause;
import static dev.logindoctor.realorg.EveryCauseOnARealOrgTest.explain;
import static dev.logindoctor.realorg.EveryCauseOnARealOrgTest.oauth;
import static dev.logindoctor.realorg.EveryCauseOnARealOrgTest.soapInvalidLogin;
import static dev.logindoctor.realorg.RealOrg.USER_ID_15;
import static dev.logindoctor.realorg.RealOrg.USER_ID_18;
import static dev.logindoctor.realorg.RealOrg.historyRow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Refresh tokens, consumer keys and secrets, app access and the My Domain login policy on a
 * real-shaped org: ConnectedApplication rows and MyDomainSettings metadata as the org answers them
 * (strings for numbers, extra fields, failed subrequests), and the LOGIN_STATUS texts as recorded.
 */
class AppsAndMyDomainOnARealOrgTest {
    private final RealOrg org = new RealOrg();

    @AfterEach
    void stop() {
        org.close();
    }

    /** The integration's earlier OAuth login through Billing Sync: names the app for the fix. */
    private static ObjectNode oauthRow(String loginTime, String status, String subType) {
        ObjectNode r = historyRow(loginTime, status, USER_ID_15);
        r.put("LoginType", "Remote Access 2.0");
        r.put("LoginSubType", subType);
        r.put("ApiType", "N/A");
        r.put("ApiVersion", "N/A");
        r.put("Application", "Billing Sync");
        return r;
    }

    private static Finding finding(Diagnosis d, String step) {
        return d.findings().stream().filter(f -> f.step().equals(step)).findFirst().orElseThrow(() -> new AssertionError(explain(d)));
    }

    @Test
    void aDeadRefreshTokenNamesTheAppsInactivityPolicyReadAsAString() {
        org.answer(RealOrg.Answer.healthy()
                .app("Billing Sync", "RefreshTokenValidityPeriod", "90")
                .app("Billing Sync", "OptionsRefreshTokenValidityMetric", true)
                .history(oauthRow("2026-11-27T09:40:00.000+0000", "Success", "OauthRefreshToken")));
        Diagnosis d = org.diagnose(oauth("OAUTH_REFRESH_TOKEN", "invalid_grant", "expired access/refresh token"));
        assertCause(Cause.REFRESH_TOKEN_INVALID, d);
        assertTrue(finding(d, "CheckRefreshToken").evidence().stream().anyMatch(l -> l.contains("expire 90") && l.contains("inactivity")), explain(d));
        assertTrue(d.remediation().contains("App Manager → Billing Sync"), d.remediation());
    }

    @Test
    void aRotatedSecretOnTheClientCredentialsFlowIsTheClient() {
        org.answer(RealOrg.Answer.healthy().history());
        assertCause(Cause.CONNECTED_APP_CLIENT_INVALID, org.diagnose(oauth("OAUTH_CLIENT_CREDENTIALS", "invalid_client", "invalid client credentials")));
    }

    @Test
    void theMissingConsumerKeyRowAsRecordedIsTheClient() {
        org.answer(RealOrg.Answer.healthy().history(oauthRow("2026-11-27T10:14:59.000+0000", "missing consumer key parameter", null)));
        assertCause(Cause.CONNECTED_APP_CLIENT_INVALID, org.diagnose(oauth("OAUTH_PASSWORD", "invalid_grant", "authentication failure")));
    }

    @Test
    void aConsumerDeletedRowIsTheClientAndTheFixSaysToRecreateTheApp() {
        org.answer(RealOrg.Answer.healthy().history(oauthRow("2026-11-27T10:15:01Z", "Failed: Consumer Deleted", "OauthRefreshToken")));
        Diagnosis d = org.diagnose(oauth("OAUTH_REFRESH_TOKEN", "invalid_grant", "authentication failure"));
        assertCause(Cause.CONNECTED_APP_CLIENT_INVALID, d);
        assertTrue(d.remediation().contains("deleted") && d.remediation().contains("Billing Sync"), d.remediation());
    }

    @Test
    void invalidAppAccessWithTheAppsPolicyReadIsAccessDeniedWithThePolicyAsEvidence() {
        org.answer(RealOrg.Answer.healthy().app("Billing Sync", "OptionsAllowAdminApprovedUsersOnly", true)
                .history(oauthRow("2026-11-27T10:15:00.000+0000", "Failed: Not approved for access", "OauthRefreshToken")));
        Diagnosis d = org.diagnose(oauth("OAUTH_REFRESH_TOKEN", "invalid_app_access", "user is not admin approved to access this app"));
        assertCause(Cause.CONNECTED_APP_ACCESS_DENIED, d);
        assertTrue(finding(d, "CheckConnectedAppAccess").evidence().stream().anyMatch(l -> l.contains("Admin approved users are pre-authorized")),
                explain(d));
    }

    @Test
    void theAppsSubrequestRefusedLeavesTheReportToDecideAndSaysSo() {
        org.answer(RealOrg.Answer.healthy().failed("apps", 403, "INSUFFICIENT_ACCESS", "insufficient access rights on object id")
                .history(oauthRow("2026-11-27T10:15:00.000+0000", "Failed: Not approved for access", "OauthRefreshToken")));
        Diagnosis d = org.diagnose(oauth("OAUTH_REFRESH_TOKEN", "invalid_app_access", "user is not admin approved to access this app"));
        assertCause(Cause.CONNECTED_APP_ACCESS_DENIED, d);
        assertTrue(finding(d, "CheckConnectedAppAccess").evidence().stream().anyMatch(l -> l.contains("INSUFFICIENT_ACCESS")), explain(d));
    }

    @Test
    void aConsumerPackageMissingRowIsAnAppNotInstalled() {
        org.answer(RealOrg.Answer.healthy().history(oauthRow("2026-11-27T10:15:00Z",
                "Package for this consumer is not installed in your organization", "OauthWebServer")));
        Diagnosis d = org.diagnose(oauth("OAUTH_WEB_SERVER", "invalid_grant", "authentication failure"));
        assertCause(Cause.CONNECTED_APP_ACCESS_DENIED, d);
        assertTrue(d.remediation().contains("not installed"), d.remediation());
    }

    @Test
    void theMyDomainPolicyReadWithAGenericHostConfirmsWithoutAnyRow() {
        org.answer(RealOrg.Answer.healthy().myDomain("doesApiLoginRequireOrgDomain", true).history());
        Diagnosis d = org.diagnose(soapInvalidLogin().replace("https://acme.my.salesforce.com/services/Soap/u/62.0",
                "https://login.salesforce.com/services/Soap/u/62.0"));
        assertCause(Cause.MY_DOMAIN_LOGIN_REQUIRED, d);
        assertTrue(d.remediation().contains("https://acme.my.salesforce.com"), d.remediation());
    }

    @Test
    void theSamePolicyWithTheMyDomainHostIsNotIt() {
        org.answer(RealOrg.Answer.healthy().myDomain("doesApiLoginRequireOrgDomain", "TRUE").history());
        Diagnosis d = org.diagnose(soapInvalidLogin());
        assertCause(Cause.UNDETERMINED, d);
        assertEquals(Verdict.RULED_OUT, finding(d, "CheckMyDomainLogin").verdict());
    }

    @Test
    void mySettingsNotServedByTheToolingApiIsAGapAndTheRowStillDecides() {
        String generic = soapInvalidLogin().replace("https://acme.my.salesforce.com/services/Soap/u/62.0", "https://login.salesforce.com");
        org.answer(RealOrg.Answer.healthy().failed("myDomain", 400, "INVALID_TYPE", "sObject type 'MyDomainSettings' is not supported.").history());
        Diagnosis gap = org.diagnose(generic);
        assertCause(Cause.UNDETERMINED, gap);
        assertTrue(finding(gap, "CheckMyDomainLogin").evidence().stream().anyMatch(l -> l.contains("INVALID_TYPE")), explain(gap));

        org.answer(RealOrg.Answer.healthy().failed("myDomain", 400, "INVALID_TYPE", "sObject type 'MyDomainSettings' is not supported.")
                .history(historyRow("2026-11-27T10:15:01.000+0000", "Restricted Domain", USER_ID_18)));
        assertCause(Cause.MY_DOMAIN_LOGIN_REQUIRED, org.diagnose(generic));
    }

    @Test
    void aRestrictedDomainRowThroughTheOrgsOwnMyDomainConfirmsNothing() {
        org.answer(RealOrg.Answer.healthy().history(historyRow("2026-11-27T10:15:01.000+0000", "Restricted domain", USER_ID_18)));
        Diagnosis d = org.diagnose(soapInvalidLogin());
        assertCause(Cause.UNDETERMINED, d);
        assertEquals(Verdict.INCONCLUSIVE, finding(d, "CheckMyDomainLogin").verdict());
    }

    @Test
    void anIntegerPeriodAndAnUnknownAppAreReadToo() {
        org.answer(RealOrg.Answer.healthy().app("Billing Sync", "RefreshTokenValidityPeriod", IntNode.valueOf(12))
                .app("Billing Sync", "Name", "Renamed Sync")
                .history(oauthRow("2026-11-27T09:40:00.000+0000", "Success", "OauthRefreshToken")));
        Diagnosis d = org.diagnose(oauth("OAUTH_REFRESH_TOKEN", "invalid_grant", "expired access/refresh token"));
        assertCause(Cause.REFRESH_TOKEN_INVALID, d);
        assertTrue(finding(d, "CheckRefreshToken").evidence().stream().anyMatch(l -> l.contains("no connected app named Billing Sync")), explain(d));
    }
}
