package dev.logindoctor.model;

import java.time.Instant;

/**
 * The X.509 certificate that goes with the integration's JWT key, as its own secret holds it
 * ({@code "certificate"}). Only public facts are kept: the subject and the validity end.
 *
 * @param gap why the certificate is not known (no secret, no certificate in it, unreadable); null when read
 */
public record SecretCertificate(String subject, Instant notAfter, String gap) {

    public static SecretCertificate read(String subject, Instant notAfter) {
        return new SecretCertificate(subject, notAfter, null);
    }

    public static SecretCertificate unknown(String why) {
        return new SecretCertificate(null, null, why);
    }

    public boolean known() {
        return gap == null && notAfter != null;
    }
}
