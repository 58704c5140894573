package dev.logindoctor.aws;

import dev.logindoctor.engine.SecretResolver.SecretUnavailable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

@ExtendWith(MotoServer.class)
class SecretsManagerResolverTest {
    private static final String VALUE = "{\"privateKey\":\"-----BEGIN PRIVATE KEY-----\\nMIIEvQ-known-test-value\\n-----END PRIVATE KEY-----\"}";

    private final SecretsManagerClient secretsManager;
    private final String prefix = "login-doctor-" + UUID.randomUUID().toString().substring(0, 8) + "/";
    private final AtomicInteger clientRequests = new AtomicInteger();
    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-27T10:15:00Z"));
    private final SecretsManagerResolver resolver;
    private final MotoServer.Moto moto;


    SecretsManagerResolverTest(MotoServer.Moto moto) {
        this.moto = moto;
        secretsManager = moto.secretsManager();
        resolver = new SecretsManagerResolver(() -> {
            clientRequests.incrementAndGet();
            return moto.secrets();
        }, prefix, clock);
    }

    @Test
    void aSecretUnderThePrefixIsReadByNameOrArn() {
        String arn = secretsManager.createSecret(c -> c.name(prefix + "diagnostics").secretString(VALUE)).arn();
        assertEquals(VALUE, resolver.secretValue(prefix + "diagnostics"));
        assertEquals(VALUE, resolver.secretValue(arn));
    }

    @Test
    void aSecretOutsideThePrefixIsRefusedWithoutAskingSecretsManager() {
        secretsManager.createSecret(c -> c.name("someone-else/" + prefix + "db").secretString(VALUE));
        SecretUnavailable refused = assertThrows(SecretUnavailable.class, () -> resolver.secretValue("someone-else/" + prefix + "db"));
        assertTrue(refused.getMessage().contains("'someone-else/" + prefix + "db' refused"), refused.getMessage());
        assertFalse(refused.getMessage().contains("known-test-value"));
        assertThrows(SecretUnavailable.class,
                () -> resolver.secretValue("arn:aws:secretsmanager:us-east-1:123456789012:secret:other/db-AbCdEf"));
        assertEquals(0, clientRequests.get());
    }

    @Test
    void withoutAPrefixNothingIsRead() {
        SecretsManagerResolver unconfigured = new SecretsManagerResolver(moto::secrets, null, clock);
        SecretUnavailable refused = assertThrows(SecretUnavailable.class, () -> unconfigured.secretValue(prefix + "diagnostics"));
        assertTrue(refused.getMessage().contains("SECRET_PREFIX is not set"), refused.getMessage());
    }

    @Test
    void aMissingSecretIsNamedInTheError() {
        SecretUnavailable missing = assertThrows(SecretUnavailable.class, () -> resolver.secretValue(prefix + "nowhere"));
        assertTrue(missing.getMessage().contains("'" + prefix + "nowhere' does not exist"), missing.getMessage());
    }

    @Test
    void aValueIsCachedBrieflyThenReadAgain() {
        String name = prefix + "rotating";
        secretsManager.createSecret(c -> c.name(name).secretString("{\"v\":1}"));
        assertEquals("{\"v\":1}", resolver.secretValue(name));
        secretsManager.putSecretValue(p -> p.secretId(name).secretString("{\"v\":2}"));

        clock.advanceSeconds(SecretsManagerResolver.CACHE_FOR.toSeconds() - 1);
        assertEquals("{\"v\":1}", resolver.secretValue(name), "a warm instance reuses the value for a few minutes");
        clock.advanceSeconds(2);
        assertEquals("{\"v\":2}", resolver.secretValue(name), "then reads it again, so a rotation is picked up");
    }

    static final class MutableClock extends Clock {
        private Instant now;

        MutableClock(Instant now) {
            this.now = now;
        }

        void advanceSeconds(long seconds) {
            now = now.plusSeconds(seconds);
        }

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
