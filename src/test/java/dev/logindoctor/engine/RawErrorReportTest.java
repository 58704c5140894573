package dev.logindoctor.engine;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.logindoctor.json.Json;
import dev.logindoctor.model.FailureReport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The error as the integration got it, in rawError: each client's shape gives the same code and description. */
class RawErrorReportTest {
    private static final String LOCKED_OUT = "Invalid username, password, security token; or user locked out.";
    private final FailureReportParser parser = new FailureReportParser(Clock.fixed(Instant.parse("2026-11-28T12:00:00Z"), ZoneOffset.UTC));

    private FailureReport withRaw(String raw) {
        ObjectNode report = Json.MAPPER.createObjectNode()
                .put("loginUrl", "https://acme.my.salesforce.com").put("username", "integration@acme.com")
                .put("flow", "SOAP").put("rawError", raw);
        return parser.parse(report.toString());
    }

    private InvalidReport refusal(String raw) {
        return assertThrows(InvalidReport.class, () -> withRaw(raw));
    }

    @ParameterizedTest
    @ValueSource(strings = {
            // the SOAP fault body Salesforce sends (partner API)
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?><soapenv:Envelope xmlns:soapenv=\"http://schemas.xmlsoap.org/soap/envelope/\" "
                    + "xmlns:sf=\"urn:fault.partner.soap.sforce.com\" xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\"><soapenv:Body>"
                    + "<soapenv:Fault><faultcode>sf:INVALID_LOGIN</faultcode><faultstring>INVALID_LOGIN: Invalid username, password, "
                    + "security token; or user locked out.</faultstring><detail><sf:LoginFault xsi:type=\"sf:LoginFault\">"
                    + "<sf:exceptionCode>INVALID_LOGIN</sf:exceptionCode><sf:exceptionMessage>Invalid username, password, security token; "
                    + "or user locked out.</sf:exceptionMessage></sf:LoginFault></detail></soapenv:Fault></soapenv:Body></soapenv:Envelope>",
            // a fault without the detail element
            "<soapenv:Envelope xmlns:soapenv=\"http://schemas.xmlsoap.org/soap/envelope/\"><soapenv:Body><soapenv:Fault>"
                    + "<faultcode>sf:INVALID_LOGIN</faultcode><faultstring>INVALID_LOGIN: Invalid username, password, security token; "
                    + "or user locked out.</faultstring></soapenv:Fault></soapenv:Body></soapenv:Envelope>",
            // jsforce: err.message, and String(err)
            "INVALID_LOGIN: Invalid username, password, security token; or user locked out.",
            "Error: INVALID_LOGIN: Invalid username, password, security token; or user locked out.",
            // simple-salesforce 1.12.10: f"{type(e).__name__}: {e}", str(e) being "Authentication failed (code: {code}): {message}"
            "SalesforceAuthenticationFailed: Authentication failed (code: INVALID_LOGIN): Invalid username, password, security token; or user locked out.",
            // older simple-salesforce, where str(e) was "{code}: {message}"
            "SalesforceAuthenticationFailed: sf:INVALID_LOGIN: INVALID_LOGIN: Invalid username, password, security token; or user locked out.",
            // the Java WSC LoginFault's toString()
            "[LoginFault [ApiFault  exceptionCode='INVALID_LOGIN'\n exceptionMessage='Invalid username, password, security token; "
                    + "or user locked out.'\n extendedErrorDetails='{[0]}'\n]\n]\n",
            "com.sforce.soap.partner.fault.LoginFault: exceptionCode='INVALID_LOGIN' exceptionMessage='Invalid username, password, "
                    + "security token; or user locked out.'"})
    void everyClientsShapeOfTheSoapRefusalGivesTheSameError(String raw) {
        FailureReport report = withRaw(raw);
        assertEquals("INVALID_LOGIN", report.error().code());
        assertEquals(LOCKED_OUT, report.error().description());
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "{\"error\":\"invalid_grant\",\"error_description\":\"authentication failure\"}",
            "invalid_grant: authentication failure",
            "invalid_grant: invalid_grant: authentication failure",
            "SalesforceAuthenticationFailed: invalid_grant: authentication failure",
            "SalesforceAuthenticationFailed: Authentication failed (code: invalid_grant): authentication failure"})
    void anOAuthRefusalAsBodyOrExceptionTextGivesTheOAuthError(String raw) {
        FailureReport report = withRaw(raw);
        assertEquals("invalid_grant", report.error().code());
        assertEquals("authentication failure", report.error().description());
    }

    @Test
    void xmlEntitiesInTheFaultAreDecoded() {
        FailureReport report = withRaw("<soapenv:Envelope><soapenv:Body><soapenv:Fault><faultcode>sf:LOGIN_MUST_USE_SECURITY_TOKEN</faultcode>"
                + "<faultstring>LOGIN_MUST_USE_SECURITY_TOKEN: Invalid username, password, security token; or user locked out. "
                + "Are you at a new location? When accessing Salesforce--either via a desktop client or the API--from outside of "
                + "your company&apos;s trusted networks, you must add a security token to your password to log in.</faultstring>"
                + "</soapenv:Fault></soapenv:Body></soapenv:Envelope>");
        assertEquals("LOGIN_MUST_USE_SECURITY_TOKEN", report.error().code());
        assertFalse(report.error().description().contains("&apos;"));
    }

    @Test
    void textWithoutAnErrorCodeIsRefusedRatherThanGuessed() {
        InvalidReport e = refusal("java.net.SocketTimeoutException: Read timed out");
        assertEquals("rawError", e.field());
    }

    @ParameterizedTest
    @ValueSource(strings = {
            // simple-salesforce when the body was not a fault: the HTTP status stands where the code would be
            "SalesforceAuthenticationFailed: Authentication failed (code: 500): <html>Internal Server Error</html>",
            // and when Salesforce's answer had no code at all
            "SalesforceAuthenticationFailed: Authentication failed: Invalid username, password, security token; or user locked out."})
    void simpleSalesforceWithoutASalesforceCodeIsRefusedRatherThanGuessed(String raw) {
        assertEquals("rawError", refusal(raw).field());
    }

    @Test
    void aJsonBodyWithoutAnOAuthErrorIsRefused() {
        assertEquals("rawError", refusal("{\"message\":\"hello\"}").field());
        assertEquals("rawError", refusal("{not json").field());
    }

    @Test
    void aLoginResponseWithASessionIsRefusedAndNotEchoed() {
        String session = "00D5g000004Xyz1!AQ8AQJ9n0pNq3xYzAbCdEfGhIjKlMnOpQrStUvWxYz";
        InvalidReport xml = refusal("<soapenv:Envelope><soapenv:Body><loginResponse><result><sessionId>" + session
                + "</sessionId></result></loginResponse></soapenv:Body></soapenv:Envelope>");
        assertEquals("rawError", xml.field());
        assertFalse(xml.getMessage().contains(session));
        InvalidReport json = refusal("{\"access_token\":\"opaque-value-without-a-shape\",\"instance_url\":\"https://acme.my.salesforce.com\"}");
        assertEquals("rawError.access_token", json.field());
        assertFalse(json.getMessage().contains("opaque-value"));
    }

    @Test
    void errorAndRawErrorTogetherAreRefused() {
        InvalidReport e = assertThrows(InvalidReport.class, () -> parser.parse("""
                {"loginUrl":"https://acme.my.salesforce.com","username":"a@b.com","flow":"SOAP",
                 "error":{"code":"INVALID_LOGIN"},"rawError":"INVALID_LOGIN: x"}"""));
        assertEquals("rawError", e.field());
    }

    @Test
    void aRawErrorThatIsNotTextIsRefusedNamingTheField() {
        InvalidReport e = assertThrows(InvalidReport.class, () -> parser.parse("""
                {"loginUrl":"https://acme.my.salesforce.com","username":"a@b.com","flow":"SOAP","rawError":{"code":"X_Y"}}"""));
        assertEquals("rawError", e.field());
    }
}
