package dev.logindoctor.salesforce;

import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertFalse;

/** Secret values the tests plant on every path, and the check that none of them surfaces. */
final class KnownSecrets {
    static final String SESSION_ID = "00D5g00000ABCDE!AQ8AQHk2mZ3xSecretSessionValue_9Lk";
    static final String REFRESH_TOKEN = "5Aep861TSESvWeug_xvFHRBTTbf_YrTWgEyjBJ.Dhs7HxsPx2SecretRefresh";
    static final String PASSWORD = "Tr0ub4dor&3-known-password";
    static final String SECURITY_TOKEN = "kX9securityTokenValue42";
    static final String CLIENT_SECRET = "8F3C2B1A0D9E8F7A6B5C4D3E2F1A0B9C8D7E6F5A4B3C2D1E0F9A8B7C6D5E4F3A";
    static final String ASSERTION = "eyJhbGciOiJSUzI1NiJ9.eyJpc3MiOiJzZWNyZXQifQ.c2lnbmF0dXJlU2VjcmV0VmFsdWU";
    static final KeyPair KEYS = generate();
    static final String PRIVATE_KEY_PEM = pem(KEYS);
    /** The base64 body of the key: any 40-char window of it must not appear either. */
    static final String PRIVATE_KEY_BODY = Base64.getEncoder().encodeToString(KEYS.getPrivate().getEncoded());

    private KnownSecrets() {
    }

    static List<String> all() {
        return List.of(SESSION_ID, REFRESH_TOKEN, PASSWORD, SECURITY_TOKEN, PASSWORD + SECURITY_TOKEN, CLIENT_SECRET, ASSERTION,
                "AQ8AQHk2mZ3xSecretSessionValue_9Lk", "SecretRefresh", "SecretSessionValue");
    }

    /** Fails when {@code text} contains any planted secret or a 40-char piece of the private key. */
    static void assertAbsent(String where, String text) {
        if (text == null) {
            return;
        }
        for (String secret : all()) {
            assertFalse(text.contains(secret), where + " leaked a secret: " + text);
        }
        for (int i = 0; i + 40 <= PRIVATE_KEY_BODY.length(); i += 20) {
            assertFalse(text.contains(PRIVATE_KEY_BODY.substring(i, i + 40)), where + " leaked part of the private key");
        }
        assertFalse(text.contains("PRIVATE KEY-----\nMII") || text.contains("PRIVATE KEY----- MII"), where + " leaked a PEM block");
    }

    /** Message, toString and every cause's message and toString. */
    static void assertAbsent(String where, Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause() == c ? null : c.getCause()) {
            assertAbsent(where + " message", c.getMessage());
            assertAbsent(where + " toString", c.toString());
            for (Throwable s : c.getSuppressed()) {
                assertAbsent(where + " suppressed", s);
            }
        }
    }

    private static KeyPair generate() {
        try {
            KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
            g.initialize(2048);
            return g.generateKeyPair();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String pem(KeyPair keys) {
        String b64 = Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(keys.getPrivate().getEncoded());
        return "-----BEGIN PRIVATE KEY-----\n" + b64 + "\n-----END PRIVATE KEY-----\n";
    }
}
