package dev.logindoctor.sim;

import java.io.ByteArrayInputStream;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.cert.CertificateFactory;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;

/** RSA keys in PEM: what a connected app holds (certificate or public key) and what a JWT signer holds. */
final class PemKeys {
    private PemKeys() {
    }

    /**
     * RSA-2048 generation costs a few hundred milliseconds; an app with the same consumer key in
     * the same process (the demo's and the tests' many orgs) reuses its pair. Memory only.
     */
    private static final java.util.Map<String, KeyPair> GENERATED = new java.util.concurrent.ConcurrentHashMap<>();

    static KeyPair generatedFor(String consumerKey) {
        return GENERATED.computeIfAbsent(consumerKey, k -> generateRsa());
    }

    static KeyPair generateRsa() {
        try {
            KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
            g.initialize(2048);
            return g.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("RSA key generation is not available in this JDK", e);
        }
    }

    /** A connected app's key: a PEM certificate (as uploaded to Salesforce) or a PEM public key. */
    static PublicKey readPublic(String pem) {
        try {
            if (pem.contains("BEGIN CERTIFICATE")) {
                return CertificateFactory.getInstance("X.509")
                        .generateCertificate(new ByteArrayInputStream(pem.getBytes(java.nio.charset.StandardCharsets.US_ASCII)))
                        .getPublicKey();
            }
            return KeyFactory.getInstance("RSA").generatePublic(new X509EncodedKeySpec(body(pem)));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalArgumentException("connected app publicKey is neither a PEM certificate nor a PEM RSA public key");
        }
    }

    static PrivateKey readPrivate(String pem) {
        try {
            return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(body(pem)));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalArgumentException("the private key is not a PKCS#8 PEM RSA key");
        }
    }

    static String privatePem(PrivateKey key) {
        return "-----BEGIN PRIVATE KEY-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII)).encodeToString(key.getEncoded())
                + "\n-----END PRIVATE KEY-----\n";
    }

    static String publicPem(PublicKey key) {
        return "-----BEGIN PUBLIC KEY-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII)).encodeToString(key.getEncoded())
                + "\n-----END PUBLIC KEY-----\n";
    }

    private static byte[] body(String pem) {
        String b64 = pem.replaceAll("-----(BEGIN|END)[^-]*-----", "").replaceAll("\\s", "");
        return Base64.getDecoder().decode(b64);
    }
}
