package dev.logindoctor.aws;

import dev.logindoctor.engine.SecretResolver;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * Reads secret values only under the deployment's {@code SECRET_PREFIX}: a failure report names its
 * secrets, so without this check anyone who can send a report could make the functions read any
 * secret their role reaches. Values are cached briefly per warm instance (never across a SnapStart
 * snapshot: the cache starts empty). How a value is fetched is the caller's choice (the SDK, or
 * {@link SecretsManagerHttp} for the step functions); this class loads no SDK. Errors name the
 * reference, never the value.
 */
final class PrefixedSecrets implements SecretResolver {
    static final Duration CACHE_FOR = Duration.ofMinutes(5);

    private final Function<String, String> fetch;
    private final String prefix;
    private final Clock clock;
    private final Map<String, Cached> cache = new ConcurrentHashMap<>();

    private record Cached(String value, Instant expires) {
        @Override
        public String toString() {
            return "Cached[value=<redacted>, expires=" + expires + "]";
        }
    }

    /** @param fetch the secret's current value for a reference, or SecretUnavailable naming it */
    PrefixedSecrets(Function<String, String> fetch, String prefix, Clock clock) {
        this.fetch = fetch;
        this.prefix = prefix == null || prefix.isBlank() ? null : prefix.strip();
        SecretPrefixes.requireSlash("SECRET_PREFIX", this.prefix);
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
        String value = fetch.apply(reference);
        cache.put(reference, new Cached(value, now.plus(CACHE_FOR)));
        return value;
    }

    /** Refuses a reference outside the prefix (or any, when no prefix is set), naming it, never a value. */
    static void requireUnderPrefix(String prefix, String reference) {
        if (reference == null || reference.isBlank()) {
            throw new SecretUnavailable("no secret reference given");
        }
        if (prefix == null) {
            throw new SecretUnavailable("secret '" + reference + "' refused: SECRET_PREFIX is not set, so no secret may be read");
        }
        if (!SecretPrefixes.covers(prefix, reference)) {
            throw new SecretUnavailable("secret '" + reference + "' refused: Login Doctor reads only secrets whose names start with '"
                    + prefix + "'");
        }
    }
}
