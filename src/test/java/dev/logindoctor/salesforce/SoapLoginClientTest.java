package dev.logindoctor.salesforce;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamReader;
import java.io.StringReader;
import java.util.HashMap;
import java.util.Map;

import static dev.logindoctor.salesforce.ContractServer.fixture;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * SOAP login() against the documented success and fault envelopes
 * (docs/salesforce-wire-facts.md#soap-login-success, docs/salesforce-wire-facts.md#soap-login-faults).
 */
class SoapLoginClientTest {
    static final String SOAP = "/services/Soap/u/62.0";
    private final ContractServer server = new ContractServer();
    private final SoapLoginClient client = new SoapLoginClient(new HttpTransport());
    private final IntegrationCredentials credentials = IntegrationCredentials.parse(
            "{\"password\":\"" + KnownSecrets.PASSWORD + "\",\"securityToken\":\"" + KnownSecrets.SECURITY_TOKEN + "\"}");

    @AfterEach
    void stop() {
        server.close();
    }

    private LoginSuccess login() {
        return client.login(server.baseUrl(), "62.0", "integration@acme.com", credentials);
    }

    private LoginRejected rejected(ContractServer.Responder responder) {
        server.on("POST", SOAP, responder);
        LoginRejected e = assertThrows(LoginRejected.class, this::login);
        KnownSecrets.assertAbsent("SOAP rejection", e);
        return e;
    }

    @Test
    void theRequestIsAPartnerLoginEnvelopeWithThePasswordAndTokenEscaped() throws Exception {
        server.on("POST", SOAP, fixture(200, "soap-login-success.xml"));
        login();
        ContractServer.Received req = server.requests().get(0);
        assertEquals("text/xml; charset=UTF-8", req.header("Content-Type"));
        assertEquals("login", req.header("SOAPAction"));
        Map<String, String> sent = new HashMap<>();
        XMLStreamReader r = XMLInputFactory.newFactory().createXMLStreamReader(new StringReader(req.body()));
        String element = null;
        while (r.hasNext()) {
            int ev = r.next();
            if (ev == XMLStreamConstants.START_ELEMENT) {
                element = r.getLocalName();
                if (element.equals("login")) {
                    assertEquals("urn:partner.soap.sforce.com", r.getNamespaceURI());
                }
            } else if (ev == XMLStreamConstants.CHARACTERS && element != null) {
                sent.merge(element, r.getText(), String::concat);
            }
        }
        assertEquals("integration@acme.com", sent.get("username"));
        assertEquals(KnownSecrets.PASSWORD + KnownSecrets.SECURITY_TOKEN, sent.get("password"), "password + token, '&' escaped on the wire");
        assertTrue(req.body().contains("&amp;"));
    }

    @Test
    void aLoginResultBecomesASuccessWithTheSessionHidden() {
        server.on("POST", SOAP, fixture(200, "soap-login-success.xml"));
        LoginSuccess s = login();
        assertEquals("https://acme.my.salesforce.com", s.instanceUrl());
        assertEquals("0055g00000InTeGAAV", s.userId());
        assertEquals("00D5g00000ABCDEEA2", s.orgId());
        assertEquals(Boolean.FALSE, s.sandbox());
        assertFalse(s.passwordExpired());
        assertEquals(KnownSecrets.SESSION_ID, s.accessToken().value());
        KnownSecrets.assertAbsent("LoginSuccess.toString", s.toString());
    }

    @Test
    void aFaultWithTheSfPrefixIsRejectedWithTheLoginFaultsCode() {
        LoginRejected e = rejected(fixture(500, "soap-fault-invalid-login.xml"));
        assertEquals("INVALID_LOGIN", e.code());
        assertEquals("Invalid username, password, security token; or user locked out.", e.description());
        assertEquals(500, e.httpStatus());
    }

    @Test
    void aBareFaultCodeWithoutDetailIsReadFromFaultcodeAndFaultstring() {
        LoginRejected e = rejected(fixture(500, "soap-fault-invalid-login-bare.xml"));
        assertEquals("INVALID_LOGIN", e.code());
        assertEquals("Invalid username, password, security token; or user locked out.", e.description());
    }

    @Test
    void theSecurityTokenFaultKeepsItsWholeText() {
        LoginRejected e = rejected(fixture(500, "soap-fault-security-token.xml"));
        assertEquals("LOGIN_MUST_USE_SECURITY_TOKEN", e.code());
        assertTrue(e.description().contains("Are you at a new location?"), e.description());
    }

    @Test
    void anUnexpectedErrorFaultIsARejectionToo() {
        LoginRejected e = rejected(fixture(500, "soap-fault-unexpected-error.xml"));
        assertEquals("UNKNOWN_EXCEPTION", e.code());
        assertTrue(e.description().startsWith("An unexpected error occurred."));
    }

    @Test
    void aLightningHostsOnlyPostAllowedIsAnHttp405Rejection() {
        LoginRejected e = rejected(ContractServer.body(405, "text/plain", Fixtures.read("soap-405-only-post.txt")));
        assertEquals("HTTP_405", e.code());
        assertEquals("Only POST allowed", e.description());
        assertEquals(405, e.httpStatus());
    }

    @Test
    void anHtmlServerErrorIsUnavailableAndGarbageIsMalformed() {
        server.on("POST", SOAP, fixture(502, "html-error-page.html"), ContractServer.body(200, "text/plain", "hello"),
                ContractServer.body(200, "text/xml", "<soapenv:Envelope><unclosed>"));
        assertThrows(SalesforceUnavailable.class, this::login);
        assertTrue(assertThrows(MalformedResponse.class, this::login).getMessage().startsWith("SOAP login body was not a SOAP envelope"));
        assertTrue(assertThrows(MalformedResponse.class, this::login).getMessage().startsWith("SOAP login body was not well-formed XML"));
    }

    @Test
    void aBodyWithAnExternalEntityIsNotExpanded() {
        String xxe = "<?xml version=\"1.0\"?><!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]>"
                + "<soapenv:Envelope xmlns:soapenv=\"http://schemas.xmlsoap.org/soap/envelope/\"><soapenv:Body><soapenv:Fault>"
                + "<faultcode>sf:INVALID_LOGIN</faultcode><faultstring>&e;</faultstring></soapenv:Fault></soapenv:Body></soapenv:Envelope>";
        server.on("POST", SOAP, ContractServer.body(500, "text/xml", xxe));
        SalesforceException e = assertThrows(SalesforceException.class, this::login);
        assertFalse(e.getMessage().contains("root:"), e.getMessage());
    }

    @Test
    void aFaultThatEchoesThePasswordCannotLeakIt() {
        String echoed = SoapLoginClient.xmlEscape(KnownSecrets.PASSWORD + KnownSecrets.SECURITY_TOKEN);
        LoginRejected e = rejected(ContractServer.body(500, "text/xml", Fixtures.read("soap-fault-invalid-login.xml")
                .replace("user locked out.</sf:exceptionMessage>", "user locked out. You sent " + echoed + "</sf:exceptionMessage>")));
        assertEquals("INVALID_LOGIN", e.code());
        // Value-based redaction blanks the password and the token each where they stand.
        assertTrue(e.description().contains("You sent [redacted]"), e.description());
        assertFalse(e.description().contains(KnownSecrets.PASSWORD), e.description());
        assertFalse(e.description().contains(KnownSecrets.SECURITY_TOKEN), e.description());
    }

    @Test
    void aCredentialWithoutPasswordIsRefusedBeforeSending() {
        UnusableCredentials e = assertThrows(UnusableCredentials.class,
                () -> client.login(server.baseUrl(), "62.0", "integration@acme.com", IntegrationCredentials.parse("{\"clientId\":\"x\"}")));
        assertEquals("the integration's credential secret has no password, which SOAP login() needs", e.getMessage());
        assertTrue(server.requests().isEmpty());
    }
}
