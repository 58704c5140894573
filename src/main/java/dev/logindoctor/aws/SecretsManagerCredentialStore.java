package dev.logindoctor.aws;

import dev.logindoctor.engine.SecretResolver.SecretUnavailable;
import dev.logindoctor.probe.CredentialStore;
import dev.logindoctor.probe.VersionedSecret;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.secretsmanager.model.GetSecretValueResponse;

import java.util.function.Supplier;

/**
 * The probe's view of an integration's credential: the AWSCURRENT value with its VersionId and
 * CreatedDate. Never cached — a rotation must be seen by the very next run — and confined to
 * {@code SECRET_PREFIX} like every other secret read. Errors name the reference, never the value.
 */
public final class SecretsManagerCredentialStore implements CredentialStore {
    private final Supplier<SecretsManagerClient> client;
    private final String prefix;

    public SecretsManagerCredentialStore(Supplier<SecretsManagerClient> client, String prefix) {
        this.client = client;
        this.prefix = prefix == null || prefix.isBlank() ? null : prefix.strip();
    }

    @Override
    public VersionedSecret read(String reference) {
        SecretsManagerResolver.requireUnderPrefix(prefix, reference);
        // No cache here: a rotation must be seen on the very next run.
        GetSecretValueResponse response = SecretsManagerResolver.getSecretValue(client.get(), reference);
        if (response.versionId() == null) {
            throw new SecretUnavailable("secret '" + reference + "' came back without a VersionId");
        }
        return new VersionedSecret(response.secretString(), response.versionId(), response.createdDate());
    }
}
