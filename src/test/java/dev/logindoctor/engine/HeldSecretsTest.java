package dev.logindoctor.engine;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What a process holds is blanked in every form; a full store forgets its oldest forms, never the ones still in use. */
class HeldSecretsTest {

    @AfterEach
    void forget() {
        HeldSecrets.forgetAll();
    }

    @Test
    void aHeldTokenIsBlankedRawUrlEncodedAndInAnyCase() {
        HeldSecrets.hold("00Dxx0000001gPL!AQ4AQFbeKx");
        assertEquals("echo [redacted] and [redacted] and [redacted]",
                HeldSecrets.redact("echo 00Dxx0000001gPL!AQ4AQFbeKx and 00Dxx0000001gPL%21AQ4AQFbeKx and 00DXX0000001GPL!AQ4AQFBEKX"));
    }

    @Test
    void aWarmProcessPastItsBoundStillBlanksTheSecretItHeldRecently() {
        for (int i = 0; i < 4095; i++) {
            HeldSecrets.hold("filler" + i + "secretvalue");
        }
        HeldSecrets.hold("recentDiagnosticsToken42");
        HeldSecrets.hold("oneMoreSecretThatOverflows");

        assertTrue(HeldSecrets.leaks("token recentDiagnosticsToken42"), "the store forgot a secret still in use");
        assertTrue(HeldSecrets.leaks("oneMoreSecretThatOverflows"));
        assertFalse(HeldSecrets.leaks("filler0secretvalue"), "the oldest form is the one forgotten");
    }
}
