package dev.logindoctor.engine;

/**
 * Resolves a secret reference (a name or ARN from a failure report) to its value: Secrets Manager
 * on AWS, the {@code --secrets} file locally. Values never leave the process: not logged, not
 * stored, not put in state or output.
 */
public interface SecretResolver {

    /** The secret's current value (a JSON object as text), or throws {@link SecretUnavailable}. */
    String secretValue(String reference);

    /** A secret that cannot be read; the message names the reference, never the value. */
    final class SecretUnavailable extends RuntimeException {
        public SecretUnavailable(String message) {
            super(message, null, false, false);
        }
    }
}
