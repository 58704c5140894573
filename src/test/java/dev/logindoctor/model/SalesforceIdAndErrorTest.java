package dev.logindoctor.model;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SalesforceIdAndErrorTest {

    @Test
    void fifteenAndEighteenCharacterIdsOfOneRecordAreTheSame() {
        assertEquals("0055g00000Ab1CdAAJ", SalesforceId.to18("0055g00000Ab1Cd"));
        assertTrue(SalesforceId.same("0055g00000Ab1Cd", "0055g00000Ab1CdAAJ"));
        assertTrue(SalesforceId.same("0055g00000Ab1CdAAJ", "0055G00000AB1CDAAJ"), "an upper-cased 18-character id keeps its case in the suffix");
        assertTrue(SalesforceId.same("0055g00000Ab1CdAAJ", "0055g00000ab1cdaaj"));
        assertFalse(SalesforceId.same("0055g00000Ab1Cd", "0055g00000AB1Cd"), "15-character ids are case-sensitive");
        assertFalse(SalesforceId.same("0055g00000Ab1CdAAJ", "0055g00000Ab1CeAAJ"));
    }

    @Test
    void aWholeFaultstringInTheCodeIsSplit() {
        ReportedError e = new ReportedError("INVALID_LOGIN: Invalid username, password, security token; or user locked out.", null);
        assertEquals("INVALID_LOGIN", e.code());
        assertEquals("Invalid username, password, security token; or user locked out.", e.description());
        ReportedError prefixed = new ReportedError("sf:LOGIN_MUST_USE_SECURITY_TOKEN: Invalid username...", "");
        assertEquals("LOGIN_MUST_USE_SECURITY_TOKEN", prefixed.code());
        assertEquals("invalid_grant", new ReportedError("invalid_grant", "authentication failure").code());
        assertEquals("INVALID_LOGIN", new ReportedError("sf:INVALID_LOGIN", "x").code());
    }
}
