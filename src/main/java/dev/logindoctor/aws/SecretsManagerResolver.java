package dev.logindoctor.aws;

import dev.logindoctor.engine.SecretResolver;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.secretsmanager.model.GetSecretValueResponse;
import software.amazon.awssdk.services.secretsmanager.model.ResourceNotFoundException;
import software.amazon.awssdk.services.secretsmanager.model.SecretsManagerException;

import java.time.Clock;
import java.time.Duration;
import java.util.function.Supplier;

/**
 * {@link PrefixedSecrets} over the SDK's Secrets Manager client (the CLI-side and test wiring; the
 * step functions read through {@link SecretsManagerHttp} and load no SDK).
 */
public final class SecretsManagerResolver implements SecretResolver {
    static final Duration CACHE_FOR = PrefixedSecrets.CACHE_FOR;

    private final PrefixedSecrets secrets;

    /** The client is asked for on first use, so building a resolver costs nothing on the cold path. */
    public SecretsManagerResolver(Supplier<SecretsManagerClient> client, String prefix, Clock clock) {
        this.secrets = new PrefixedSecrets(reference -> getSecretValue(client.get(), reference).secretString(), prefix, clock);
    }

    @Override
    public String secretValue(String reference) {
        return secrets.secretValue(reference);
    }

    /** The secret's name: the reference itself, or the name inside an ARN (…:secret:NAME-AbCdEf). */
    static String secretName(String reference) {
        return SecretReference.name(reference);
    }

    static void requireUnderPrefix(String prefix, String reference) {
        PrefixedSecrets.requireUnderPrefix(prefix, reference);
    }

    /** GetSecretValue with every failure turned into a SecretUnavailable that names the reference. */
    static GetSecretValueResponse getSecretValue(SecretsManagerClient secretsManager, String reference) {
        GetSecretValueResponse response;
        try {
            response = secretsManager.getSecretValue(r -> r.secretId(reference));
        } catch (ResourceNotFoundException e) {
            throw new SecretUnavailable("secret '" + reference + "' does not exist in this account and region");
        } catch (SecretsManagerException e) {
            // The service's own error code and status never contain the value.
            String code = e.awsErrorDetails() == null ? "unknown error" : e.awsErrorDetails().errorCode();
            throw new SecretUnavailable("secret '" + reference + "' cannot be read: " + code + " (HTTP " + e.statusCode() + ")");
        } catch (SdkClientException e) {
            throw new SecretUnavailable("secret '" + reference + "' cannot be read: Secrets Manager did not answer");
        }
        if (response.secretString() == null) {
            throw new SecretUnavailable("secret '" + reference + "' holds binary data; Login Doctor expects a JSON string");
        }
        return response;
    }
}
