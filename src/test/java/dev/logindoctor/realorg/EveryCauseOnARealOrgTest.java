package dev.logindoctor.realorg;

import dev.logindoctor.model.Cause;
import dev.logindoctor.model.Diagnosis;
import dev.logindoctor.model.Finding;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.stream.Collectors;

import static dev.logindoctor.realorg.RealOrg.USER_ID_15;
import static dev.logindoctor.realorg.RealOrg.USER_ID_18;
import static dev.logindoctor.realorg.RealOrg.historyRow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * One real-shaped org answer per cause, through the real reader, mapper and steps. Each body varies
 * what real orgs vary (15/18-character ids, Status casing, datetime forms, extra fields) and says
 * where its shape comes from (realorg/SOURCES.md).
 */
class EveryCauseOnARealOrgTest {
    private final RealOrg org = new RealOrg();

    @AfterEach
    void stop() {
        org.close();
    }

    static String soap(String code, String description) {
        return "{\"integrationId\":\"billing-sync\",\"loginUrl\":\"https://acme.my.salesforce.com/services/Soap/u/62.0\","
                + "\"username\":\"integration@acme.com\",\"flow\":\"SOAP\",\"error\":{\"code\":" + RealOrg.quote(code)
                + ",\"description\":" + RealOrg.quote(description) + "},\"failedAt\":\"2026-11-27T10:15:00Z\",\"sourceIp\":\"203.0.113.7\","
                + "\"credentialUpdatedAt\":\"2026-10-01T00:00:00Z\"}";
    }

    static String soapInvalidLogin() {
        return soap("sf:INVALID_LOGIN", "INVALID_LOGIN: Invalid username, password, security token; or user locked out.");
    }

    static String oauth(String flow, String error, String description) {
        return "{\"integrationId\":\"billing-sync\",\"loginUrl\":\"https://acme.my.salesforce.com\",\"username\":\"integration@acme.com\","
                + "\"flow\":\"" + flow + "\",\"error\":{\"code\":" + RealOrg.quote(error) + ",\"description\":" + RealOrg.quote(description)
                + "},\"failedAt\":\"2026-11-27T10:15:00Z\",\"sourceIp\":\"203.0.113.7\",\"credentialUpdatedAt\":\"2026-10-01T00:00:00Z\"}";
    }

    static void assertCause(Cause expected, Diagnosis d) {
        assertEquals(expected, d.cause(), () -> explain(d));
        long confirmations = d.findings().stream().filter(Finding::isConfirmed).count();
        if (expected == Cause.UNDETERMINED) {
            assertEquals(0, confirmations, () -> explain(d));
        } else {
            assertEquals(1, confirmations, () -> explain(d));
            assertTrue(d.remediation() != null && !d.remediation().isBlank(), () -> explain(d));
        }
    }

    static String explain(Diagnosis d) {
        return d.cause() + "\n" + d.findings().stream().map(f -> f.step() + " " + f.verdict() + " " + f.evidence())
                .collect(Collectors.joining("\n"));
    }

    @Test
    void wrongPasswordFromAnUppercaseStatusOnAFifteenCharacterUserId() {
        org.answer(RealOrg.Answer.healthy().history(
                historyRow("2026-11-27T10:14:59.000+0000", "INVALID PASSWORD", USER_ID_15),
                historyRow("2026-11-27T10:00:03.000+0000", "Success", USER_ID_18)));
        assertCause(Cause.WRONG_PASSWORD, org.diagnose(soapInvalidLogin()));
    }

    @Test
    void staleTokenWhenThePasswordWasResetAfterTheCredentialWasStored() {
        org.answer(RealOrg.Answer.healthy()
                .user("LastPasswordChangeDate", "2026-11-20T08:30:00.000+0000")
                .history(historyRow("2026-11-27T10:14:59Z", "Invalid Password", USER_ID_18)));
        assertCause(Cause.SECURITY_TOKEN_MISSING_OR_STALE, org.diagnose(soapInvalidLogin()));
    }

    @Test
    void tokenRequiredFromTheStatusText() {
        org.answer(RealOrg.Answer.healthy().history(historyRow("2026-11-27T10:14:58.000+0000", "Failed: API security token required", USER_ID_18)));
        assertCause(Cause.SECURITY_TOKEN_MISSING_OR_STALE, org.diagnose(soapInvalidLogin()));
    }

    @Test
    void tokenRequiredFromAPrefixedSoapFaultCodeWithoutAnyHistoryRow() {
        org.answer(RealOrg.Answer.healthy());
        assertCause(Cause.SECURITY_TOKEN_MISSING_OR_STALE, org.diagnose(soap("sf:LOGIN_MUST_USE_SECURITY_TOKEN",
                "LOGIN_MUST_USE_SECURITY_TOKEN: Invalid username, password, security token; or user locked out. Are you at a new location?")));
    }

    @Test
    void lockedOutFromALowercaseStatusAndUserLogin() {
        org.answer(RealOrg.Answer.healthy().userLogin("IsPasswordLocked", true).history(
                historyRow("2026-11-27T10:14:59.000+0000", "password lockout", USER_ID_18),
                historyRow("2026-11-27T10:14:40.000+0000", "Invalid password", USER_ID_15)));
        assertCause(Cause.USER_LOCKED_OUT, org.diagnose(soapInvalidLogin()));
    }

    @Test
    void ipRestrictedFromTheStatus() {
        org.answer(RealOrg.Answer.healthy().history(historyRow("2026-11-27T10:14:59.000+0000", "Restricted IP", USER_ID_18)));
        assertCause(Cause.LOGIN_IP_RESTRICTED, org.diagnose(soapInvalidLogin()));
    }

    @Test
    void loginHoursRestrictedFromTheStatus() {
        org.answer(RealOrg.Answer.healthy().history(historyRow("2026-11-27T10:14:59.000+0000", "Restricted time", USER_ID_18)));
        assertCause(Cause.LOGIN_HOURS_RESTRICTED, org.diagnose(soapInvalidLogin()));
    }

    @Test
    void frozenFromUserLoginAndTheStatus() {
        org.answer(RealOrg.Answer.healthy().userLogin("IsFrozen", true)
                .history(historyRow("2026-11-27T10:14:59.000+0000", "User is frozen", USER_ID_18)));
        assertCause(Cause.USER_FROZEN, org.diagnose(soapInvalidLogin()));
    }

    @Test
    void inactiveFromTheOAuthError() {
        org.answer(RealOrg.Answer.healthy().user("IsActive", false));
        assertCause(Cause.USER_INACTIVE, org.diagnose(oauth("OAUTH_PASSWORD", "inactive_user", "user is inactive")));
    }

    @Test
    void mfaRequiredFromTheDictionaryText() {
        org.answer(RealOrg.Answer.healthy().history(
                historyRow("2026-11-27T10:14:59.000+0000", "Multi-factor (formerly called two-factor) is required", USER_ID_18)));
        assertCause(Cause.MFA_REQUIRED, org.diagnose(oauth("OAUTH_PASSWORD", "invalid_grant", "authentication failure")));
    }

    @Test
    void usernamePasswordFlowDisabled() {
        org.answer(RealOrg.Answer.healthy().history(historyRow("2026-11-27T10:14:59.000+0000", "Username-Password Flow Disabled", USER_ID_18)));
        assertCause(Cause.LOGIN_FLOW_BLOCKED, org.diagnose(oauth("OAUTH_PASSWORD", "invalid_grant", "authentication failure")));
    }

    @Test
    void loginRateExceeded() {
        org.answer(RealOrg.Answer.healthy().history(historyRow("2026-11-27T10:14:59.000+0000", "Login rate exceeded", USER_ID_18)));
        assertCause(Cause.LOGIN_RATE_EXCEEDED, org.diagnose(soapInvalidLogin()));
    }

    @Test
    void usernameNotFoundWhenTheUserQueryIsEmptyAndEveryDependentPartFails() {
        org.answer(RealOrg.Answer.healthy().noUser());
        assertCause(Cause.USERNAME_NOT_FOUND, org.diagnose(soapInvalidLogin()));
    }

    @Test
    void connectedAppNotApproved() {
        org.answer(RealOrg.Answer.healthy());
        assertCause(Cause.CONNECTED_APP_NOT_APPROVED, org.diagnose(oauth("OAUTH_JWT", "invalid_grant", "user hasn't approved this consumer")));
    }

    @Test
    void jwtAudienceInvalid() {
        org.answer(RealOrg.Answer.healthy());
        assertCause(Cause.JWT_ASSERTION_INVALID, org.diagnose(oauth("OAUTH_JWT", "invalid_grant", "audience is invalid")));
    }

    @Test
    void orgMaintenanceFromTrust() {
        org.answer(RealOrg.Answer.healthy().history());
        String maintenance = "{\"id\":1401234,\"message\":{\"maintenanceType\":\"patch\",\"availability\":\"partial\",\"eventStatus\":\"inProgress\"},"
                + "\"externalId\":\"MNT-1401234\",\"name\":\"NA224 Patch Release\",\"plannedStartTime\":\"2026-11-27T10:00:00.000Z\","
                + "\"plannedEndTime\":\"2026-11-27T12:00:00.000Z\",\"isCore\":true,\"affectsAll\":false,\"instanceKeys\":[\"NA224\"],\"serviceKeys\":[\"coreService\"]}";
        org.trust("{\"key\":\"NA224\",\"location\":\"NA\",\"environment\":\"production\",\"status\":\"MAINTENANCE_CORE\",\"isActive\":true,"
                + "\"Products\":[],\"Incidents\":[],\"Maintenances\":[" + maintenance + "]}", "[" + maintenance + "]", "[]");
        assertCause(Cause.ORG_MAINTENANCE, org.diagnose(soap("sf:SERVER_UNAVAILABLE", "SERVER_UNAVAILABLE: server temporarily unavailable")));
    }

    @Test
    void sandboxUserSentToProductionLoginHost() {
        // Diagnostics reach the sandbox through test.salesforce.com; the integration used login.salesforce.com.
        org.diagnosticsVia("https://test.salesforce.com").instanceUrl("https://acme--uat.sandbox.my.salesforce.com");
        org.answer(RealOrg.Answer.healthy().org("IsSandbox", true).org("TrialExpirationDate", null).org("InstanceName", "CS42")
                .user("Username", "integration@acme.com.uat").history());
        String report = soapInvalidLogin().replace("https://acme.my.salesforce.com/services/Soap/u/62.0", "https://login.salesforce.com/services/Soap/u/62.0")
                .replace("integration@acme.com", "integration@acme.com.uat");
        assertCause(Cause.WRONG_LOGIN_ENDPOINT, org.diagnose(report));
    }
}
