package dev.logindoctor.steps;

import dev.logindoctor.model.Cause;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LoginStatusTest {

    @ParameterizedTest(name = "''{0}'' is {1}")
    @CsvSource(delimiter = '|', value = {
            "Success | SUCCESS",
            "Invalid Password | INVALID_PASSWORD",
            "Invalid password | INVALID_PASSWORD",
            "INVALID PASSWORD | INVALID_PASSWORD",
            "invalid password. | INVALID_PASSWORD",
            "Password Lockout | PASSWORD_LOCKOUT",
            "password lockout | PASSWORD_LOCKOUT",
            "Failed: API security token required | MUST_USE_API_TOKEN",
            "Failed: Computer activation required | CHALLENGE_ISSUED",
            "Failed: Computer activation pending | CHALLENGE_PENDING",
            "Restricted IP | RESTRICTED_DOMAIN",
            "Failed: IP Address Not Allowed | OAUTH_INVALID_IP",
            "Restricted time | RESTRICTED_TIME",
            "User is Inactive | USER_INACTIVE",
            "User is frozen | USER_FROZEN",
            "Multi-factor required | MFA_REQUIRED",
            "Multi-factor (formerly called two-factor) is required | MFA_REQUIRED",
            "Multi-Factor Authentication Required | MFA_REQUIRED",
            "Login Rate Exceeded | RATE_EXCEEDED",
            "Maximum logins exceeded | LOGINS_EXCEEDED",
            "Username-Password Flow Disabled | USERNAME_PASSWORD_FLOW_DISABLED",
            "Failed: OAuth API access disabled | OAUTH_API_DISABLED",
            "Organization is in maintenance | ORG_IN_MAINTENANCE",
            "Failed: Audience Invalid | AUDIENCE_INVALID",
            "Failed: Assertion Expired | ASSERTION_EXPIRED",
            "Failed: API-only user | USER_API_ONLY",
            "Organization locked | ORG_LOCKED",
            "Organization suspended | ORG_NOT_ACTIVE",
            "Organization closed | ORG_NOT_ACTIVE",
            "Organization is inactive | ORG_NOT_ACTIVE",
            "Trial Expired | TRIAL_EXPIRED",
            "Restricted domain | RESTRICTED_MY_DOMAIN",
            "Restricted country | RESTRICTED_COUNTRY",
            "Failed: Missing Consumer Key Parameter | MISSING_CONSUMER_KEY",
            "Failed: Consumer Deleted | CONSUMER_DELETED",
            "Failed: API Version Removed. Use a newer version | API_VERSION_REMOVED",
            "Failed: Client update required | CLIENT_UPDATE_REQUIRED",
            "Failed: Login over insecure channel | INSECURE_CHANNEL",
            "Your company's authentication service is down | SSO_SERVICE_DOWN",
            "The Single Sign-On Gateway URL is invalid | SSO_URL_INVALID",
            "Restricted Domain | RESTRICTED_MY_DOMAIN",
            "Missing Consumer Key Parameter | MISSING_CONSUMER_KEY",
            "Package for this consumer is not installed in your organization | CONSUMER_PACKAGE_MISSING",
    })
    void matchesTheDictionaryWhateverTheCase(String text, LoginStatus expected) {
        assertEquals(expected, LoginStatus.of(text));
    }

    @Test
    void unknownBlankAndNullTextsHaveNoOpinion() {
        assertEquals(LoginStatus.UNRECOGNIZED, LoginStatus.of("Failed: Something new in Spring '27"));
        assertEquals(LoginStatus.UNRECOGNIZED, LoginStatus.of(""));
        assertEquals(LoginStatus.UNRECOGNIZED, LoginStatus.of(null));
        assertFalse(LoginStatus.of("Weird").isRecognized());
        assertNull(LoginStatus.UNRECOGNIZED.cause());
    }

    @ParameterizedTest(name = "''{0}'' names {1}")
    @CsvSource(delimiter = '|', value = {
            "Organization suspended | ORG_UNAVAILABLE",
            "Organization closed | ORG_UNAVAILABLE",
            "Trial Expired | ORG_UNAVAILABLE",
            "Failed: API Version Removed | CLIENT_UNSUPPORTED",
            "Your company's authentication service is down | DELEGATED_AUTH_FAILED",
            "Failed: OAuth API access disabled | API_ACCESS_DISABLED",
    })
    void theNewStatusesNameTheirCause(String text, Cause expected) {
        assertEquals(expected, LoginStatus.of(text).cause());
    }

    @Test
    void invalidPasswordNamesNoSingleCauseBecauseItIsShared() {
        assertNull(LoginStatus.INVALID_PASSWORD.cause());
        assertEquals(Cause.USER_LOCKED_OUT, LoginStatus.PASSWORD_LOCKOUT.cause());
        // "Failed: IP Address Not Allowed" stands for the IP or the Login Hours: the profile decides, never the text.
        assertNull(LoginStatus.OAUTH_INVALID_IP.cause());
        assertTrue(LoginStatus.OAUTH_INVALID_IP.couldMean(Cause.LOGIN_IP_RESTRICTED));
        assertTrue(LoginStatus.OAUTH_INVALID_IP.couldMean(Cause.LOGIN_HOURS_RESTRICTED));
        assertTrue(LoginStatus.INVALID_PASSWORD.couldMean(Cause.DELEGATED_AUTH_FAILED));
    }

    @Test
    void theAppAndDomainTextsNameTheirCauses() {
        assertEquals(Cause.MY_DOMAIN_LOGIN_REQUIRED, LoginStatus.of("Restricted domain").cause());
        assertEquals(Cause.CONNECTED_APP_CLIENT_INVALID, LoginStatus.of("Missing Consumer Key Parameter").cause());
        assertEquals(Cause.CONNECTED_APP_CLIENT_INVALID, LoginStatus.of("Failed: Consumer Deleted").cause());
        assertEquals(Cause.CONNECTED_APP_ACCESS_DENIED, LoginStatus.of("Package for this consumer is not installed in your organization").cause());
        assertEquals(LoginStatus.RESTRICTED_DOMAIN, LoginStatus.of("Restricted IP"), "'Restricted IP' stays the profile's IP ranges");
    }
}
