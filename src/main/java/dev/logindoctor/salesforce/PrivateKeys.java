package dev.logindoctor.salesforce;

import java.security.KeyFactory;
import java.security.NoSuchAlgorithmException;
import java.security.PrivateKey;
import java.security.spec.InvalidKeySpecException;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;

/**
 * Reads an unencrypted PKCS#8 PEM RSA private key ({@code -----BEGIN PRIVATE KEY-----}) with the
 * JDK alone. Every other shape gets a message that says what it is and the openssl line that fixes it.
 */
final class PrivateKeys {
    private static final String PKCS8_BEGIN = "-----BEGIN PRIVATE KEY-----";
    private static final String PKCS8_END = "-----END PRIVATE KEY-----";

    private PrivateKeys() {
    }

    /** @param field the secret's field name, for messages */
    static PrivateKey fromPkcs8Pem(String pem, String field) {
        if (pem == null || pem.isBlank()) {
            throw new UnusableCredentials(field + " is missing: expected a PKCS#8 PEM private key (" + PKCS8_BEGIN + ")");
        }
        // Secrets pasted through a shell or console sometimes keep "\n" as two characters.
        String text = pem.replace("\\n", "\n").replace("\\r", "").strip();
        if (text.contains("-----BEGIN RSA PRIVATE KEY-----")) {
            throw new UnusableCredentials(field + " is a PKCS#1 key (BEGIN RSA PRIVATE KEY); convert it to PKCS#8 with "
                    + "'openssl pkcs8 -topk8 -nocrypt -in key.pem -out key.pk8.pem' and store that");
        }
        if (text.contains("-----BEGIN ENCRYPTED PRIVATE KEY-----")) {
            throw new UnusableCredentials(field + " is an encrypted PKCS#8 key; store it unencrypted "
                    + "('openssl pkcs8 -topk8 -nocrypt ...'): Secrets Manager already protects it");
        }
        if (text.contains("-----BEGIN CERTIFICATE-----") || text.contains("-----BEGIN PUBLIC KEY-----")) {
            throw new UnusableCredentials(field + " holds a certificate or public key: the secret needs the private key "
                    + "whose certificate was uploaded to the connected app");
        }
        int begin = text.indexOf(PKCS8_BEGIN);
        int end = text.indexOf(PKCS8_END);
        if (begin < 0 || end < begin) {
            throw new UnusableCredentials(field + " is not a PEM private key: expected " + PKCS8_BEGIN + " ... " + PKCS8_END);
        }
        String body = text.substring(begin + PKCS8_BEGIN.length(), end).replaceAll("\\s", "");
        byte[] der;
        try {
            der = Base64.getDecoder().decode(body);
        } catch (IllegalArgumentException e) {
            throw new UnusableCredentials(field + ": the PEM body is not valid base64");
        }
        try {
            return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(der));
        } catch (InvalidKeySpecException e) {
            throw new UnusableCredentials(field + " is not an RSA key in PKCS#8 form (JWT bearer needs RS256, an RSA key)");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("this JDK has no RSA key factory", e);
        }
    }
}
