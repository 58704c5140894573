package dev.logindoctor.engine;

import com.fasterxml.jackson.databind.JsonNode;
import dev.logindoctor.json.Json;
import dev.logindoctor.model.SecretCertificate;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;

/**
 * The certificate that goes with an integration's JWT key, read from its own secret's optional
 * {@code "certificate"} (PEM) with the JDK's X.509 parser. Only the subject and notAfter leave this
 * class; a secret that cannot be read is a gap whose message never quotes the secret.
 */
public final class JwtCertificate {
    private JwtCertificate() {
    }

    public static SecretCertificate fromSecret(String secretJson) {
        JsonNode root;
        try {
            root = secretJson == null ? null : Json.MAPPER.readTree(secretJson);
        } catch (java.io.IOException e) {
            return SecretCertificate.unknown("the integration's secret is not JSON, so its certificate could not be read");
        }
        if (root == null || !root.isObject()) {
            return SecretCertificate.unknown("the integration's secret is not a JSON object, so its certificate could not be read");
        }
        JsonNode pem = root.get("certificate");
        if (pem == null || pem.isNull()) {
            return SecretCertificate.unknown("the integration's secret holds no \"certificate\" beside its JWT key, so when the key's "
                    + "certificate expires is unknown (add the certificate's PEM as \"certificate\")");
        }
        if (!pem.isTextual()) {
            return SecretCertificate.unknown("the integration's secret's \"certificate\" is not a PEM string");
        }
        return parse(pem.asText());
    }

    /** A PEM (or bare base64 DER) X.509 certificate: its subject and notAfter, or a gap saying why not. */
    public static SecretCertificate parse(String pem) {
        try {
            CertificateFactory factory = CertificateFactory.getInstance("X.509");
            X509Certificate cert = (X509Certificate) factory.generateCertificate(
                    new ByteArrayInputStream(pem.strip().getBytes(StandardCharsets.US_ASCII)));
            return SecretCertificate.read(cert.getSubjectX500Principal().getName(), cert.getNotAfter().toInstant());
        } catch (CertificateException | ClassCastException e) {
            return SecretCertificate.unknown("the integration's secret's \"certificate\" is not a readable X.509 certificate");
        }
    }
}
