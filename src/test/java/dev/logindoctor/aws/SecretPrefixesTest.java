package dev.logindoctor.aws;

import dev.logindoctor.engine.InvalidReport;
import org.junit.jupiter.api.Test;

import java.time.Clock;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Where a report's secrets may point: Intake's door check, and the readers' own. */
class SecretPrefixesTest {
    private final SecretPrefixes prefixes = new SecretPrefixes("login-doctor/", "login-doctor/diagnostics/");

    @Test
    void aDiagnosticsSecretOutsideTheStepsPrefixIsRefusedNamingTheFieldThoughItLiesInsideTheAppPrefix() {
        // The steps could not read it (their policy and SECRET_PREFIX cover only the diagnostics prefix).
        InvalidReport e = assertThrows(InvalidReport.class, () -> prefixes.check("login-doctor/integrations/billing",
                "login-doctor/integrations/billing"));
        assertEquals("diagnosticsSecret", e.field());
        assertTrue(e.getMessage().contains("login-doctor/diagnostics/"), e.getMessage());
    }

    @Test
    void aLookAlikeNameIsNotUnderThePrefix() {
        SecretPrefixes app = new SecretPrefixes("login-doctor/", null);
        InvalidReport e = assertThrows(InvalidReport.class, () -> app.check("login-doctor-prod-db/master", null));
        assertEquals("credentialSecret", e.field());
    }

    @Test
    void secretsUnderTheirPrefixesPassByNameOrArn() {
        assertDoesNotThrow(() -> prefixes.check("login-doctor/integrations/billing",
                "arn:aws:secretsmanager:eu-west-1:123456789012:secret:login-doctor/diagnostics/acme-AbCdEf"));
        assertDoesNotThrow(() -> prefixes.check(null, "login-doctor/diagnostics/acme"));
    }

    @Test
    void aPrefixWithoutTrailingSlashOrADiagnosticsPrefixOutsideTheAppPrefixFailsAtInitNamingTheVariable() {
        assertTrue(assertThrows(IllegalArgumentException.class, () -> new SecretPrefixes("login-doctor", null))
                .getMessage().contains("SECRET_PREFIX"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> new SecretPrefixes("login-doctor/", "login-doctor/diagnostics"))
                .getMessage().contains("DIAGNOSTICS_SECRET_PREFIX"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> new SecretPrefixes("login-doctor/", "other/diagnostics/"))
                .getMessage().contains("inside SECRET_PREFIX"));
    }

    @Test
    void theStepsSecretReaderRefusesAPrefixWithoutTrailingSlash() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new PrefixedSecrets(reference -> "value", "login-doctor/diagnostics", Clock.systemUTC()));
        assertTrue(e.getMessage().contains("SECRET_PREFIX"), e.getMessage());
    }
}
