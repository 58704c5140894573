package dev.logindoctor.steps;

import dev.logindoctor.model.ConnectedAppPolicy;
import dev.logindoctor.model.Finding;
import dev.logindoctor.model.LoginFlow;
import dev.logindoctor.model.LoginHistoryRow;
import dev.logindoctor.model.OrgSettings;
import dev.logindoctor.model.Verdict;
import org.junit.jupiter.api.Test;

import static dev.logindoctor.steps.Scenario.at;
import static dev.logindoctor.steps.Scenario.row;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Refresh tokens, consumer key and secret, app access, and the My Domain login policy. */
class AppAndDomainStepsTest {

    private static LoginHistoryRow oauthRow(int minutes, String status) {
        return new LoginHistoryRow(at(minutes), status, "203.0.113.7", "Remote Access 2.0", "OauthRefreshToken",
                "login.salesforce.com", "N/A", "N/A", "Billing Sync", Scenario.USER_ID_18);
    }

    @Test
    void aRevokedRefreshTokenIsConfirmedFromTheReportAloneAndTheFixSaysToAuthorizeAgain() {
        Finding f = new CheckRefreshToken().check(Scenario.healthy().flow(LoginFlow.OAUTH_REFRESH_TOKEN)
                .error("invalid_grant", "expired access/refresh token").orgUnavailable("no diagnostics secret").evidence());
        assertEquals(Verdict.CONFIRMED, f.verdict());
        assertTrue(f.remediation().contains("Authorize the integration again"), f.remediation());
        assertTrue(f.remediation().contains("Refresh Token Policy") && f.remediation().contains("rotation"), f.remediation());
    }

    @Test
    void theAppsExpiryPolicyIsNamedWhenTheOrgShowsIt() {
        Finding f = new CheckRefreshToken().check(Scenario.healthy().flow(LoginFlow.OAUTH_REFRESH_TOKEN)
                .error("invalid_grant", "expired access/refresh token")
                .connectedApps(new ConnectedAppPolicy("0H4", "billing sync", false, 90, true))
                .history(oauthRow(-30, "Success")).evidence());
        assertEquals(Verdict.CONFIRMED, f.verdict());
        assertTrue(f.evidence().stream().anyMatch(l -> l.contains("expire 90") && l.contains("inactivity")), f.evidence().toString());
        assertTrue(f.remediation().startsWith("The app's policy expires refresh tokens"), f.remediation());
        assertTrue(f.remediation().contains("App Manager → Billing Sync"), f.remediation());
    }

    @Test
    void theRefreshTokenAnswerUnderAnotherFlowIsNotTakenAsProof() {
        Finding f = new CheckRefreshToken().check(Scenario.healthy().flow(LoginFlow.OAUTH_WEB_SERVER)
                .error("invalid_grant", "expired access/refresh token").evidence());
        assertEquals(Verdict.INCONCLUSIVE, f.verdict());
        assertTrue(f.evidence().get(0).contains("report flow OAUTH_REFRESH_TOKEN"), f.evidence().toString());
    }

    @Test
    void sessionExpiredOrInvalidIsNeitherAnExpiredAssertionNorADeadRefreshToken() {
        Finding jwt = new CheckJwtAssertion().check(Scenario.healthy().flow(LoginFlow.OAUTH_JWT)
                .error("INVALID_SESSION_ID", "Session expired or invalid").history().evidence());
        assertFalse(jwt.isConfirmed(), jwt.evidence().toString());
        Finding refresh = new CheckRefreshToken().check(Scenario.healthy().flow(LoginFlow.OAUTH_REFRESH_TOKEN)
                .error("INVALID_SESSION_ID", "Session expired or invalid").history().evidence());
        assertEquals(Verdict.INCONCLUSIVE, refresh.verdict());
        assertTrue(refresh.evidence().get(0).contains("access token that timed out"), refresh.evidence().toString());
        for (var step : dev.logindoctor.engine.StepOrder.steps()) {
            assertFalse(step.check(Scenario.healthy().flow(LoginFlow.OAUTH_JWT).error("INVALID_SESSION_ID", "Session expired or invalid")
                    .history().evidence()).isConfirmed(), step.name());
        }
    }

    @Test
    void aRotatedSecretSaysWhereTheCurrentSecretIs() {
        Finding f = new CheckConnectedAppClient().check(Fixtures.of(dev.logindoctor.model.Cause.CONNECTED_APP_CLIENT_INVALID).evidence());
        assertEquals(Verdict.CONFIRMED, f.verdict());
        assertTrue(f.remediation().contains("Consumer Secret") && f.remediation().contains("Manage Consumer Details")
                && f.remediation().contains("External Client App Manager"), f.remediation());
        assertTrue(f.remediation().contains("login-doctor/billing-sync"), f.remediation());
    }

    @Test
    void aWrongConsumerKeyUnderTheJwtFlowStaysTheAssertionsIssuer() {
        var evidence = Scenario.healthy().flow(LoginFlow.OAUTH_JWT).error("invalid_client_id", "client identifier invalid").history().evidence();
        assertEquals(Verdict.RULED_OUT, new CheckConnectedAppClient().check(evidence).verdict());
        assertEquals(Verdict.CONFIRMED, new CheckJwtAssertion().check(evidence).verdict());
    }

    @Test
    void soapUsesNoAppSoNeitherAppStepHasAnOpinion() {
        var evidence = Scenario.healthy().error("invalid_client", "invalid client credentials").evidence();
        assertEquals(Verdict.RULED_OUT, new CheckConnectedAppClient().check(evidence).verdict());
        assertEquals(Verdict.RULED_OUT, new CheckConnectedAppAccess().check(evidence).verdict());
    }

    @Test
    void noRunAsUserNamesTheRunAsSetting() {
        Finding f = new CheckConnectedAppAccess().check(Scenario.healthy().flow(LoginFlow.OAUTH_CLIENT_CREDENTIALS)
                .error("invalid_grant", "no client credentials user enabled").history().evidence());
        assertEquals(Verdict.CONFIRMED, f.verdict());
        assertTrue(f.remediation().contains("Run As"), f.remediation());
    }

    @Test
    void anUnassignedUserGetsTheManageProfilesFixAndTheAppsPolicyAsEvidence() {
        Finding f = new CheckConnectedAppAccess().check(Fixtures.of(dev.logindoctor.model.Cause.CONNECTED_APP_ACCESS_DENIED)
                .history(oauthRow(-30, "Success")).evidence());
        assertEquals(Verdict.CONFIRMED, f.verdict());
        assertTrue(f.remediation().contains("Manage Profiles (add profile Integration)"), f.remediation());
        assertTrue(f.evidence().stream().anyMatch(l -> l.contains("Admin approved users are pre-authorized")), f.evidence().toString());
    }

    @Test
    void anAdminApprovedOnlyAppWithTheBundledErrorConfirmsNothing() {
        Finding f = new CheckConnectedAppAccess().check(Scenario.healthy().flow(LoginFlow.OAUTH_REFRESH_TOKEN)
                .error("invalid_grant", "authentication failure")
                .connectedApps(new ConnectedAppPolicy("0H4", "Billing Sync", true, null, null))
                .history(oauthRow(-30, "Success")).evidence());
        assertEquals(Verdict.INCONCLUSIVE, f.verdict());
    }

    @Test
    void theHostsOwnMyDomainRulesOutTheMyDomainPolicy() {
        Finding f = new CheckMyDomainLogin().check(Scenario.healthy().myDomainPolicy(true, true).evidence());
        assertEquals(Verdict.RULED_OUT, f.verdict());
    }

    @Test
    void aRestrictedDomainRowThroughTheOrgsOwnMyDomainIsNotThePolicy() {
        Finding f = new CheckMyDomainLogin().check(Scenario.healthy().addHistory(row(at(0), "Restricted domain")).evidence());
        assertEquals(Verdict.INCONCLUSIVE, f.verdict());
        for (var step : dev.logindoctor.engine.StepOrder.steps()) {
            assertFalse(step.check(Scenario.healthy().addHistory(row(at(0), "Restricted domain")).evidence()).isConfirmed(), step.name());
        }
    }

    @Test
    void anOrgThatAcceptsGenericHostsRulesItOutAndAnUnknownPolicyIsAGap() {
        Finding off = new CheckMyDomainLogin().check(Scenario.healthy().loginUrl("https://login.salesforce.com").evidence());
        assertEquals(Verdict.RULED_OUT, off.verdict());
        Scenario unknown = Scenario.healthy().loginUrl("https://login.salesforce.com");
        unknown.myDomainPolicy = null;
        unknown.gaps.put("myDomain", "the MyDomainSettings subrequest failed: 400 INVALID_TYPE");
        Finding gap = new CheckMyDomainLogin().check(unknown.evidence());
        assertEquals(Verdict.INCONCLUSIVE, gap.verdict());
        assertTrue(gap.evidence().stream().anyMatch(l -> l.contains("INVALID_TYPE")), gap.evidence().toString());
    }

    @Test
    void theMyDomainFixNamesTheOrgsOwnHost() {
        Finding f = new CheckMyDomainLogin().check(Fixtures.of(dev.logindoctor.model.Cause.MY_DOMAIN_LOGIN_REQUIRED).evidence());
        assertEquals(Verdict.CONFIRMED, f.verdict());
        assertTrue(f.remediation().contains("https://acme.my.salesforce.com") && f.remediation().contains("login.salesforce.com"), f.remediation());
        assertTrue(f.remediation().contains("Setup → My Domain → Routing and Policies"), f.remediation());
    }

    @Test
    void anInstanceHostIsGenericToo() {
        Finding f = new CheckMyDomainLogin().check(Scenario.healthy().loginUrl("https://na123.salesforce.com").history()
                .myDomainPolicy(true, null).evidence());
        assertEquals(Verdict.CONFIRMED, f.verdict());
    }

    @Test
    void aBlockedPasswordFlowFixSaysExternalClientAppsCannotUseItAtAll() {
        Finding f = new CheckLoginFlow().check(Fixtures.of(dev.logindoctor.model.Cause.LOGIN_FLOW_BLOCKED).evidence());
        assertEquals(Verdict.CONFIRMED, f.verdict());
        assertTrue(f.remediation().contains("not available to External Client Apps at all"), f.remediation());
        assertTrue(f.remediation().contains("JWT bearer or client credentials"), f.remediation());
        Finding setting = new CheckLoginFlow().check(Scenario.healthy().flow(LoginFlow.OAUTH_PASSWORD).error("invalid_grant", "authentication failure")
                .settings(new OrgSettings(true, false, true, 10, 15)).history().evidence());
        assertTrue(setting.remediation().contains("External Client App"), setting.remediation());
    }
}
