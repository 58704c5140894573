package dev.logindoctor.probe;

import dev.logindoctor.engine.SecretResolver;

/** Reads an integration's credential secret together with its version (Secrets Manager on AWS, the --secrets file locally). */
public interface CredentialStore {

    /** The current version, or throws {@link SecretResolver.SecretUnavailable} naming the reference, never a value. */
    VersionedSecret read(String reference);
}
