package dev.logindoctor.steps;

import dev.logindoctor.engine.StepOrder;
import dev.logindoctor.model.Cause;
import dev.logindoctor.model.Finding;
import dev.logindoctor.model.IpRange;
import dev.logindoctor.model.LoginFlow;
import dev.logindoctor.model.LoginHours;
import org.junit.jupiter.api.Test;

import java.time.DayOfWeek;
import java.util.List;

import static dev.logindoctor.steps.Scenario.at;
import static dev.logindoctor.steps.Scenario.row;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Texts real integrations report that Login Doctor used to read wrong (issue 9): each test shows
 * the wrong confirmation is gone and what is confirmed instead, over every step.
 */
class MisreadingsTest {
    private static final IpRange OFFICE = new IpRange("10.0.0.0", "10.0.255.255", "office");
    private static final LoginHours FRIDAY_DAYTIME = new LoginHours("America/New_York",
            List.of(new LoginHours.DayWindow(DayOfWeek.FRIDAY, 6 * 60, 20 * 60)));

    static List<Cause> confirmed(Scenario s) {
        return StepOrder.steps().stream().map(step -> step.check(s.evidence()))
                .filter(Finding::isConfirmed).map(Finding::cause).toList();
    }

    @Test
    void anExpiredTrialIsTheOrgNotTheUsersApiPermission() {
        Scenario s = Scenario.healthy().orgUnavailable("no diagnostics secret").error("API_CURRENTLY_DISABLED", "Your trial has expired.");
        assertEquals(List.of(Cause.ORG_UNAVAILABLE), confirmed(s), "was LOGIN_FLOW_BLOCKED with 'give the user API Enabled'");
    }

    @Test
    void ipAddressNotAllowedWithTheHoursClosedAndNoRangesIsTheHours() {
        Scenario s = Scenario.healthy().flow(LoginFlow.OAUTH_PASSWORD).error("invalid_grant", "authentication failure")
                .loginHours(FRIDAY_DAYTIME).addHistory(row(at(0), "Failed: IP Address Not Allowed"));
        assertEquals(List.of(Cause.LOGIN_HOURS_RESTRICTED), confirmed(s), "was LOGIN_IP_RESTRICTED with no range to blame");
    }

    @Test
    void ipAddressNotAllowedWithTheAddressOutsideTheRangesAndTheHoursOpenIsTheIp() {
        Scenario s = Scenario.healthy().flow(LoginFlow.OAUTH_PASSWORD).error("invalid_grant", "authentication failure")
                .ipRanges(OFFICE).addHistory(row(at(0), "Failed: IP Address Not Allowed"));
        assertEquals(List.of(Cause.LOGIN_IP_RESTRICTED), confirmed(s));
    }

    @Test
    void ipAddressNotAllowedWithBothOpenConfirmsNeither() {
        Scenario s = Scenario.healthy().flow(LoginFlow.OAUTH_PASSWORD).error("invalid_grant", "authentication failure")
                .ipRanges(new IpRange("203.0.113.0", "203.0.113.255", "egress")).addHistory(row(at(0), "Failed: IP Address Not Allowed"));
        assertEquals(List.of(), confirmed(s));
    }

    @Test
    void aDelegatedAuthenticationUsersInvalidPasswordIsNeverAWrongPassword() {
        Scenario s = Scenario.healthy().ssoAndExpiry(true, null).addHistory(row(at(-3), "Invalid Password"), row(at(0), "Invalid Password"));
        assertEquals(List.of(Cause.DELEGATED_AUTH_FAILED), confirmed(s), "was WRONG_PASSWORD: reset a password Salesforce never checks");
        Finding password = new CheckPassword().check(s.evidence());
        assertTrue(password.evidence().stream().anyMatch(l -> l.contains("delegated")), password.evidence().toString());
    }

    @Test
    void aDelegatedAuthenticationUserWithAStaleTokenByTheDatesIsStillNotAWrongPasswordOrToken() {
        Scenario s = Scenario.healthy().ssoAndExpiry(true, null).passwordChangedAt(at(-60 * 24))
                .addHistory(row(at(0), "Invalid Password"));
        assertEquals(List.of(Cause.DELEGATED_AUTH_FAILED), confirmed(s));
    }

    @Test
    void soapLoginDisabledInTheOrgIsABlockedFlow() {
        Scenario s = Scenario.healthy().orgUnavailable("no diagnostics secret").error("INVALID_OPERATION",
                "SOAP API login() is disabled by default in this org. Contact the org administrator to enable SOAP API login().");
        assertEquals(List.of(Cause.LOGIN_FLOW_BLOCKED), confirmed(s), "was UNDETERMINED");
    }

    @Test
    void soapLoginAboveItsLastVersionIsABlockedFlowEvenOnAnOldUrl() {
        Scenario s = Scenario.healthy().orgUnavailable("no diagnostics secret").error("sf:INVALID_OPERATION",
                "INVALID_OPERATION: The SOAP Login operation is not available in the API version specified (65.0). Use API version 64.0 or earlier.");
        assertEquals(List.of(Cause.LOGIN_FLOW_BLOCKED), confirmed(s), "was UNDETERMINED");
    }

    @Test
    void theShortIpRestrictedIsReadAsTheSharedIpOrHoursSignal() {
        Scenario outside = Scenario.healthy().flow(LoginFlow.OAUTH_JWT).error("invalid_grant", "ip restricted").sourceIp("192.0.2.44")
                .ipRanges(OFFICE).history();
        assertEquals(List.of(Cause.LOGIN_IP_RESTRICTED), confirmed(outside), "was UNDETERMINED");
        Scenario hours = Scenario.healthy().flow(LoginFlow.OAUTH_JWT).error("invalid_grant", "ip restricted").loginHours(FRIDAY_DAYTIME).history();
        assertEquals(List.of(Cause.LOGIN_HOURS_RESTRICTED), confirmed(hours));
    }

    @Test
    void invalidGrantInactiveUserIsAnInactiveUser() {
        Scenario s = Scenario.healthy().orgUnavailable("no diagnostics secret").flow(LoginFlow.OAUTH_REFRESH_TOKEN)
                .error("invalid_grant", "inactive user");
        assertEquals(List.of(Cause.USER_INACTIVE), confirmed(s), "was UNDETERMINED");
    }

    @Test
    void organizationSuspendedAndClosedRowsAreTheOrg() {
        for (String status : List.of("Organization suspended", "Organization closed", "Organization is inactive", "Trial Expired")) {
            Scenario s = Scenario.healthy().addHistory(row(at(0), status));
            assertEquals(List.of(Cause.ORG_UNAVAILABLE), confirmed(s), status);
        }
    }

    @Test
    void recognisedRowsWithAnotherReasonStopAConfigurationGuess() {
        // The address is outside the profile's ranges, but Salesforce recorded another reason for this attempt.
        for (String status : List.of("Restricted domain", "Restricted country", "Failed: Missing Consumer Key Parameter")) {
            Scenario s = Scenario.healthy().sourceIp("192.0.2.44").ipRanges(OFFICE).addHistory(row(at(0), status, "192.0.2.44"));
            assertTrue(!confirmed(s).contains(Cause.LOGIN_IP_RESTRICTED), status + " was unrecognised, so the ranges confirmed LOGIN_IP_RESTRICTED");
            assertTrue(LoginStatus.of(status).isRecognized(), status);
        }
    }
}
