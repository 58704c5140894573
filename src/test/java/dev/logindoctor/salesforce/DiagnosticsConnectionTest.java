package dev.logindoctor.salesforce;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

import static dev.logindoctor.salesforce.ContractServer.fixture;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The diagnostics connection against contract bodies: JWT token request, cache, one re-auth, refusals explained. */
class DiagnosticsConnectionTest {
    static final String TOKEN = "/services/oauth2/token";
    static final String QUERY = "/services/data/v62.0/query";
    private static final Instant NOW = Instant.parse("2026-11-27T10:20:00Z");

    private final ContractServer server = new ContractServer();
    private final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
    private final TokenCache cache = new TokenCache();
    private final HttpTransport transport = new HttpTransport();
    private final DiagnosticsCredentials credentials = DiagnosticsCredentials.parse(
            DiagnosticsCredentialsTest.secret(server.baseUrl(), KnownSecrets.PRIVATE_KEY_PEM));

    @AfterEach
    void stop() {
        server.close();
    }

    private ContractServer.Responder tokenOk() {
        return fixture(200, "oauth-token-success.json", "https://acme.my.salesforce.com", server.baseUrl());
    }

    private static ContractServer.Responder oneUser() {
        return ContractServer.json(200, "{\"totalSize\":1,\"done\":true,\"records\":[{\"Id\":\"0055g00000DIAGNAAA\"}]}");
    }

    private DiagnosticsConnection connection() {
        return new DiagnosticsConnection(credentials, transport, cache, clock);
    }

    @Test
    void theTokenRequestIsAFormEncodedJwtBearerGrantWithAVerifiableAssertion() {
        server.on("POST", TOKEN, tokenOk());
        TokenCache.Session session = connection().session();
        assertEquals(server.baseUrl(), session.instanceUrl());
        ContractServer.Received req = server.requests().get(0);
        assertEquals("application/x-www-form-urlencoded", req.header("Content-Type"));
        assertTrue(req.body().startsWith("grant_type=urn%3Aietf%3Aparams%3Aoauth%3Agrant-type%3Ajwt-bearer&assertion="), req.body());
        Jwt jwt = Jwt.read(Jwt.assertionFromForm(req.body()), KnownSecrets.KEYS.getPublic());
        assertTrue(jwt.verifies());
        assertEquals("3MVG9consumerKey", jwt.claims().get("iss").asText());
        assertEquals("diag@acme.com", jwt.claims().get("sub").asText());
        assertEquals(server.baseUrl(), jwt.claims().get("aud").asText(), "a loopback simulator is its own audience");
        assertEquals(NOW.getEpochSecond() + 180, jwt.claims().get("exp").asLong());
    }

    @Test
    void aCachedTokenServesTheNextDiagnosisWithoutATokenRequest() {
        server.on("POST", TOKEN, tokenOk());
        server.on("GET", QUERY, oneUser());
        DiagnosticsConnection first = connection();
        new RestClient(first).query("SELECT Id FROM User");
        assertEquals(2, first.requests());
        DiagnosticsConnection second = connection();
        new RestClient(second).query("SELECT Id FROM User");
        assertEquals(1, second.requests(), "token reused from the cache");
        assertEquals(1, server.count("POST", TOKEN));
        assertEquals("Bearer " + KnownSecrets.SESSION_ID, server.requests().get(2).header("Authorization"));
    }

    @Test
    void anExpiredSessionIsRenewedOnceAndTheCallRepeated() {
        server.on("POST", TOKEN, tokenOk());
        server.on("GET", QUERY, fixture(401, "rest-error-401-invalid-session.json"), oneUser());
        cache.put(TokenCache.key(credentials.loginUrl(), credentials.username(), credentials.clientId()),
                new TokenCache.Session(server.baseUrl(), new AccessToken("00D000000000001!stale-token-value"), NOW));
        DiagnosticsConnection c = connection();
        QueryResult result = new RestClient(c).query("SELECT Id FROM User");
        assertEquals(1, result.records().size());
        assertEquals(3, c.requests(), "stale query + token + query");
        assertEquals(1, server.count("POST", TOKEN));
        assertEquals(2, server.count("GET", QUERY));
    }

    @Test
    void aSessionRefusedAgainAfterRenewalIsNotRenewedTwice() {
        server.on("POST", TOKEN, tokenOk());
        server.on("GET", QUERY, fixture(401, "rest-error-401-invalid-session.json"));
        DiagnosticsConnection c = connection();
        SessionExpired e = assertThrows(SessionExpired.class, () -> new RestClient(c).query("SELECT Id FROM User"));
        assertEquals(2, server.count("POST", TOKEN), "first login + exactly one re-authentication");
        assertEquals(2, server.count("GET", QUERY));
        assertEquals(4, c.requests());
        assertTrue(e.getMessage().contains("a fresh session was refused too"), e.getMessage());
        assertEquals(0, cache.size(), "the refused session is not kept");
        KnownSecrets.assertAbsent("SessionExpired", e);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "oauth-error-not-approved.json | invalid_grant | user hasn't approved this consumer): pre-authorize the diagnostics user's profile or permission set on the connected app",
            "oauth-error-invalid-client-id.json | invalid_client_id | client identifier invalid): the diagnostics secret's clientId is not the connected app's consumer key",
            "oauth-error-invalid-assertion.json | invalid_grant | invalid assertion): the certificate on the connected app does not match the private key",
            "oauth-error-audience-invalid.json | invalid_grant | audience is invalid): the assertion's audience",
            "oauth-error-audience-validation-failed.json | invalid_grant | sandboxes need https://test.salesforce.com",
            "oauth-error-expired-authorization-code.json | invalid_grant | clock is probably behind",
            "oauth-error-ip-restricted.json | invalid_grant | JWT bearer always enforces them",
            "oauth-error-authentication-failure.json | invalid_grant | not a usable user at this login host",
            "oauth-error-inactive-user.json | inactive_user | the diagnostics user is deactivated",
            "oauth-error-inactive-org.json | inactive_org | locked, closed or suspended",
            "oauth-error-rate-limit-exceeded.json | rate_limit_exceeded | hourly login limit",
            "oauth-error-unsupported-grant-type.json | unsupported_grant_type | check the secret's loginUrl",
            "oauth-error-invalid-client.json | invalid_client | uses digital signatures",
    })
    void aRefusedJwtSaysWhatItMeansForTheDiagnosticsSetup(String fixtureName, String code, String expected) {
        server.on("POST", TOKEN, fixture(400, fixtureName));
        LoginRejected e = assertThrows(LoginRejected.class, () -> connection().session());
        assertEquals(code, e.code());
        assertEquals(400, e.httpStatus());
        assertTrue(e.getMessage().startsWith("the diagnostics user's JWT bearer login as diag@acme.com at 127.0.0.1 was refused (HTTP 400 "
                + code + ": "), e.getMessage());
        assertTrue(e.getMessage().contains(expected), e.getMessage());
        assertEquals(0, cache.size());
        KnownSecrets.assertAbsent(fixtureName, e);
    }

    @ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(strings = {"Session expired or invalid", "expired access/refresh token"})
    void anExpiredSessionOrTokenIsNotBlamedOnThisMachinesClock(String description) {
        server.on("POST", TOKEN, ContractServer.json(400, "{\"error\":\"invalid_grant\",\"error_description\":\"" + description + "\"}"));
        LoginRejected e = assertThrows(LoginRejected.class, () -> connection().session());
        assertTrue(e.getMessage().contains(description), e.getMessage());
        assertFalse(e.getMessage().contains("clock"), e.getMessage());
    }

    @Test
    void aTokenResponseWithoutAnAccessTokenIsMalformed() {
        server.on("POST", TOKEN, ContractServer.json(200, "{\"instance_url\":\"" + server.baseUrl() + "\"}"));
        assertEquals("token response from 127.0.0.1 had no access_token",
                assertThrows(MalformedResponse.class, () -> connection().session()).getMessage());
    }

    @Test
    void anInstanceUrlThatIsNotHttpsIsRefusedBeforeTheTokenIsUsed() {
        server.on("POST", TOKEN, fixture(200, "oauth-token-success.json", "https://acme.my.salesforce.com", "http://acme.my.salesforce.com"));
        assertThrows(InsecureEndpoint.class, () -> connection().session());
        assertEquals(0, cache.size());
    }

    @Test
    void aTokenEndpointThatAnswersHtmlIsARejectionNamingTheStatus() {
        server.on("POST", TOKEN, fixture(404, "html-error-page.html"));
        LoginRejected e = assertThrows(LoginRejected.class, () -> connection().session());
        assertEquals("HTTP_404", e.code());
        assertTrue(e.getMessage().contains("did not answer like a Salesforce token endpoint"), e.getMessage());
    }
}
