package dev.logindoctor.sim;

import com.fasterxml.jackson.databind.node.ObjectNode;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.Signature;
import java.util.Base64;

/** Builds RS256 JWT bearer assertions the way an integration does (for SimIntegration and tests). */
final class JwtSigner {
    private JwtSigner() {
    }

    static String assertion(PrivateKey key, String iss, String sub, String aud, long exp) {
        ObjectNode header = HttpIo.JSON.createObjectNode().put("alg", "RS256");
        ObjectNode claims = HttpIo.JSON.createObjectNode().put("iss", iss).put("sub", sub).put("aud", aud).put("exp", exp);
        Base64.Encoder enc = Base64.getUrlEncoder().withoutPadding();
        String input = enc.encodeToString(header.toString().getBytes(StandardCharsets.UTF_8)) + "."
                + enc.encodeToString(claims.toString().getBytes(StandardCharsets.UTF_8));
        try {
            Signature s = Signature.getInstance("SHA256withRSA");
            s.initSign(key);
            s.update(input.getBytes(StandardCharsets.US_ASCII));
            return input + "." + enc.encodeToString(s.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot sign the assertion", e);
        }
    }
}
