package dev.logindoctor.realorg;

import dev.logindoctor.model.Cause;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static dev.logindoctor.realorg.EveryCauseOnARealOrgTest.assertCause;

/**
 * OAuth errors as integrations pass them on (docs/salesforce-wire-facts.md#oauth-token-endpoint-errors): codes
 * upper-cased by a client library, descriptions with a trailing period or whitespace, no error_description, and
 * the whole "error: description" pair in error.code. The org is healthy with an empty history, so the error is
 * the only evidence.
 */
class OAuthErrorVariantsTest {
    private final RealOrg org = new RealOrg();

    @AfterEach
    void stop() {
        org.close();
    }

    static String report(String flow, String code, String description) {
        return "{\"integrationId\":\"billing-sync\",\"loginUrl\":\"https://acme.my.salesforce.com\",\"username\":\"integration@acme.com\","
                + "\"flow\":\"" + flow + "\",\"error\":{\"code\":" + RealOrg.quote(code)
                + (description == null ? "" : ",\"description\":" + RealOrg.quote(description))
                + "},\"failedAt\":\"2026-11-27T10:15:00Z\",\"sourceIp\":\"203.0.113.7\",\"credentialUpdatedAt\":\"2026-10-01T00:00:00Z\"}";
    }

    @ParameterizedTest(name = "{0} [{1}] [{2}] -> {3}")
    @CsvSource(delimiter = '|', nullValues = "NULL", ignoreLeadingAndTrailingWhitespace = false, textBlock = """
            OAUTH_JWT|INVALID_GRANT|user hasn't approved this consumer.|CONNECTED_APP_NOT_APPROVED
            OAUTH_JWT|Invalid_Grant|  User hasn't approved this consumer.  |CONNECTED_APP_NOT_APPROVED
            OAUTH_JWT|invalid_grant: user hasn't approved this consumer|NULL|CONNECTED_APP_NOT_APPROVED
            OAUTH_JWT|INVALID_GRANT: audience is invalid|NULL|JWT_ASSERTION_INVALID
            OAUTH_JWT|invalid_grant|Audience validation failed.|JWT_ASSERTION_INVALID
            OAUTH_JWT|invalid_grant:expired authorization code|NULL|JWT_ASSERTION_INVALID
            OAUTH_PASSWORD|INACTIVE_USER|NULL|USER_INACTIVE
            OAUTH_PASSWORD|inactive_user: user is inactive|NULL|USER_INACTIVE
            OAUTH_PASSWORD|Rate_Limit_Exceeded|Number of logins exceeded.|LOGIN_RATE_EXCEEDED
            OAUTH_PASSWORD|INVALID_GRANT|authentication failure.|UNDETERMINED
            OAUTH_PASSWORD|invalid_grant: authentication failure|NULL|UNDETERMINED
            OAUTH_PASSWORD|invalid_grant|NULL|UNDETERMINED
            OAUTH_PASSWORD|INVALID_GRANT|  authentication failure  |UNDETERMINED
            OAUTH_JWT|invalid_grant: authentication failure|NULL|UNDETERMINED
            """)
    void theCodeAndDescriptionReadTheSameHoweverTheyAreWritten(String flow, String code, String description, Cause expected) {
        org.answer(RealOrg.Answer.healthy().history());
        assertCause(expected, org.diagnose(report(flow, code, description)));
    }

    @ParameterizedTest(name = "{0} [{1}] -> {2}")
    @CsvSource(delimiter = '|', nullValues = "NULL", textBlock = """
            OAUTH_PASSWORD|{"error":"INVALID_GRANT","error_description":"IP restricted or invalid login hours."}|LOGIN_IP_RESTRICTED
            OAUTH_PASSWORD|{"code":"invalid_grant: IP restricted or invalid login hours"}|LOGIN_IP_RESTRICTED
            """)
    void ipOrHoursIsSharedAndThenSettledByTheProfile(String flow, String errorJson, Cause expected) {
        // The profile restricts IPs and the integration's address is outside: the shared signal plus the profile settle it.
        var answer = RealOrg.Answer.healthy().history();
        answer.ipRangeRows(RealOrg.JSON.createObjectNode().put("ProfileId", RealOrg.PROFILE_ID_18)
                .put("StartAddress", "198.51.100.0").put("EndAddress", "198.51.100.255"));
        answer.profileMetadata().set("loginIpRanges", RealOrg.JSON.createArrayNode().add(RealOrg.JSON.createObjectNode()
                .put("startAddress", "198.51.100.0").put("endAddress", "198.51.100.255").putNull("description")));
        org.answer(answer);
        String report = "{\"integrationId\":\"billing-sync\",\"loginUrl\":\"https://acme.my.salesforce.com\",\"username\":\"integration@acme.com\","
                + "\"flow\":\"" + flow + "\",\"error\":" + errorJson + ",\"failedAt\":\"2026-11-27T10:15:00Z\",\"sourceIp\":\"203.0.113.7\"}";
        assertCause(expected, org.diagnose(report));
    }
}
