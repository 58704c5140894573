package dev.logindoctor.probe;

import com.fasterxml.jackson.databind.JsonNode;
import dev.logindoctor.json.Json;
import dev.logindoctor.engine.SecretResolver;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.HexFormat;

/**
 * Local credential versions, for a secrets file that has no version ids: the secret's own
 * {@code "version"} field when it has one, else a fingerprint of its value, so editing the
 * credential is a rotation. {@code "updatedAt"} (ISO-8601), when present, is the version's date.
 * <p>The fingerprint is 64 bits of SHA-256 over a fixed label, the reference and the value: enough
 * to tell versions apart, not a stored password hash. Someone holding the local registry could
 * still test guesses of a weak password against it; give such secrets an explicit "version".
 */
public final class FingerprintedCredentials implements CredentialStore {
    private final SecretResolver secrets;

    public FingerprintedCredentials(SecretResolver secrets) {
        this.secrets = secrets;
    }

    @Override
    public VersionedSecret read(String reference) {
        String value = secrets.secretValue(reference);
        JsonNode json = parse(value);
        String explicit = text(json, "version");
        String version = explicit != null ? explicit : "sha256:" + fingerprint(reference, value);
        return new VersionedSecret(value, version, instant(text(json, "updatedAt")));
    }

    static String fingerprint(String reference, String value) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(("login-doctor credential version\n" + reference + "\n").getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(sha.digest(value.getBytes(StandardCharsets.UTF_8))).substring(0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    private static JsonNode parse(String value) {
        try {
            return Json.MAPPER.readTree(value);
        } catch (IOException e) {
            return null;
        }
    }

    private static String text(JsonNode json, String field) {
        JsonNode n = json == null || !json.isObject() ? null : json.get(field);
        return n == null || n.isNull() || n.asText().isBlank() ? null : n.asText();
    }

    private static Instant instant(String text) {
        try {
            return text == null ? null : OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
