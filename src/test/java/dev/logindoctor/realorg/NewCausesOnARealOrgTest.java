package dev.logindoctor.realorg;

import dev.logindoctor.model.Cause;
import dev.logindoctor.model.Diagnosis;
import dev.logindoctor.model.Finding;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static dev.logindoctor.realorg.EveryCauseOnARealOrgTest.assertCause;
import static dev.logindoctor.realorg.EveryCauseOnARealOrgTest.explain;
import static dev.logindoctor.realorg.EveryCauseOnARealOrgTest.oauth;
import static dev.logindoctor.realorg.EveryCauseOnARealOrgTest.soap;
import static dev.logindoctor.realorg.EveryCauseOnARealOrgTest.soapInvalidLogin;
import static dev.logindoctor.realorg.RealOrg.USER_ID_15;
import static dev.logindoctor.realorg.RealOrg.USER_ID_18;
import static dev.logindoctor.realorg.RealOrg.historyRow;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The causes of issue 9 through the real reader, mapper and steps, on real-shaped org answers: the
 * healthy body's permsSso fails with INVALID_FIELD as it does in orgs without delegated
 * authentication, so each test also proves that gap changes nothing it should not.
 */
class NewCausesOnARealOrgTest {
    private final RealOrg org = new RealOrg();

    @AfterEach
    void stop() {
        org.close();
    }

    private static Finding confirmed(Diagnosis d) {
        return d.findings().stream().filter(Finding::isConfirmed).findFirst().orElseThrow(() -> new AssertionError(explain(d)));
    }

    @Test
    void anExpiredPasswordSaysWhenItExpiredAndUnderWhichPolicy() {
        // The healthy org's policy is NinetyDays; the password was last changed on 1 August.
        org.answer(RealOrg.Answer.healthy().user("LastPasswordChangeDate", "2026-08-01T09:00:00.000+0000")
                .history(historyRow("2026-11-27T10:14:59.000+0000", "Success", USER_ID_18)));
        Diagnosis d = org.diagnose(soap("sf:INVALID_OPERATION_WITH_EXPIRED_PASSWORD",
                "INVALID_OPERATION_WITH_EXPIRED_PASSWORD: The users password has expired, you must call SetPassword before attempting any other API operations"));
        assertCause(Cause.PASSWORD_EXPIRED, d);
        assertTrue(d.remediation().contains("2026-10-30T09:00:00Z") && d.remediation().contains("90 days"), d.remediation());
        assertTrue(d.remediation().contains("Setup → Profiles → Acme Integration → Password Policies"), d.remediation());
    }

    @Test
    void aPasswordNeverExpiresUserIsNotExpiredByTheDates() {
        org.answer(RealOrg.Answer.healthy().user("LastPasswordChangeDate", "2025-01-01T09:00:00.000+0000")
                .separatePermission("permsPasswordNeverExpires", "PermissionsPasswordNeverExpires", true)
                .history(historyRow("2026-11-27T10:14:59.000+0000", "Invalid Password", USER_ID_18)));
        Diagnosis d = org.diagnose(soapInvalidLogin());
        assertTrue(d.cause() != Cause.PASSWORD_EXPIRED, () -> explain(d));
    }

    @Test
    void theOrgRefusingTheDiagnosticsUserTooIsEvidenceWithTheRefusalQuoted() {
        org.refuseDiagnosticsLogin("{\"error\":\"inactive_org\",\"error_description\":\"organization is locked, closed, or suspended\"}");
        Diagnosis d = org.diagnose(oauth("OAUTH_PASSWORD", "inactive_org", "organization is locked, closed, or suspended"));
        assertCause(Cause.ORG_UNAVAILABLE, d);
        assertTrue(confirmed(d).evidence().stream().anyMatch(l -> l.contains("the diagnostics login was refused the same way: inactive_org")),
                () -> explain(d));
    }

    @Test
    void theBundledErrorWhileTheSameHostRefusesTheDiagnosticsUserIsTheOrg() {
        org.refuseDiagnosticsLogin("{\"error\":\"inactive_org\",\"error_description\":\"organization is locked, closed, or suspended\"}");
        assertCause(Cause.ORG_UNAVAILABLE, org.diagnose(soapInvalidLogin()));
    }

    @Test
    void anOrgSuspendedRowIsTheOrg() {
        org.answer(RealOrg.Answer.healthy().history(historyRow("2026-11-27T10:14:59.000+0000", "Organization suspended", USER_ID_15)));
        assertCause(Cause.ORG_UNAVAILABLE, org.diagnose(soapInvalidLogin()));
    }

    @Test
    void aDelegatedAuthenticationUsersInvalidPasswordIsTheCompanysService() {
        org.answer(RealOrg.Answer.healthy().separatePermission("permsSso", "PermissionsIsSsoEnabled", true).history(
                historyRow("2026-11-27T10:14:59.000+0000", "Invalid Password", USER_ID_15),
                historyRow("2026-11-27T10:00:03.000+0000", "Success", USER_ID_18)));
        Diagnosis d = org.diagnose(soapInvalidLogin());
        assertCause(Cause.DELEGATED_AUTH_FAILED, d);
        assertTrue(!d.remediation().contains("Reset Password (or find"), d.remediation());
    }

    @Test
    void withoutTheSsoFieldTheSameRowIsStillAWrongPassword() {
        // permsSso fails with INVALID_FIELD (no delegated authentication in this org): Salesforce checked the password.
        org.answer(RealOrg.Answer.healthy().history(historyRow("2026-11-27T10:14:59.000+0000", "Invalid Password", USER_ID_15)));
        assertCause(Cause.WRONG_PASSWORD, org.diagnose(soapInvalidLogin()));
    }

    @Test
    void aUserWithoutApiEnabled() {
        org.answer(RealOrg.Answer.healthy().profilePermission("PermissionsApiEnabled", false).history());
        assertCause(Cause.API_ACCESS_DISABLED, org.diagnose(soap("sf:API_CURRENTLY_DISABLED", "API_CURRENTLY_DISABLED: API is disabled for this User")));
    }

    @Test
    void aRemovedApiVersionFromTheRow() {
        org.answer(RealOrg.Answer.healthy().history(historyRow("2026-11-27T10:14:59.000+0000",
                "Failed: API Version Removed. Please upgrade to a supported API version.", USER_ID_18)));
        assertCause(Cause.CLIENT_UNSUPPORTED, org.diagnose(soapInvalidLogin()));
    }

    @Test
    void ipAddressNotAllowedWithTheProfilesHoursClosedIsTheHours() {
        RealOrg.Answer answer = RealOrg.Answer.healthy().history(historyRow("2026-11-27T10:14:59.000+0000", "Failed: IP Address Not Allowed", USER_ID_18));
        // Friday 10:15 UTC is 02:15 in Los Angeles or 05:15 in New York: outside a 06:00-20:00 window either way.
        answer.profileMetadata().putObject("loginHours").put("fridayStart", "360").put("fridayEnd", "1200");
        org.answer(answer);
        assertCause(Cause.LOGIN_HOURS_RESTRICTED, org.diagnose(oauth("OAUTH_PASSWORD", "invalid_grant", "authentication failure")));
    }
}
