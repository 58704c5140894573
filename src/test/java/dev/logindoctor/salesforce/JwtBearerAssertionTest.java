package dev.logindoctor.salesforce;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.security.KeyPairGenerator;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The JWT bearer assertion: signed RS256 with the JDK, the claims Salesforce checks
 * (docs/salesforce-wire-facts.md#oauth-jwt-bearer-flow).
 */
class JwtBearerAssertionTest {
    private static final Instant NOW = Instant.parse("2026-11-27T10:20:00Z");
    private final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);

    @Test
    void theAssertionVerifiesWithThePublicKeyAndCarriesTheClaims() {
        String jwt = JwtBearerAssertion.create("3MVG9consumerKey", "diag@acme.com", "https://login.salesforce.com",
                KnownSecrets.KEYS.getPrivate(), clock);
        Jwt read = Jwt.read(jwt, KnownSecrets.KEYS.getPublic());
        assertTrue(read.verifies());
        assertEquals("{\"alg\":\"RS256\"}", read.header().toString());
        assertEquals("3MVG9consumerKey", read.claims().get("iss").asText());
        assertEquals("diag@acme.com", read.claims().get("sub").asText());
        assertEquals("https://login.salesforce.com", read.claims().get("aud").asText());
        long exp = read.claims().get("exp").asLong();
        assertEquals(NOW.getEpochSecond() + 180, exp, "exp = now + 3 minutes, in epoch seconds");
        assertFalse(jwt.contains("="), "base64url without padding");
    }

    @Test
    void anotherKeyDoesNotVerifyIt() throws Exception {
        String jwt = JwtBearerAssertion.create("k", "u@x.com", "https://login.salesforce.com", KnownSecrets.KEYS.getPrivate(), clock);
        var other = KeyPairGenerator.getInstance("RSA");
        other.initialize(2048);
        assertFalse(Jwt.read(jwt, other.generateKeyPair().getPublic()).verifies());
    }

    @Test
    void claimsAreJsonEscaped() {
        String jwt = JwtBearerAssertion.create("key\"with\\quote", "o'brien@acme.com", "https://login.salesforce.com",
                KnownSecrets.KEYS.getPrivate(), clock);
        Jwt read = Jwt.read(jwt, KnownSecrets.KEYS.getPublic());
        assertEquals("key\"with\\quote", read.claims().get("iss").asText());
        assertEquals("o'brien@acme.com", read.claims().get("sub").asText());
    }

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource({
            "https://login.salesforce.com, https://login.salesforce.com",
            "https://acme.my.salesforce.com, https://login.salesforce.com",
            "https://test.salesforce.com, https://test.salesforce.com",
            "https://TEST.salesforce.com/, https://test.salesforce.com",
            "https://acme--uat.sandbox.my.salesforce.com, https://test.salesforce.com",
            "https://fun-dream-1234.scratch.my.salesforce.com, https://test.salesforce.com",
            "https://acme--uat.cs42.my.salesforce.com, https://test.salesforce.com",
            "http://127.0.0.1:8443, http://127.0.0.1:8443",
            "http://localhost:9000/services/oauth2/token, http://localhost:9000",
    })
    void theAudienceFollowsTheLoginHost(String loginUrl, String audience) {
        assertEquals(audience, JwtBearerAssertion.audienceFor(loginUrl));
    }
}
