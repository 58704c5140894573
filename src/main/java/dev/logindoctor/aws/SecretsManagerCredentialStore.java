package dev.logindoctor.aws;

import dev.logindoctor.engine.SecretResolver.SecretUnavailable;
import dev.logindoctor.probe.CredentialStore;
import dev.logindoctor.probe.VersionedSecret;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.secretsmanager.model.GetSecretValueResponse;
import software.amazon.awssdk.services.secretsmanager.model.ResourceNotFoundException;
import software.amazon.awssdk.services.secretsmanager.model.SecretsManagerException;

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
        if (reference == null || reference.isBlank()) {
            throw new SecretUnavailable("no credential secret named");
        }
        if (prefix == null || !SecretsManagerResolver.secretName(reference).startsWith(prefix)) {
            throw new SecretUnavailable("secret '" + reference + "' refused: Login Doctor reads only secrets whose names start with '"
                    + (prefix == null ? "<SECRET_PREFIX is not set>" : prefix) + "'");
        }
        GetSecretValueResponse response;
        try {
            response = client.get().getSecretValue(r -> r.secretId(reference));
        } catch (ResourceNotFoundException e) {
            throw new SecretUnavailable("secret '" + reference + "' does not exist in this account and region");
        } catch (SecretsManagerException e) {
            String code = e.awsErrorDetails() == null ? "unknown error" : e.awsErrorDetails().errorCode();
            throw new SecretUnavailable("secret '" + reference + "' cannot be read: " + code + " (HTTP " + e.statusCode() + ")");
        } catch (SdkClientException e) {
            throw new SecretUnavailable("secret '" + reference + "' cannot be read: Secrets Manager did not answer");
        }
        if (response.secretString() == null) {
            throw new SecretUnavailable("secret '" + reference + "' holds binary data; Login Doctor expects a JSON string");
        }
        if (response.versionId() == null) {
            throw new SecretUnavailable("secret '" + reference + "' came back without a VersionId");
        }
        return new VersionedSecret(response.secretString(), response.versionId(), response.createdDate());
    }
}
