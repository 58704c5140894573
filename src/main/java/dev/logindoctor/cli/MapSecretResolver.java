package dev.logindoctor.cli;

import dev.logindoctor.engine.SecretResolver;

import java.util.Map;

/** Secrets held in memory: the demo's diagnostics secret, made by the simulated org at start. */
final class MapSecretResolver implements SecretResolver {
    private final Map<String, String> secrets;

    MapSecretResolver(Map<String, String> secrets) {
        this.secrets = Map.copyOf(secrets);
    }

    @Override
    public String secretValue(String reference) {
        String value = secrets.get(reference);
        if (value == null) {
            throw new SecretUnavailable("secret '" + reference + "' is not known to this run");
        }
        return value;
    }
}
