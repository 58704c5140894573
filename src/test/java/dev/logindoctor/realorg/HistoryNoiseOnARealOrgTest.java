package dev.logindoctor.realorg;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.logindoctor.model.Cause;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static dev.logindoctor.realorg.EveryCauseOnARealOrgTest.assertCause;
import static dev.logindoctor.realorg.EveryCauseOnARealOrgTest.oauth;
import static dev.logindoctor.realorg.EveryCauseOnARealOrgTest.soapInvalidLogin;
import static dev.logindoctor.realorg.RealOrg.USER_ID_18;
import static dev.logindoctor.realorg.RealOrg.historyRow;

/**
 * The same user logs in many ways at once on a real org: people in the UI (LoginType Application, SAML Sfdc
 * Initiated SSO) from the office, other connected apps (Remote Access 2.0 with their own LoginSubType), Apex
 * callers (Other Apex API). LoginHistory keys every row by LoginType, LoginSubType and SourceIp
 * (docs/salesforce-wire-facts.md#logintype-and-loginsubtype); the row that explains *this* integration's
 * failure is the one from its address and its kind of login. Other rows are context, never proof.
 */
class HistoryNoiseOnARealOrgTest {
    private static final String OFFICE_IP = "198.51.100.20";
    private static final String INTEGRATION_IP = "203.0.113.7";
    private final RealOrg org = new RealOrg();

    @AfterEach
    void stop() {
        org.close();
    }

    static ObjectNode row(String time, String status, String ip, String loginType, String subType, String application) {
        ObjectNode r = historyRow(time, status, USER_ID_18);
        r.put("SourceIp", ip);
        r.put("LoginType", loginType);
        if (subType == null) {
            r.putNull("LoginSubType");
        } else {
            r.put("LoginSubType", subType);
        }
        r.put("Application", application);
        if (!loginType.equals("Partner")) {
            r.putNull("ApiType");
            r.putNull("ApiVersion");
        }
        return r;
    }

    static ObjectNode ui(String time, String status) {
        return row(time, status, OFFICE_IP, "Application", null, "Browser");
    }

    static ObjectNode soapRow(String time, String status) {
        return row(time, status, INTEGRATION_IP, "Partner", null, "billing-sync");
    }

    @Test
    void aRestrictedIpUiLoginFromTheOfficeDoesNotExplainTheIntegrationsInvalidPassword() {
        org.answer(RealOrg.Answer.healthy().history(
                ui("2026-11-27T10:14:59.000+0000", "Restricted IP"),
                soapRow("2026-11-27T10:14:57.000+0000", "Invalid Password"),
                ui("2026-11-27T10:10:00.000+0000", "Restricted IP")));
        assertCause(Cause.WRONG_PASSWORD, org.diagnose(soapInvalidLogin()));
    }

    @Test
    void uiSuccessesBetweenTheIntegrationsFailureAndTheReportDoNotHideIt() {
        org.answer(RealOrg.Answer.healthy().history(
                ui("2026-11-27T10:14:59.000+0000", "Success"),
                row("2026-11-27T10:14:58.000+0000", "Success", OFFICE_IP, "SAML Sfdc Initiated SSO", null, "Browser"),
                row("2026-11-27T10:14:55.000+0000", "Success", "192.0.2.44", "Remote Access 2.0", "OauthRefreshToken", "Mobile App"),
                row("2026-11-27T10:14:54.000+0000", "Success", "192.0.2.45", "Other Apex API", null, "Apex"),
                soapRow("2026-11-27T10:14:50.000+0000", "Password Lockout"),
                soapRow("2026-11-27T10:14:40.000+0000", "Invalid Password")));
        assertCause(Cause.USER_LOCKED_OUT, org.diagnose(soapInvalidLogin()));
    }

    @Test
    void anotherConnectedAppsFailureFromAnotherAddressIsNotTheOAuthIntegrations() {
        org.answer(RealOrg.Answer.healthy().history(
                row("2026-11-27T10:15:00.000+0000", "Login rate exceeded", "192.0.2.44", "Remote Access 2.0", "OauthRefreshToken", "Mobile App"),
                row("2026-11-27T10:14:58.000+0000", "Username-Password Flow Disabled", INTEGRATION_IP, "Remote Access 2.0",
                        "OauthUsernamePassword", "billing-sync")));
        assertCause(Cause.LOGIN_FLOW_BLOCKED, org.diagnose(oauth("OAUTH_PASSWORD", "invalid_grant", "authentication failure")));
    }

    @Test
    void anotherOAuthFlowsRowFromTheSameAddressIsNotThePasswordFlows() {
        // A refresh-token client on the same host hits the login rate (its LoginSubType says which flow it is);
        // the username-password integration's own row says the flow is disabled.
        org.answer(RealOrg.Answer.healthy().history(
                row("2026-11-27T10:15:00.000+0000", "Login rate exceeded", INTEGRATION_IP, "Remote Access 2.0", "OauthRefreshToken", "reports-app"),
                row("2026-11-27T10:14:57.000+0000", "Username-Password Flow Disabled", INTEGRATION_IP, "Remote Access 2.0",
                        "OauthUsernamePassword", "billing-sync")));
        assertCause(Cause.LOGIN_FLOW_BLOCKED, org.diagnose(oauth("OAUTH_PASSWORD", "invalid_grant", "authentication failure")));
    }

    @Test
    void onlyOtherLoginsNearTheFailureExplainNothing() {
        // Nothing from the integration's address or kind of login: the office's Restricted IP is not its reason.
        org.answer(RealOrg.Answer.healthy().history(
                ui("2026-11-27T10:14:59.000+0000", "Restricted IP"),
                soapRow("2026-11-27T09:00:00.000+0000", "Success")));
        assertCause(Cause.UNDETERMINED, org.diagnose(soapInvalidLogin()));
    }

    @Test
    void behindNatTheAddressDoesNotMatchButTheKindOfLoginStillDoes() {
        // The integration reports its private address; Salesforce saw the NAT's. No row carries the reported
        // address, so addresses cannot tell rows apart: the SOAP row is still the integration's.
        org.answer(RealOrg.Answer.healthy().history(
                ui("2026-11-27T10:14:59.000+0000", "Restricted IP"),
                row("2026-11-27T10:14:58.000+0000", "Invalid Password", "198.51.100.99", "Partner", null, "billing-sync")));
        String report = soapInvalidLogin().replace("\"sourceIp\":\"203.0.113.7\"", "\"sourceIp\":\"10.0.4.12\"");
        assertCause(Cause.WRONG_PASSWORD, org.diagnose(report));
    }

    @Test
    void interleavedFailuresOfTheIntegrationStillPickItsClosestRow() {
        org.answer(RealOrg.Answer.healthy().history(
                ui("2026-11-27T10:15:01.000+0000", "Invalid Password"),
                soapRow("2026-11-27T10:14:59.000+0000", "Restricted IP"),
                ui("2026-11-27T10:14:30.000+0000", "Success"),
                soapRow("2026-11-27T10:13:00.000+0000", "Invalid Password")));
        assertCause(Cause.LOGIN_IP_RESTRICTED, org.diagnose(soapInvalidLogin()));
    }
}
