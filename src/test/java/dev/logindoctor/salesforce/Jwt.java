package dev.logindoctor.salesforce;

import com.fasterxml.jackson.databind.JsonNode;

import java.nio.charset.StandardCharsets;
import java.security.PublicKey;
import java.security.Signature;
import java.util.Base64;

/** Test-side reading of a compact JWT: decode and verify, the way Salesforce would. */
record Jwt(JsonNode header, JsonNode claims, boolean verifies) {
    static Jwt read(String compact, PublicKey key) {
        String[] parts = compact.split("\\.");
        if (parts.length != 3) {
            throw new AssertionError("not a compact JWT: " + parts.length + " parts");
        }
        try {
            Base64.Decoder d = Base64.getUrlDecoder();
            JsonNode header = WireJson.MAPPER.readTree(new String(d.decode(parts[0]), StandardCharsets.UTF_8));
            JsonNode claims = WireJson.MAPPER.readTree(new String(d.decode(parts[1]), StandardCharsets.UTF_8));
            Signature rs256 = Signature.getInstance("SHA256withRSA");
            rs256.initVerify(key);
            rs256.update((parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII));
            return new Jwt(header, claims, rs256.verify(d.decode(parts[2])));
        } catch (Exception e) {
            throw new AssertionError("unreadable JWT", e);
        }
    }

    /** The assertion inside a form-encoded token request body. */
    static String assertionFromForm(String form) {
        for (String pair : form.split("&")) {
            if (pair.startsWith("assertion=")) {
                return java.net.URLDecoder.decode(pair.substring("assertion=".length()), StandardCharsets.UTF_8);
            }
        }
        throw new AssertionError("no assertion in the form");
    }
}
