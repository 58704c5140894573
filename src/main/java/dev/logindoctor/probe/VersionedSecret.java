package dev.logindoctor.probe;

import java.time.Instant;

/**
 * A credential secret's value with its version. The version is what the probe remembers; the value
 * is used for one login and dropped. toString never shows the value.
 *
 * @param version   Secrets Manager's VersionId, or locally the secret's {@code "version"} field or a fingerprint
 * @param createdAt when this version was created (the report's credentialUpdatedAt); null when unknown
 */
public record VersionedSecret(String value, String version, Instant createdAt) {
    public VersionedSecret {
        if (value == null || version == null || version.isBlank()) {
            throw new IllegalArgumentException("a versioned secret needs a value and a version");
        }
    }

    @Override
    public String toString() {
        return "VersionedSecret[value=<redacted>, version=" + version + ", createdAt=" + createdAt + "]";
    }
}
