package dev.logindoctor.sim;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpRequest;
import java.util.Map;

import static dev.logindoctor.sim.SoapLoginTest.PASSWORD;
import static dev.logindoctor.sim.SoapLoginTest.TOKEN;
import static dev.logindoctor.sim.SoapLoginTest.UNTRUSTED_IP;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The OAuth token endpoint: grants, error bodies and the rows they leave. */
class OAuthTokenTest {
    SimulatedOrg org;

    @BeforeEach
    void start() {
        org = SimHttp.testOrg();
    }

    @AfterEach
    void stop() {
        org.close();
    }

    @Test
    void wrongPasswordIs400InvalidGrantAuthenticationFailure() {
        SimHttp.Reply r = SimHttp.passwordGrant(org, "svc@acme.com", "wrong" + TOKEN, UNTRUSTED_IP);

        assertEquals(400, r.status());
        assertEquals("{\"error\":\"invalid_grant\",\"error_description\":\"authentication failure\"}", r.body());
        var row = org.loginHistory("svc@acme.com").getFirst();
        assertEquals("Invalid Password", row.status());
        assertEquals("Remote Access 2.0", row.loginType());
        assertEquals("OauthUsernamePassword", row.loginSubType());
        assertEquals("Billing Sync", row.application());
    }

    @Test
    void passwordGrantSuccessHasSalesforcesShape() {
        SimHttp.Reply r = SimHttp.passwordGrant(org, "svc@acme.com", PASSWORD + TOKEN, UNTRUSTED_IP);

        assertEquals(200, r.status(), r.body());
        JsonNode b = r.json();
        assertTrue(b.get("access_token").asText().startsWith("00D5g000004SxQl!"));
        assertEquals(org.baseUrl(), b.get("instance_url").asText());
        assertEquals(org.baseUrl() + "/id/00D5g000004SxQlEAK/0055g00000Ab1CdAAJ", b.get("id").asText());
        assertEquals("Bearer", b.get("token_type").asText());
        assertTrue(b.get("issued_at").asText().matches("\\d{13}"));
        assertTrue(b.hasNonNull("signature"));
    }

    @Test
    void missingTokenOverOAuthIsAuthenticationFailureWithTheTokenRow() {
        SimHttp.Reply r = SimHttp.passwordGrant(org, "svc@acme.com", PASSWORD, UNTRUSTED_IP);

        assertEquals("authentication failure", r.json().get("error_description").asText());
        assertEquals("Failed: API security token required", org.loginHistory("svc@acme.com").getFirst().status());
    }

    @Test
    void parametersInTheQueryStringOrAsJsonAreUnsupportedGrantType() {
        SimHttp.Reply query = SimHttp.send(HttpRequest.newBuilder(URI.create(org.baseUrl()
                        + "/services/oauth2/token?grant_type=password&username=svc@acme.com&password=x"))
                .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.noBody()).build());
        SimHttp.Reply json = SimHttp.postJson(org, "/services/oauth2/token", null, "{\"grant_type\":\"password\"}");

        for (SimHttp.Reply r : new SimHttp.Reply[]{query, json}) {
            assertEquals(400, r.status());
            assertEquals("unsupported_grant_type", r.json().get("error").asText());
            assertEquals("grant type not supported", r.json().get("error_description").asText());
        }
        assertEquals(1, org.loginHistory("svc@acme.com").size(), "no attempt reached the login logic");
    }

    @Test
    void unknownClientIdAndWrongSecret() {
        SimHttp.Reply badId = SimHttp.token(org, Map.of("grant_type", "password", "client_id", "nope", "client_secret", "x",
                "username", "svc@acme.com", "password", PASSWORD + TOKEN), UNTRUSTED_IP);
        SimHttp.Reply badSecret = SimHttp.token(org, Map.of("grant_type", "password", "client_id", "3MVG9billingSyncConsumerKey",
                "client_secret", "x", "username", "svc@acme.com", "password", PASSWORD + TOKEN), UNTRUSTED_IP);

        assertEquals("invalid_client_id", badId.json().get("error").asText());
        assertEquals("client identifier invalid", badId.json().get("error_description").asText());
        assertEquals("invalid_client", badSecret.json().get("error").asText());
        assertEquals("invalid client credentials", badSecret.json().get("error_description").asText());
    }

    @Test
    void refreshTokenGrantAndARevokedToken() {
        SimHttp.Reply good = SimHttp.token(org, Map.of("grant_type", "refresh_token", "client_id", "3MVG9billingSyncConsumerKey",
                "client_secret", "B1LL1NGS3CR3T", "refresh_token", "5Aep861refreshGood"), UNTRUSTED_IP);
        SimHttp.Reply revoked = SimHttp.token(org, Map.of("grant_type", "refresh_token", "client_id", "3MVG9billingSyncConsumerKey",
                "refresh_token", "5Aep861refreshRevoked"), UNTRUSTED_IP);

        assertEquals(200, good.status(), good.body());
        assertEquals("OauthRefreshToken", org.loginHistory("svc@acme.com").getFirst().loginSubType());
        assertEquals("invalid_grant", revoked.json().get("error").asText());
        assertEquals("expired access/refresh token", revoked.json().get("error_description").asText());
    }

    @Test
    void clientCredentialsRunAsTheAppsUser() {
        SimHttp.Reply r = SimHttp.token(org, Map.of("grant_type", "client_credentials", "client_id", "3MVG9billingSyncConsumerKey",
                "client_secret", "B1LL1NGS3CR3T"), UNTRUSTED_IP);

        assertEquals(200, r.status(), r.body());
        assertTrue(r.json().get("id").asText().endsWith("/0055g00000Ab1CdAAJ"));
        assertEquals("OauthClientCredentials", org.loginHistory("svc@acme.com").getFirst().loginSubType());
    }

    @Test
    void inactiveUserIsInactiveUserAndFrozenUserIsAuthenticationFailure() {
        SimHttp.Reply inactive = SimHttp.passwordGrant(org, "gone@acme.com", "Gone#2026TOKENgone123456789012345", UNTRUSTED_IP);
        SimHttp.Reply frozen = SimHttp.passwordGrant(org, "ice@acme.com", "Ice#2026TOKENice1234567890123456", UNTRUSTED_IP);

        assertEquals("{\"error\":\"inactive_user\",\"error_description\":\"user is inactive\"}", inactive.body());
        assertEquals("User is Inactive", org.loginHistory("gone@acme.com").getFirst().status());
        assertEquals("authentication failure", frozen.json().get("error_description").asText());
        assertEquals("User is Frozen", org.loginHistory("ice@acme.com").getFirst().status());
    }

    @Test
    void userWithoutApiEnabledIsRefused() {
        SimHttp.Reply soap = SimHttp.soapLogin(org, "noapi@acme.com", "NoApi#2026TOKENnoapi12345678901234", UNTRUSTED_IP);

        assertTrue(soap.body().contains("<faultcode>sf:API_CURRENTLY_DISABLED</faultcode>"), soap.body());
    }

    @Test
    void unknownUserOverOAuthLeavesNoRow() {
        SimHttp.Reply r = SimHttp.passwordGrant(org, "ghost@acme.com", "x", UNTRUSTED_IP);

        assertEquals("authentication failure", r.json().get("error_description").asText());
        assertEquals(new SimulatedOrg.Attempts(1, 1), org.attempts("ghost@acme.com"));
        assertEquals(0, org.loginHistory("ghost@acme.com").size());
    }
}
