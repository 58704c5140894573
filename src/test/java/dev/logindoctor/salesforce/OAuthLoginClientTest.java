package dev.logindoctor.salesforce;

import dev.logindoctor.model.LoginFlow;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;

import static dev.logindoctor.salesforce.ContractServer.fixture;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The OAuth grants the probe can attempt, against the documented token responses
 * (docs/salesforce-wire-facts.md#oauth-token-endpoint).
 */
class OAuthLoginClientTest {
    static final String TOKEN = "/services/oauth2/token";
    private static final Instant NOW = Instant.parse("2026-11-27T10:20:00Z");
    private final ContractServer server = new ContractServer();
    private final IntegrationLogin login = new IntegrationLogin(new HttpTransport(), Clock.fixed(NOW, ZoneOffset.UTC));
    private final IntegrationCredentials all = IntegrationCredentials.parse("{\"password\":\"" + KnownSecrets.PASSWORD
            + "\",\"securityToken\":\"" + KnownSecrets.SECURITY_TOKEN + "\",\"clientId\":\"3MVG9consumerKey\",\"clientSecret\":\""
            + KnownSecrets.CLIENT_SECRET + "\",\"refreshToken\":\"" + KnownSecrets.REFRESH_TOKEN + "\",\"privateKey\":"
            + q(KnownSecrets.PRIVATE_KEY_PEM) + "}");

    @AfterEach
    void stop() {
        server.close();
    }

    private static String q(String s) {
        return "\"" + s.replace("\n", "\\n") + "\"";
    }

    private Map<String, String> sentForm() {
        ContractServer.Received req = server.requests().get(server.requests().size() - 1);
        assertEquals("application/x-www-form-urlencoded", req.header("Content-Type"));
        assertNull(req.rawQuery(), "never parameters in the query string");
        Map<String, String> form = new LinkedHashMap<>();
        for (String pair : req.body().split("&")) {
            String[] kv = pair.split("=", 2);
            form.put(URLDecoder.decode(kv[0], StandardCharsets.UTF_8), URLDecoder.decode(kv[1], StandardCharsets.UTF_8));
        }
        return form;
    }

    private LoginSuccess attempt(LoginFlow flow) {
        server.on("POST", TOKEN, fixture(200, "oauth-token-success.json"));
        return login.attempt(flow, server.baseUrl(), "integration@acme.com", null, all);
    }

    @Test
    void thePasswordGrantSendsClientSecretAndPasswordWithToken() {
        LoginSuccess s = attempt(LoginFlow.OAUTH_PASSWORD);
        assertEquals(Map.of("grant_type", "password", "client_id", "3MVG9consumerKey", "client_secret", KnownSecrets.CLIENT_SECRET,
                "username", "integration@acme.com", "password", KnownSecrets.PASSWORD + KnownSecrets.SECURITY_TOKEN), sentForm());
        assertEquals("https://acme.my.salesforce.com", s.instanceUrl());
        assertEquals("00D5g00000ABCDEEA2", s.orgId());
        assertEquals("0055g00000DIAGNAAA", s.userId());
        assertNull(s.sandbox(), "a token response does not say");
        KnownSecrets.assertAbsent("LoginSuccess", s.toString());
    }

    @Test
    void theJwtGrantSendsOnlyASignedAssertion() {
        attempt(LoginFlow.OAUTH_JWT);
        Map<String, String> form = sentForm();
        assertEquals("urn:ietf:params:oauth:grant-type:jwt-bearer", form.get("grant_type"));
        assertEquals(2, form.size(), "no client secret in the JWT bearer flow");
        Jwt jwt = Jwt.read(form.get("assertion"), KnownSecrets.KEYS.getPublic());
        assertTrue(jwt.verifies());
        assertEquals("integration@acme.com", jwt.claims().get("sub").asText());
        assertEquals(server.baseUrl(), jwt.claims().get("aud").asText());
        assertEquals(NOW.getEpochSecond() + 180, jwt.claims().get("exp").asLong());
    }

    @Test
    void theRefreshAndClientCredentialsGrants() {
        attempt(LoginFlow.OAUTH_REFRESH_TOKEN);
        assertEquals(Map.of("grant_type", "refresh_token", "refresh_token", KnownSecrets.REFRESH_TOKEN, "client_id", "3MVG9consumerKey",
                "client_secret", KnownSecrets.CLIENT_SECRET), sentForm());
        attempt(LoginFlow.OAUTH_CLIENT_CREDENTIALS);
        assertEquals(Map.of("grant_type", "client_credentials", "client_id", "3MVG9consumerKey", "client_secret", KnownSecrets.CLIENT_SECRET),
                sentForm());
    }

    @Test
    void theWebServerFlowCannotBeAttempted() {
        assertThrows(UnusableCredentials.class, () -> login.attempt(LoginFlow.OAUTH_WEB_SERVER, server.baseUrl(), "u@acme.com", null, all));
        assertTrue(server.requests().isEmpty());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "oauth-error-authentication-failure.json | invalid_grant | authentication failure",
            "oauth-error-invalid-user-credentials.json | invalid_grant | invalid user credentials",
            "oauth-error-ip-restricted.json | invalid_grant | IP restricted or invalid login hours",
            "oauth-error-expired-token.json | invalid_grant | expired access/refresh token",
            "oauth-error-audience-validation-failed.json | invalid_grant | Audience validation failed",
            "oauth-error-audience-invalid.json | invalid_grant | audience is invalid",
            "oauth-error-not-approved.json | invalid_grant | user hasn't approved this consumer",
            "oauth-error-invalid-assertion.json | invalid_grant | invalid assertion",
            "oauth-error-expired-authorization-code.json | invalid_grant | expired authorization code",
            "oauth-error-invalid-client-id.json | invalid_client_id | client identifier invalid",
            "oauth-error-invalid-client.json | invalid_client | invalid client credentials",
            "oauth-error-invalid-client-credentials.json | invalid_client_credentials | client secret invalid",
            "oauth-error-unsupported-grant-type.json | unsupported_grant_type | grant type not supported",
            "oauth-error-invalid-request.json | invalid_request | HTTPS required",
            "oauth-error-inactive-user.json | inactive_user | user is inactive",
            "oauth-error-inactive-org.json | inactive_org | organization is locked, closed, or suspended",
            "oauth-error-rate-limit-exceeded.json | rate_limit_exceeded | number of logins exceeded",
            "oauth-error-invalid-scope.json | invalid_scope | requested scope is invalid, unknown, or malformed",
            "oauth-error-invalid-app-access.json | invalid_app_access | user is not admin approved to access this app",
            "oauth-error-no-client-credentials-user.json | invalid_grant | no client credentials user enabled",
            "oauth-error-app-not-installed.json | invalid_grant | External client app is not installed in this org",
    })
    void everyDocumentedErrorIsARejectionWithSalesforcesOwnWords(String fixtureName, String error, String description) {
        server.on("POST", TOKEN, fixture(400, fixtureName));
        LoginRejected e = assertThrows(LoginRejected.class,
                () -> login.attempt(LoginFlow.OAUTH_PASSWORD, server.baseUrl(), "integration@acme.com", null, all));
        assertEquals(error, e.code());
        assertEquals(description, e.description());
        assertEquals(400, e.httpStatus());
        assertEquals("login rejected by Salesforce (HTTP 400): " + error + ": " + description, e.getMessage());
        KnownSecrets.assertAbsent(fixtureName, e);
    }

    @Test
    void aServerThatEchoesTheFormCannotLeakItIntoTheRejection() {
        server.on("POST", TOKEN, (ex, req) -> ContractServer.send(ex, 400, "application/json",
                "{\"error\":\"invalid_grant\",\"error_description\":\"you sent " + req.body().replace("\"", "") + "\"}"));
        for (LoginFlow flow : new LoginFlow[] {LoginFlow.OAUTH_PASSWORD, LoginFlow.OAUTH_JWT, LoginFlow.OAUTH_REFRESH_TOKEN,
                LoginFlow.OAUTH_CLIENT_CREDENTIALS}) {
            LoginRejected e = assertThrows(LoginRejected.class, () -> login.attempt(flow, server.baseUrl(), "integration@acme.com", null, all));
            KnownSecrets.assertAbsent(flow + " echo", e);
            KnownSecrets.assertAbsent(flow + " description", e.description());
        }
    }

    @Test
    void credentialsPrintWithoutValues() {
        KnownSecrets.assertAbsent("IntegrationCredentials", all.toString());
        assertEquals("IntegrationCredentials[username=null, clientId=3MVG9consumerKey, present=password securityToken clientSecret "
                + "refreshToken privateKey ]", all.toString());
    }
}
