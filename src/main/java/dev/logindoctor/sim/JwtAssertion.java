package dev.logindoctor.sim;

import com.fasterxml.jackson.databind.JsonNode;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.PublicKey;
import java.security.Signature;
import java.util.Base64;

/**
 * A JWT bearer assertion, parsed but not yet trusted: {@link #signedBy} checks the RS256 signature
 * against a connected app's key. Holds no key material; the raw assertion is never exposed.
 */
final class JwtAssertion {
    final String alg;
    final String iss;
    final String sub;
    final String aud;
    final Long exp;
    private final byte[] signingInput;
    private final byte[] signature;

    private JwtAssertion(String alg, String iss, String sub, String aud, Long exp, byte[] signingInput, byte[] signature) {
        this.alg = alg;
        this.iss = iss;
        this.sub = sub;
        this.aud = aud;
        this.exp = exp;
        this.signingInput = signingInput;
        this.signature = signature;
    }

    /** Parses {@code header.payload.signature}; throws IllegalArgumentException when malformed. */
    static JwtAssertion parse(String assertion) {
        if (assertion == null) {
            throw new IllegalArgumentException("no assertion");
        }
        String[] parts = assertion.strip().split("\\.", -1);
        if (parts.length != 3) {
            throw new IllegalArgumentException("not three parts");
        }
        try {
            Base64.Decoder d = Base64.getUrlDecoder();
            JsonNode header = HttpIo.JSON.readTree(d.decode(parts[0]));
            JsonNode claims = HttpIo.JSON.readTree(d.decode(parts[1]));
            if (header == null || !header.isObject() || claims == null || !claims.isObject()) {
                throw new IllegalArgumentException("header or claims are not JSON objects");
            }
            JsonNode aud = claims.path("aud");
            String audience = aud.isArray() && !aud.isEmpty() ? aud.get(0).asText() : aud.isTextual() ? aud.asText() : null;
            Long exp = claims.path("exp").canConvertToLong() ? claims.path("exp").asLong() : null;
            return new JwtAssertion(header.path("alg").asText(null), text(claims, "iss"), text(claims, "sub"), audience, exp,
                    (parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII), d.decode(parts[2]));
        } catch (java.io.IOException | IllegalArgumentException e) {
            throw new IllegalArgumentException("malformed JWT");
        }
    }

    private static String text(JsonNode n, String field) {
        JsonNode v = n.get(field);
        return v == null || v.isNull() ? null : v.asText();
    }

    /** True when alg is RS256 and the signature verifies under {@code key}. */
    boolean signedBy(PublicKey key) {
        if (key == null || !"RS256".equals(alg)) {
            return false;
        }
        try {
            Signature v = Signature.getInstance("SHA256withRSA");
            v.initVerify(key);
            v.update(signingInput);
            return v.verify(signature);
        } catch (GeneralSecurityException e) {
            return false;
        }
    }

    @Override
    public String toString() {
        return "JwtAssertion[iss=" + iss + ", sub=" + sub + ", aud=" + aud + ", exp=" + exp + "]";
    }
}
