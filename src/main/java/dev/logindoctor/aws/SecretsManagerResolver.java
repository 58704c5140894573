package dev.logindoctor.aws;

import dev.logindoctor.engine.SecretResolver;

import java.time.Clock;
import java.time.Duration;
import java.util.function.Supplier;

/** {@link PrefixedSecrets} over {@link SecretsManagerHttp}: the probe's resolver for diagnostics secrets. */
public final class SecretsManagerResolver implements SecretResolver {
    static final Duration CACHE_FOR = PrefixedSecrets.CACHE_FOR;

    private final PrefixedSecrets secrets;

    /** The client is asked for on first use, so building a resolver costs nothing on the cold path. */
    SecretsManagerResolver(Supplier<SecretsManagerHttp> client, String prefix, Clock clock) {
        this.secrets = new PrefixedSecrets(reference -> client.get().secretString(reference), prefix, clock);
    }

    @Override
    public String secretValue(String reference) {
        return secrets.secretValue(reference);
    }
}
