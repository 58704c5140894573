package dev.logindoctor.aws;

import dev.logindoctor.engine.SecretResolver.SecretUnavailable;
import dev.logindoctor.probe.VersionedSecret;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;

import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Credential versions from moto's Secrets Manager: a rotation is a new VersionId, seen at once. */
@ExtendWith(MotoServer.class)
class SecretsManagerCredentialStoreTest {
    private static final String PASSWORD = "Spring2026!Billing";
    private final SecretsManagerClient secrets;
    private final String name = "login-doctor/billing-" + UUID.randomUUID();
    private final SecretsManagerCredentialStore store;
    private final MotoServer.Moto moto;


    SecretsManagerCredentialStoreTest(MotoServer.Moto moto) {
        this.moto = moto;
        secrets = moto.secretsManager();
        store = new SecretsManagerCredentialStore(moto::secrets, "login-doctor/");
    }

    @Test
    void aRotationIsANewVersionSeenByTheVeryNextRead() {
        String first = secrets.createSecret(c -> c.name(name).secretString("{\"password\":\"" + PASSWORD + "\"}")).versionId();
        VersionedSecret read = store.read(name);
        assertEquals(first, read.version());
        assertNotNull(read.createdAt());
        assertTrue(read.value().contains(PASSWORD));
        assertFalse(read.toString().contains(PASSWORD));

        String second = secrets.putSecretValue(p -> p.secretId(name).secretString("{\"password\":\"Summer2026!Billing\"}")).versionId();
        VersionedSecret rotated = store.read(name);
        assertNotEquals(first, second);
        assertEquals(second, rotated.version(), "no cache between runs: the new version at once");
        assertTrue(rotated.value().contains("Summer2026!Billing"));
    }

    @Test
    void secretsOutsideThePrefixOrMissingAreRefusedByName() {
        SecretUnavailable foreign = assertThrows(SecretUnavailable.class, () -> store.read("prod/db-master"));
        assertTrue(foreign.getMessage().contains("prod/db-master") && foreign.getMessage().contains("login-doctor/"), foreign.getMessage());
        SecretUnavailable missing = assertThrows(SecretUnavailable.class, () -> store.read("login-doctor/none-" + UUID.randomUUID()));
        assertTrue(missing.getMessage().contains("does not exist"), missing.getMessage());
        assertThrows(SecretUnavailable.class, () -> new SecretsManagerCredentialStore(moto::secrets, null).read(name),
                "no prefix configured: nothing is read");
    }
}
