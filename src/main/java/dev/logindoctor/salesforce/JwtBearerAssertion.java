package dev.logindoctor.salesforce;

import dev.logindoctor.engine.HeldSecrets;
import dev.logindoctor.model.LoginUrl;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.Signature;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;

/**
 * The OAuth JWT bearer assertion Salesforce expects (docs/salesforce-wire-facts.md#oauth-jwt-bearer-flow): header
 * {@code {"alg":"RS256"}}, claims iss = consumer key, sub = username, aud = the login audience,
 * exp = now + 3 minutes, signed SHA256withRSA. Signed with the JDK's {@link Signature} rather than a
 * JOSE library: no extra jar (and its class loading) on the Lambda cold path.
 */
public final class JwtBearerAssertion {
    /** Salesforce accepts an exp at most 3 minutes ahead. */
    public static final Duration LIFETIME = Duration.ofMinutes(3);
    public static final String PRODUCTION_AUDIENCE = "https://login.salesforce.com";
    public static final String SANDBOX_AUDIENCE = "https://test.salesforce.com";
    private static final Base64.Encoder B64URL = Base64.getUrlEncoder().withoutPadding();

    private JwtBearerAssertion() {
    }

    /** The signed compact JWT. It is a credential: never log it, never put it in a message. */
    public static String create(String clientId, String username, String audience, PrivateKey key, Clock clock) {
        long exp = clock.instant().plus(LIFETIME).getEpochSecond();
        String header = "{\"alg\":\"RS256\"}";
        String claims = "{\"iss\":" + quote(clientId) + ",\"sub\":" + quote(username) + ",\"aud\":" + quote(audience)
                + ",\"exp\":" + exp + "}";
        String signingInput = B64URL.encodeToString(header.getBytes(StandardCharsets.UTF_8)) + "."
                + B64URL.encodeToString(claims.getBytes(StandardCharsets.UTF_8));
        try {
            Signature rs256 = Signature.getInstance("SHA256withRSA");
            rs256.initSign(key);
            rs256.update(signingInput.getBytes(StandardCharsets.US_ASCII));
            String signature = B64URL.encodeToString(rs256.sign());
            String assertion = signingInput + "." + signature;
            // Held by value, so a token endpoint that echoes it (in any letter case or encoding) never carries it into a message.
            HeldSecrets.hold(assertion);
            HeldSecrets.hold(signature);
            return assertion;
        } catch (GeneralSecurityException e) {
            throw new UnusableCredentials("the private key cannot sign an RS256 assertion (" + e.getClass().getSimpleName() + ")");
        }
    }

    /**
     * The aud claim for a login URL: test.salesforce.com for sandbox hosts (test.salesforce.com,
     * {@code *.sandbox.my.salesforce.com}, scratch orgs' {@code *.scratch.my.salesforce.com}, and the legacy
     * {@code name--sandbox.*.my.salesforce.com}); the login URL itself for a loopback simulator; login.salesforce.com
     * for every production host, My Domains included (the flow's page lists only the two generic audiences; a
     * My Domain aud is unconfirmed: docs/salesforce-wire-facts.md#oauth-jwt-bearer-flow).
     */
    public static String audienceFor(String loginUrl) {
        String host = LoginUrl.lenient(loginUrl).map(LoginUrl::host).orElse("");
        if (LoginUrl.isLoopbackHost(host)) {
            return DiagnosticsCredentials.normalizeLoginUrl(loginUrl, "loginUrl");
        }
        if (host.equals("test.salesforce.com") || host.endsWith(".sandbox.my.salesforce.com")
                || host.endsWith(".scratch.my.salesforce.com")
                || (host.endsWith(".my.salesforce.com") && host.contains("--"))) {
            return SANDBOX_AUDIENCE;
        }
        return PRODUCTION_AUDIENCE;
    }

    private static String quote(String s) {
        try {
            return WireJson.MAPPER.writeValueAsString(s);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
