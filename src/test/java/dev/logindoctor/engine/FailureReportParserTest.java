package dev.logindoctor.engine;

import dev.logindoctor.model.FailureReport;
import dev.logindoctor.model.LoginFlow;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FailureReportParserTest {
    private static final Instant NOW = Instant.parse("2026-11-28T12:00:00Z");
    private final FailureReportParser parser = new FailureReportParser(Clock.fixed(NOW, ZoneOffset.UTC));

    private static final String VALID = """
            {"integrationId":"billing-sync","loginUrl":"https://acme.my.salesforce.com","username":"integration@acme.com",
             "flow":"SOAP","error":{"code":"sf:INVALID_LOGIN","description":"Invalid username, password, security token; or user locked out."},
             "failedAt":"2026-11-27T10:15:00Z","sourceIp":"203.0.113.7","credentialUpdatedAt":"2026-10-01T00:00:00Z",
             "credentialSecret":"login-doctor/billing-sync","diagnosticsSecret":"arn:aws:secretsmanager:us-east-1:123456789012:secret:login-doctor/diag-AbCdEf",
             "somethingNew":"tolerated"}
            """;

    @Test
    void aCompleteReportIsReadWithEveryField() {
        FailureReport r = parser.parse(VALID);
        assertEquals("billing-sync", r.integrationId());
        assertEquals(LoginFlow.SOAP, r.flow());
        assertEquals("INVALID_LOGIN", r.error().code(), "the sf: prefix of a SOAP fault code is stripped");
        assertEquals(Instant.parse("2026-11-27T10:15:00Z"), r.failedAt());
        assertEquals("203.0.113.7", r.sourceIp());
        assertEquals(Instant.parse("2026-10-01T00:00:00Z"), r.credentialUpdatedAt());
        assertEquals("login-doctor/billing-sync", r.credentialSecret());
    }

    @Test
    void onlyTheFourRequiredFieldsAreNeeded() {
        FailureReport r = parser.parse("""
                {"loginUrl":"https://login.salesforce.com","username":"a@b.com","flow":"oauth_password",
                 "error":{"error":"invalid_grant","error_description":"authentication failure"}}""");
        assertEquals(LoginFlow.OAUTH_PASSWORD, r.flow());
        assertEquals("invalid_grant", r.error().code());
        assertEquals("authentication failure", r.error().description());
        assertEquals(NOW, r.failedAt(), "failedAt defaults to now");
        assertNull(r.diagnosticsSecret());
        assertEquals("user:a@b.com", r.integrationKey());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "{\"username\":\"a@b.com\",\"flow\":\"SOAP\",\"error\":{\"code\":\"X\"}}|loginUrl|is required",
            "{\"loginUrl\":\"https://login.salesforce.com\",\"flow\":\"SOAP\",\"error\":{\"code\":\"X\"}}|username|is required",
            "{\"loginUrl\":\"https://login.salesforce.com\",\"username\":\"a@b.com\",\"error\":{\"code\":\"X\"}}|flow|is required",
            "{\"loginUrl\":\"https://login.salesforce.com\",\"username\":\"a@b.com\",\"flow\":\"SOAP\"}|error|is required",
            "{\"loginUrl\":42,\"username\":\"a@b.com\",\"flow\":\"SOAP\",\"error\":{\"code\":\"X\"}}|loginUrl|must be a string, not a number",
            "{\"loginUrl\":\"https://login.salesforce.com\",\"username\":\"a@b.com\",\"flow\":\"TELNET\",\"error\":{\"code\":\"X\"}}|flow|must be one of",
            "{\"loginUrl\":\"http://login.salesforce.com\",\"username\":\"a@b.com\",\"flow\":\"SOAP\",\"error\":{\"code\":\"X\"}}|loginUrl|https",
            "{\"loginUrl\":\"https://login.salesforce.com\",\"username\":\"nobody\",\"flow\":\"SOAP\",\"error\":{\"code\":\"X\"}}|username|email form",
            "{\"loginUrl\":\"https://login.salesforce.com\",\"username\":\"a@b.com\",\"flow\":\"SOAP\",\"error\":{\"code\":\"X\"},\"failedAt\":\"yesterday\"}|failedAt|ISO-8601",
            "{\"loginUrl\":\"https://login.salesforce.com\",\"username\":\"a@b.com\",\"flow\":\"SOAP\",\"error\":{\"code\":\"X\"},\"sourceIp\":\"my laptop\"}|sourceIp|IPv4",
            "{\"loginUrl\":\"https://login.salesforce.com\",\"username\":\"a@b.com\",\"flow\":\"SOAP\",\"error\":[1]}|error|must be an object",
            "{\"loginUrl\":\"https://login.salesforce.com\",\"username\":\"a@b.com\",\"flow\":\"SOAP\",\"error\":{\"description\":\"x\"}}|error.code|is required",
    })
    void aBadReportNamesTheField(String json, String field, String message) {
        InvalidReport e = assertThrows(InvalidReport.class, () -> parser.parse(json));
        assertEquals(field, e.field());
        assertTrue(e.getMessage().contains(message), e.getMessage());
    }

    @Test
    void httpIsAcceptedForLoopbackHostsOnly() {
        FailureReport r = parser.parse("""
                {"loginUrl":"http://127.0.0.1:8080","username":"a@b.com","flow":"SOAP","error":{"code":"INVALID_LOGIN"}}""");
        assertEquals("http://127.0.0.1:8080", r.loginUrl());
        assertThrows(InvalidReport.class, () -> parser.parse("""
                {"loginUrl":"http://10.0.0.5","username":"a@b.com","flow":"SOAP","error":{"code":"INVALID_LOGIN"}}"""));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "\"password\":\"Hunter2!\"|password",
            "\"securityToken\":\"AbCdEfGhIjKlMnOpQrStUvWxY\"|securityToken",
            "\"extra\":{\"client_secret\":\"s3cr3t-value\"}|extra.client_secret",
            "\"notes\":\"-----BEGIN PRIVATE KEY-----MIIEv\"|notes",
            "\"notes\":\"00D5g000004ABCD!AQ0AQKz7xYzAbCdEfGhIjKlMnOp\"|notes",
            "\"credentialSecret\":\"{\\\"password\\\":\\\"x\\\"}\"|credentialSecret",
    })
    void aReportCarryingASecretIsRefusedWithoutEchoingIt(String extra, String field) {
        String json = "{\"loginUrl\":\"https://login.salesforce.com\",\"username\":\"a@b.com\",\"flow\":\"SOAP\","
                + "\"error\":{\"code\":\"INVALID_LOGIN\"}," + extra + "}";
        InvalidReport e = assertThrows(InvalidReport.class, () -> parser.parse(json));
        assertEquals(field, e.field());
        for (String secret : new String[] {"Hunter2!", "AbCdEfGhIjKlMnOpQrStUvWxY", "s3cr3t-value", "MIIEv", "AQ0AQKz7"}) {
            assertFalse(e.getMessage().contains(secret), "the message must not echo the secret: " + e.getMessage());
        }
    }

    @Test
    void garbageIsRefusedWithThePosition() {
        InvalidReport e = assertThrows(InvalidReport.class, () -> parser.parse("{\"loginUrl\": "));
        assertNull(e.field());
        assertTrue(e.getMessage().contains("not valid JSON"), e.getMessage());
        assertThrows(InvalidReport.class, () -> parser.parse("[]"));
        assertThrows(InvalidReport.class, () -> parser.parse(""));
    }
}
