package dev.logindoctor.engine;

import dev.logindoctor.model.FailureReport;
import dev.logindoctor.model.LoginFlow;
import dev.logindoctor.model.ReportedError;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Reports an attacker or a broken integration would send: each ends in a clean refusal naming the field. */
class HostileReportTest {
    private static final Instant NOW = Instant.parse("2026-11-28T12:00:00Z");
    private final FailureReportParser parser = new FailureReportParser(Clock.fixed(NOW, ZoneOffset.UTC));

    private static final String MINIMAL = "{\"loginUrl\":\"https://login.salesforce.com\",\"username\":\"a@b.com\",\"flow\":\"SOAP\","
            + "\"error\":{\"code\":\"INVALID_LOGIN\"}";

    private static String with(String extra) {
        return MINIMAL + "," + extra + "}";
    }

    private InvalidReport refused(String json) {
        return assertThrows(InvalidReport.class, () -> parser.parse(json));
    }

    @Test
    void aReportSavedWithAUtf8ByteOrderMarkIsRead() {
        assertEquals("a@b.com", parser.parse("\uFEFF" + MINIMAL + "}").username());
    }

    @Test
    void trailingGarbageAfterTheObjectIsRefused() {
        InvalidReport e = refused(MINIMAL + "} {\"x\":1}");
        assertTrue(e.getMessage().contains("after the report"), e.getMessage());
    }

    @Test
    void jsonNestedBeyondJacksonsLimitIsACleanRefusalNotACrash() {
        String deep = "[".repeat(5000) + "]".repeat(5000);
        InvalidReport e = refused(with("\"x\":" + deep));
        assertTrue(e.getMessage().contains("not valid JSON") || e.getMessage().contains("too"), e.getMessage());
    }

    @Test
    void aThousandDigitNumberIsACleanRefusal() {
        refused(with("\"x\":" + "9".repeat(1001)));
        refused(with("\"x\":1." + "9".repeat(1001)));
    }

    @Test
    void aTwentyMegabyteStringIsACleanRefusal() {
        InvalidReport e = refused(with("\"x\":\"" + "a".repeat(21_000_000) + "\""));
        assertFalse(e.getMessage().contains("aaaa"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"userPassword", "sfdcPassword", "bearerToken", "privateKeyPem", "client-secret", "SESSION_ID",
            "x_api_key", "Password2", "refreshTokenValue", "passwd", "authorizationHeader", "sessionId"})
    void aCompoundSecretNameIsRefusedWherever(String name) {
        InvalidReport top = refused(with("\"" + name + "\":\"hunter2\""));
        assertEquals(name, top.field());
        InvalidReport nested = refused(with("\"extra\":{\"deep\":[{\"" + name + "\":\"hunter2\"}]}"));
        assertEquals("extra.deep[0]." + name, nested.field());
        assertFalse(nested.getMessage().contains("hunter2"));
    }

    @Test
    void theDocumentedReferenceFieldsAreNotMistakenForSecrets() {
        FailureReport r = parser.parse(with("\"credentialSecret\":\"login-doctor/a\",\"diagnosticsSecret\":\"login-doctor/d\","
                + "\"credentialUpdatedAt\":\"2026-10-01T00:00:00Z\""));
        assertEquals("login-doctor/d", r.diagnosticsSecret());
    }

    @ParameterizedTest
    @ValueSource(strings = {"00Dxx0000001gPL!AQ4AQFakeSessionValue1234567890", "00Dxx0000001gPL%21AQ4AQFakeSessionValue1234567890",
            "-----BEGIN RSA PRIVATE KEY-----\\nMIIE"})
    void aValueThatLooksLikeASessionIdOrKeyIsRefusedInAnyField(String value) {
        assertEquals("note", refused(with("\"note\":\"" + value + "\"")).field());
        assertEquals("error.description", refused(MINIMAL.replace("\"code\":\"INVALID_LOGIN\"",
                "\"code\":\"INVALID_LOGIN\",\"description\":\"" + value + "\"") + "}").field());
    }

    @ParameterizedTest
    @ValueSource(strings = {":::::", "1:2", "::g", "1.2.3", "256.1.1.1", "1:2:3:4:5:6:7:8:9", "fe80::1%eth0"})
    void aSourceIpThatIsNoAddressIsRefused(String ip) {
        assertEquals("sourceIp", refused(with("\"sourceIp\":\"" + ip + "\"")).field());
    }

    @ParameterizedTest
    @ValueSource(strings = {"2001:db8::7", "::1", "::ffff:203.0.113.7", "203.0.113.7"})
    void aRealSourceIpIsKept(String ip) {
        assertEquals(ip, parser.parse(with("\"sourceIp\":\"" + ip + "\"")).sourceIp());
    }

    @Test
    void aUsernameLongerThanSalesforcesEightyCharactersIsRefused() {
        String longName = "a".repeat(75) + "@b.com";
        assertEquals("username", refused(MINIMAL.replace("a@b.com", longName) + "}").field());
        String eighty = "a".repeat(74) + "@b.com";
        assertEquals(eighty, parser.parse(MINIMAL.replace("a@b.com", eighty) + "}").username());
    }

    @Test
    void aTypedReportIsValidatedWithTheSameRulesWithoutGoingThroughJson() {
        FailureReport fine = new FailureReport(null, "https://login.salesforce.com", "a@b.com", LoginFlow.SOAP,
                new ReportedError("INVALID_LOGIN", ""), NOW, null, null, null, null);
        assertEquals(fine, FailureReportRules.check(fine));
        FailureReport badIp = new FailureReport(null, "https://login.salesforce.com", "a@b.com", LoginFlow.SOAP,
                new ReportedError("INVALID_LOGIN", ""), NOW, ":::::", null, null, null);
        assertEquals("sourceIp", assertThrows(InvalidReport.class, () -> FailureReportRules.check(badIp)).field());
        FailureReport noFlow = new FailureReport(null, "https://login.salesforce.com", "a@b.com", null,
                new ReportedError("INVALID_LOGIN", ""), NOW, null, null, null, null);
        assertEquals("flow", assertThrows(InvalidReport.class, () -> FailureReportRules.check(noFlow)).field());
        FailureReport leaking = new FailureReport(null, "https://login.salesforce.com", "a@b.com", LoginFlow.SOAP,
                new ReportedError("INVALID_LOGIN", "session 00Dxx0000001gPL!AQ4AQFakeSessionValue1234567890"), NOW, null, null, null, null);
        assertEquals("error.description", assertThrows(InvalidReport.class, () -> FailureReportRules.check(leaking)).field());
    }
}
