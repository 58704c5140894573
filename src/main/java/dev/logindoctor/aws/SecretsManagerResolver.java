package dev.logindoctor.aws;

import dev.logindoctor.engine.SecretResolver;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.secretsmanager.model.GetSecretValueResponse;
import software.amazon.awssdk.services.secretsmanager.model.ResourceNotFoundException;
import software.amazon.awssdk.services.secretsmanager.model.SecretsManagerException;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Reads secret values from Secrets Manager, only under the deployment's {@code SECRET_PREFIX}: a
 * failure report names its secrets, so without this check anyone who can send a report could make
 * the functions read any secret their role reaches. Values are cached briefly per warm instance
 * (never across a SnapStart snapshot: the cache starts empty). Errors name the reference, never
 * the value.
 */
public final class SecretsManagerResolver implements SecretResolver {
    static final Duration CACHE_FOR = Duration.ofMinutes(5);

    private final Supplier<SecretsManagerClient> client;
    private final String prefix;
    private final Clock clock;
    private final Map<String, Cached> cache = new ConcurrentHashMap<>();

    private record Cached(String value, Instant expires) {
        @Override
        public String toString() {
            return "Cached[value=<redacted>, expires=" + expires + "]";
        }
    }

    /** The client is asked for on first use, so building a resolver costs nothing on the cold path. */
    public SecretsManagerResolver(Supplier<SecretsManagerClient> client, String prefix, Clock clock) {
        this.client = client;
        this.prefix = prefix == null || prefix.isBlank() ? null : prefix.strip();
        this.clock = clock;
    }

    @Override
    public String secretValue(String reference) {
        requireUnderPrefix(prefix, reference);
        Instant now = clock.instant();
        Cached cached = cache.get(reference);
        if (cached != null && now.isBefore(cached.expires())) {
            return cached.value();
        }
        String value = fetch(reference);
        cache.put(reference, new Cached(value, now.plus(CACHE_FOR)));
        return value;
    }

    /** The secret's name: the reference itself, or the name inside an ARN (…:secret:NAME-AbCdEf). */
    static String secretName(String reference) {
        return SecretReference.name(reference);
    }

    /** Refuses a reference outside the prefix (or any, when no prefix is set), naming it, never a value. */
    static void requireUnderPrefix(String prefix, String reference) {
        if (reference == null || reference.isBlank()) {
            throw new SecretUnavailable("no secret reference given");
        }
        if (prefix == null) {
            throw new SecretUnavailable("secret '" + reference + "' refused: SECRET_PREFIX is not set, so no secret may be read");
        }
        if (!secretName(reference).startsWith(prefix)) {
            throw new SecretUnavailable("secret '" + reference + "' refused: Login Doctor reads only secrets whose names start with '"
                    + prefix + "'");
        }
    }

    private String fetch(String reference) {
        return getSecretValue(client.get(), reference).secretString();
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
