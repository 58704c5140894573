package dev.logindoctor.aws;

import com.fasterxml.jackson.databind.JsonNode;
import dev.logindoctor.engine.SecretResolver.SecretUnavailable;
import dev.logindoctor.probe.CredentialStore;
import dev.logindoctor.probe.VersionedSecret;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.function.Supplier;

/**
 * The probe's view of an integration's credential: the AWSCURRENT value with its VersionId and
 * CreatedDate. Never cached — a rotation must be seen by the very next run — and confined to
 * {@code SECRET_PREFIX} like every other secret read. Errors name the reference, never the value.
 */
public final class SecretsManagerCredentialStore implements CredentialStore {
    private final Supplier<SecretsManagerHttp> client;
    private final String prefix;

    SecretsManagerCredentialStore(Supplier<SecretsManagerHttp> client, String prefix) {
        this.client = client;
        this.prefix = prefix == null || prefix.isBlank() ? null : prefix.strip();
    }

    @Override
    public VersionedSecret read(String reference) {
        PrefixedSecrets.requireUnderPrefix(prefix, reference);
        // No cache here: a rotation must be seen on the very next run.
        JsonNode answer = client.get().getSecretValue(reference);
        JsonNode version = answer.get("VersionId");
        if (version == null || !version.isTextual() || version.asText().isBlank()) {
            throw new SecretUnavailable("secret '" + reference + "' came back without a VersionId");
        }
        return new VersionedSecret(answer.get("SecretString").asText(), version.asText(), createdAt(answer.get("CreatedDate")));
    }

    /** CreatedDate is epoch seconds with a fraction on the wire; anything else is unknown, not an error. */
    private static Instant createdAt(JsonNode created) {
        if (created == null || !created.isNumber()) {
            return null;
        }
        BigDecimal seconds = created.decimalValue();
        return Instant.ofEpochSecond(seconds.longValue(), seconds.remainder(BigDecimal.ONE).movePointRight(9).intValue());
    }
}
