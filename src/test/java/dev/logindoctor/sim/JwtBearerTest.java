package dev.logindoctor.sim;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.security.PrivateKey;
import java.util.Map;

import static dev.logindoctor.sim.SoapLoginTest.UNTRUSTED_IP;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** The JWT bearer grant: every claim checked for real against the connected app. */
class JwtBearerTest {
    static final String APP = "3MVG9billingSyncJwtKey";
    SimulatedOrg org;
    PrivateKey appKey;

    @BeforeEach
    void start() {
        org = SimHttp.testOrg();
        appKey = org.state().appByConsumerKey(APP).orElseThrow().generatedPrivateKey;
    }

    @AfterEach
    void stop() {
        org.close();
    }

    private long now() {
        return org.now().getEpochSecond();
    }

    private SimHttp.Reply grant(String assertion, String ip) {
        return SimHttp.token(org, Map.of("grant_type", "urn:ietf:params:oauth:grant-type:jwt-bearer", "assertion", assertion), ip);
    }

    private String description(SimHttp.Reply r) {
        return r.json().get("error").asText() + "/" + r.json().get("error_description").asText();
    }

    @Test
    void aGoodAssertionGetsAToken() {
        SimHttp.Reply r = grant(JwtSigner.assertion(appKey, APP, "svc@acme.com", "https://login.salesforce.com", now() + 120), UNTRUSTED_IP);

        assertEquals(200, r.status(), r.body());
        assertEquals("OauthJwtBearer", org.loginHistory("svc@acme.com").getFirst().loginSubType());
    }

    @Test
    void theSimsOwnUrlIsAnAcceptedAudience() {
        assertEquals(200, grant(JwtSigner.assertion(appKey, APP, "svc@acme.com", org.baseUrl(), now() + 60), UNTRUSTED_IP).status());
    }

    @Test
    void aSignatureFromAnotherKeyIsAnInvalidAssertion() {
        PrivateKey other = PemKeys.generateRsa().getPrivate();
        SimHttp.Reply r = grant(JwtSigner.assertion(other, APP, "svc@acme.com", "https://login.salesforce.com", now() + 60), UNTRUSTED_IP);

        assertEquals("invalid_grant/invalid assertion", description(r));
        assertEquals(1, org.loginHistory("svc@acme.com").size(), "an untrusted assertion leaves no row");
    }

    @Test
    void theSandboxAudienceIsInvalidForAProductionOrg() {
        SimHttp.Reply r = grant(JwtSigner.assertion(appKey, APP, "svc@acme.com", "https://test.salesforce.com", now() + 60), UNTRUSTED_IP);

        assertEquals("invalid_grant/audience is invalid", description(r));
    }

    @Test
    void anExpMoreThanThreeMinutesAheadIsInvalid() {
        SimHttp.Reply r = grant(JwtSigner.assertion(appKey, APP, "svc@acme.com", "https://login.salesforce.com", now() + 600), UNTRUSTED_IP);

        assertEquals("invalid_grant/invalid assertion", description(r));
    }

    @Test
    void anExpiredAssertion() {
        SimHttp.Reply r = grant(JwtSigner.assertion(appKey, APP, "svc@acme.com", "https://login.salesforce.com", now() - 10), UNTRUSTED_IP);

        assertEquals("invalid_grant/expired authorization code", description(r));
    }

    @Test
    void anUnknownIssuerIsAnInvalidClientId() {
        SimHttp.Reply r = grant(JwtSigner.assertion(appKey, "3MVG9someoneElse", "svc@acme.com", "https://login.salesforce.com", now() + 60), UNTRUSTED_IP);

        assertEquals("invalid_client_id/client identifier invalid", description(r));
    }

    @Test
    void aMalformedAssertion() {
        assertEquals("invalid_grant/invalid assertion", description(grant("not.a.jwt", UNTRUSTED_IP)));
    }

    @Test
    void aUserWhoseProfileIsNotPreAuthorizedHasNotApprovedTheConsumer() {
        SimHttp.Reply r = grant(JwtSigner.assertion(appKey, APP, "human@acme.com", "https://login.salesforce.com", now() + 60), UNTRUSTED_IP);

        assertEquals("invalid_grant/user hasn't approved this consumer", description(r));
        assertEquals("Failed: Not approved for access", org.loginHistory("human@acme.com").getFirst().status());
    }

    @Test
    void jwtAlwaysEnforcesProfileIpRanges() {
        SimHttp.Reply r = grant(JwtSigner.assertion(appKey, APP, "ranged@acme.com", "https://login.salesforce.com", now() + 60), UNTRUSTED_IP);

        assertEquals("invalid_grant/IP restricted or invalid login hours", description(r));
    }

    @Test
    void theDiagnosticsSecretLogsInTheDiagnosticsUser() throws Exception {
        JsonNode secret = HttpIo.JSON.readTree(org.diagnosticsSecretJson());
        PrivateKey key = PemKeys.readPrivate(secret.get("privateKey").asText());

        SimHttp.Reply r = grant(JwtSigner.assertion(key, secret.get("clientId").asText(), secret.get("username").asText(),
                secret.get("loginUrl").asText(), now() + 60), "127.0.0.1");

        assertEquals(org.baseUrl(), secret.get("loginUrl").asText());
        assertEquals(200, r.status(), r.body());
    }
}
