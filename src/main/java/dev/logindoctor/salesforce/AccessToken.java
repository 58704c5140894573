package dev.logindoctor.salesforce;

import dev.logindoctor.engine.HeldSecrets;

import java.util.Objects;

/**
 * A Salesforce session id / OAuth access token. The value is reachable only through
 * {@link #value()} for the Authorization header; toString, equals and hashCode never expose it.
 */
public final class AccessToken {
    private final String value;

    public AccessToken(String value) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("an access token must not be empty");
        }
        this.value = value;
        // Whatever text later echoes it (an error body, a history row) is blanked by value.
        HeldSecrets.hold(value);
    }

    /** The raw token, for an Authorization header and nothing else. */
    public String value() {
        return value;
    }

    /** Same token, compared in constant time so equality checks leak nothing by timing. */
    public boolean sameAs(AccessToken other) {
        return other != null && java.security.MessageDigest.isEqual(
                value.getBytes(java.nio.charset.StandardCharsets.UTF_8), other.value.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof AccessToken other && sameAs(other);
    }

    @Override
    public int hashCode() {
        return Objects.hash(value.length());
    }

    @Override
    public String toString() {
        return "AccessToken[redacted]";
    }
}
