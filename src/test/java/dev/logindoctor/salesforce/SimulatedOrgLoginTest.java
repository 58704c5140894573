package dev.logindoctor.salesforce;

import dev.logindoctor.model.LoginFlow;
import dev.logindoctor.sim.SimulatedOrg;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The login clients and the diagnostics connection end to end against {@link SimulatedOrg}: every
 * success and failure shape the probe and the diagnostics setup can meet, over real HTTP.
 */
class SimulatedOrgLoginTest {
    static final String ORG_FILE = "src/test/resources/sim/test-org.json";
    static final String CLIENT = ",\"clientId\":\"3MVG9billingSyncConsumerKey\",\"clientSecret\":\"B1LL1NGS3CR3T\"";

    private final SimulatedOrg org = SimulatedOrg.start(ORG_FILE);
    private final IntegrationLogin login = new IntegrationLogin(new HttpTransport(), SimClocks.of(org));

    @AfterEach
    void stop() {
        org.close();
    }

    private static IntegrationCredentials password(String password, String token) {
        return IntegrationCredentials.parse("{\"password\":\"" + password + "\"" + (token == null ? "" : ",\"securityToken\":\"" + token + "\"") + CLIENT + "}");
    }

    private LoginRejected rejected(LoginFlow flow, String username, IntegrationCredentials c) {
        return assertThrows(LoginRejected.class, () -> login.attempt(flow, org.baseUrl(), username, "62.0", c));
    }

    @Test
    void soapAndOAuthPasswordLoginsSucceedWithPasswordAndToken() {
        IntegrationCredentials good = password("Spring2026!Billing", "aK9fT3xQ2mV7pL4sR8wE1zYb");
        LoginSuccess soap = login.attempt(LoginFlow.SOAP, org.baseUrl(), "svc@acme.com", "62.0", good);
        assertEquals(org.baseUrl(), soap.instanceUrl());
        assertEquals("0055g00000Ab1CdAAJ", soap.userId());
        assertEquals("00D5g000004SxQlEAK", soap.orgId());
        assertEquals(Boolean.FALSE, soap.sandbox());
        LoginSuccess oauth = login.attempt(LoginFlow.OAUTH_PASSWORD, org.baseUrl(), "svc@acme.com", null, good);
        assertEquals("0055g00000Ab1CdAAJ", oauth.userId());
        assertEquals(new SimulatedOrg.Attempts(2, 0), org.attempts("svc@acme.com"));
    }

    @Test
    void soapFaultsCarryTheExceptionCode() {
        LoginRejected noToken = rejected(LoginFlow.SOAP, "svc@acme.com", password("Spring2026!Billing", null));
        assertEquals("LOGIN_MUST_USE_SECURITY_TOKEN", noToken.code());
        assertEquals(500, noToken.httpStatus());
        assertTrue(noToken.description().contains("Are you at a new location?"));
        LoginRejected wrong = rejected(LoginFlow.SOAP, "svc@acme.com", password("wrong", "aK9fT3xQ2mV7pL4sR8wE1zYb"));
        assertEquals("INVALID_LOGIN", wrong.code());
        assertEquals("Invalid username, password, security token; or user locked out.", wrong.description());
        assertEquals("API_CURRENTLY_DISABLED", rejected(LoginFlow.SOAP, "noapi@acme.com", password("NoApi#2026", "TOKENnoapi12345678901234")).code());
        KnownSecrets.assertAbsent("SOAP", wrong);
    }

    @Test
    void oauthErrorsCarrySalesforcesErrorAndDescription() {
        LoginRejected wrong = rejected(LoginFlow.OAUTH_PASSWORD, "svc@acme.com", password("wrong", "aK9fT3xQ2mV7pL4sR8wE1zYb"));
        assertEquals("invalid_grant", wrong.code());
        assertEquals("authentication failure", wrong.description());
        assertEquals(400, wrong.httpStatus());
        LoginRejected inactive = rejected(LoginFlow.OAUTH_PASSWORD, "gone@acme.com", password("Gone#2026", "TOKENgone123456789012345"));
        assertEquals("inactive_user", inactive.code());
        assertEquals("IP restricted or invalid login hours",
                rejected(LoginFlow.OAUTH_PASSWORD, "ranged@acme.com", password("Ranged#2026", "TOKENranged1234567890abc")).description());
    }

    @Test
    void refreshTokenAndClientCredentialsGrants() {
        IntegrationCredentials refresh = IntegrationCredentials.parse("{\"refreshToken\":\"5Aep861refreshGood\"" + CLIENT + "}");
        assertEquals("0055g00000Ab1CdAAJ", login.attempt(LoginFlow.OAUTH_REFRESH_TOKEN, org.baseUrl(), null, null, refresh).userId());
        LoginRejected revoked = rejected(LoginFlow.OAUTH_REFRESH_TOKEN, null,
                IntegrationCredentials.parse("{\"refreshToken\":\"5Aep861refreshRevoked\"" + CLIENT + "}"));
        assertEquals("expired access/refresh token", revoked.description());
        IntegrationCredentials app = IntegrationCredentials.parse("{\"clientId\":\"3MVG9billingSyncConsumerKey\",\"clientSecret\":\"B1LL1NGS3CR3T\"}");
        assertEquals("0055g00000Ab1CdAAJ", login.attempt(LoginFlow.OAUTH_CLIENT_CREDENTIALS, org.baseUrl(), null, null, app).userId(), "runs as the Run-As user");
        IntegrationCredentials badSecret = IntegrationCredentials.parse("{\"clientId\":\"3MVG9billingSyncConsumerKey\",\"clientSecret\":\"nope\"}");
        assertEquals("invalid_client", rejected(LoginFlow.OAUTH_CLIENT_CREDENTIALS, null, badSecret).code());
    }

    @Test
    void theDiagnosticsConnectionGetsATokenWithOneRequestAndNoIntegrationLogin() {
        DiagnosticsCredentials credentials = DiagnosticsCredentials.parse(org.diagnosticsSecretJson());
        DiagnosticsConnection connection = new DiagnosticsConnection(credentials, new HttpTransport(), new TokenCache(), SimClocks.of(org));
        assertEquals(org.baseUrl(), connection.session().instanceUrl());
        assertEquals(1, connection.requests());
        assertEquals(1, org.requestCounts().token());
        assertEquals(1, org.requestCounts().total());
        assertEquals(0, org.attempts("svc@acme.com").attempts());
    }

    @Test
    void aWrongConsumerKeyInTheDiagnosticsSecretIsExplained() {
        String secret = org.diagnosticsSecretJson().replaceAll("\"clientId\":\"[^\"]+\"", "\"clientId\":\"3MVG9notTheApp\"");
        LoginRejected e = assertThrows(LoginRejected.class, () -> connect(secret, Duration.ZERO));
        assertEquals("invalid_client_id", e.code());
        assertTrue(e.getMessage().contains("the diagnostics secret's clientId is not the connected app's consumer key"), e.getMessage());
    }

    @Test
    void aKeyThatDoesNotMatchTheAppsCertificateIsExplained() {
        String secret = org.diagnosticsSecretJson().replaceAll("\"privateKey\":\"[^\"]+\"",
                "\"privateKey\":\"" + KnownSecrets.PRIVATE_KEY_PEM.replace("\n", "\\\\n") + "\"");
        LoginRejected e = assertThrows(LoginRejected.class, () -> connect(secret, Duration.ZERO));
        assertEquals("invalid assertion", e.description());
        assertTrue(e.getMessage().contains("the certificate on the connected app does not match the private key"), e.getMessage());
        KnownSecrets.assertAbsent("wrong key", e);
    }

    @Test
    void aClockFarBehindTheOrgsMakesAnExpiredAssertionAndSaysSo() {
        LoginRejected e = assertThrows(LoginRejected.class, () -> connect(org.diagnosticsSecretJson(), Duration.ofMinutes(-10)));
        assertEquals("expired authorization code", e.description());
        assertTrue(e.getMessage().contains("clock is probably behind"), e.getMessage());
    }

    private TokenCache.Session connect(String secret, Duration skew) {
        return new DiagnosticsConnection(DiagnosticsCredentials.parse(secret), new HttpTransport(), new TokenCache(), SimClocks.skewed(org, skew))
                .session();
    }
}
