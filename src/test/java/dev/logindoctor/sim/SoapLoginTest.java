package dev.logindoctor.sim;

import dev.logindoctor.model.LoginHistoryRow;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** SOAP login() over the wire: the envelopes, the faults, and the history rows they leave. */
class SoapLoginTest {
    static final String UNTRUSTED_IP = "203.0.113.7";
    static final String TRUSTED_IP = "198.51.100.20";
    static final String PASSWORD = "Spring2026!Billing";
    static final String TOKEN = "aK9fT3xQ2mV7pL4sR8wE1zYb";

    SimulatedOrg org;

    @BeforeEach
    void start() {
        org = SimHttp.testOrg();
    }

    @AfterEach
    void stop() {
        org.close();
    }

    @Test
    void wrongPasswordIsHttp500InvalidLoginFaultWithTheExactEnvelope() {
        SimHttp.Reply r = SimHttp.soapLogin(org, "svc@acme.com", "nope" + TOKEN, UNTRUSTED_IP);

        assertEquals(500, r.status());
        assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("text/xml"));
        assertEquals("<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
                + "<soapenv:Envelope xmlns:soapenv=\"http://schemas.xmlsoap.org/soap/envelope/\" xmlns:sf=\"urn:fault.partner.soap.sforce.com\""
                + " xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\"><soapenv:Body><soapenv:Fault>"
                + "<faultcode>sf:INVALID_LOGIN</faultcode>"
                + "<faultstring>INVALID_LOGIN: Invalid username, password, security token; or user locked out.</faultstring>"
                + "<detail><sf:LoginFault xsi:type=\"sf:LoginFault\"><sf:exceptionCode>INVALID_LOGIN</sf:exceptionCode>"
                + "<sf:exceptionMessage>Invalid username, password, security token; or user locked out.</sf:exceptionMessage>"
                + "</sf:LoginFault></detail></soapenv:Fault></soapenv:Body></soapenv:Envelope>", r.body());
        LoginHistoryRow row = org.loginHistory("svc@acme.com").getFirst();
        assertEquals("Invalid Password", row.status());
        assertEquals(UNTRUSTED_IP, row.sourceIp());
        assertEquals("SOAP Partner", row.apiType());
        assertEquals("62.0", row.apiVersion());
        assertEquals("SimTest", row.application());
    }

    @Test
    void passwordWithTokenLogsInAndReturnsTheLoginResult() {
        SimHttp.Reply r = SimHttp.soapLogin(org, "SVC@acme.com", PASSWORD + TOKEN, UNTRUSTED_IP);

        assertEquals(200, r.status());
        assertTrue(r.body().contains("<loginResponse><result><metadataServerUrl>" + org.baseUrl() + "/services/Soap/m/62.0/00D5g000004SxQl<"), r.body());
        assertTrue(r.body().contains("<passwordExpired>false</passwordExpired><sandbox>false</sandbox>"));
        assertTrue(r.body().contains("<serverUrl>" + org.baseUrl() + "/services/Soap/u/62.0/00D5g000004SxQl</serverUrl>"));
        assertTrue(r.body().contains("<sessionId>00D5g000004SxQl!"));
        assertTrue(r.body().contains("<userId>0055g00000Ab1CdAAJ</userId>"));
        assertTrue(r.body().contains("<organizationId>00D5g000004SxQlEAK</organizationId>"));
        assertTrue(r.body().contains("<profileId>00e5g000001Kq2TAAS</profileId>"));
        assertTrue(r.body().contains("<userName>svc@acme.com</userName>"));
        assertEquals("Success", org.loginHistory("svc@acme.com").getFirst().status());
    }

    @Test
    void rightPasswordWithoutTokenFromUntrustedIpMustUseSecurityToken() {
        SimHttp.Reply r = SimHttp.soapLogin(org, "svc@acme.com", PASSWORD, UNTRUSTED_IP);

        assertEquals(500, r.status());
        assertTrue(r.body().contains("<faultcode>sf:LOGIN_MUST_USE_SECURITY_TOKEN</faultcode>"));
        assertTrue(r.body().contains("Are you at a new location?"));
        assertEquals("Failed: API security token required", org.loginHistory("svc@acme.com").getFirst().status());
    }

    @Test
    void trustedIpNeedsNoToken() {
        assertEquals(200, SimHttp.soapLogin(org, "svc@acme.com", PASSWORD, TRUSTED_IP).status());
    }

    @Test
    void staleTokenIsInvalidPassword() {
        SimHttp.Reply r = SimHttp.soapLogin(org, "svc@acme.com", PASSWORD + "OLDTOKENOLDTOKENOLDTOKEN", UNTRUSTED_IP);

        assertTrue(r.body().contains("<sf:exceptionCode>INVALID_LOGIN</sf:exceptionCode>"));
        assertEquals("Invalid Password", org.loginHistory("svc@acme.com").getFirst().status());
    }

    @Test
    void unknownUsernameIsInvalidLoginAndLeavesNoHistoryButIsCounted() {
        int before = totalHistoryRows();
        SimHttp.Reply r = SimHttp.soapLogin(org, "nobody@acme.com", PASSWORD + TOKEN, UNTRUSTED_IP);

        assertEquals(500, r.status());
        assertTrue(r.body().contains("<faultcode>sf:INVALID_LOGIN</faultcode>"));
        assertEquals(before, totalHistoryRows());
        assertEquals(List.of(), org.loginHistory("nobody@acme.com"));
        assertEquals(new SimulatedOrg.Attempts(1, 1), org.attempts("NOBODY@acme.com"));
    }

    @Test
    void unparsableXmlIsUnknownExceptionUnexpectedErrorFault() {
        SimHttp.Reply r = SimHttp.soap(org, "/services/Soap/u/62.0",
                SimHttp.envelope("svc@acme.com", "x").replace("<urn:password>x", "<urn:password>a&b"), UNTRUSTED_IP);

        assertEquals(500, r.status());
        assertTrue(r.body().contains("<faultcode>sf:UNKNOWN_EXCEPTION</faultcode>"));
        assertTrue(r.body().contains("<sf:UnexpectedErrorFault xsi:type=\"sf:UnexpectedErrorFault\">"));
        assertEquals(1, org.loginHistory("svc@acme.com").size(), "only the seeded row: nothing was attempted");
    }

    @Test
    void enterpriseEndpointFaultsInTheEnterpriseNamespace() {
        SimHttp.Reply r = SimHttp.soap(org, "/services/Soap/c/62.0", SimHttp.envelope("svc@acme.com", "bad"), UNTRUSTED_IP);

        assertEquals(500, r.status());
        assertTrue(r.body().contains("xmlns:sf=\"urn:fault.enterprise.soap.sforce.com\""));
        assertEquals("SOAP Enterprise", org.loginHistory("svc@acme.com").getFirst().apiType());
    }

    @Test
    void apiVersionAbove64IsUnsupportedForLogin() {
        SimHttp.Reply r = SimHttp.soap(org, "/services/Soap/u/65.0", SimHttp.envelope("svc@acme.com", PASSWORD + TOKEN), UNTRUSTED_IP);

        assertEquals(500, r.status());
        assertTrue(r.body().contains("<faultcode>sf:INVALID_OPERATION</faultcode>"), r.body());
        assertTrue(r.body().contains("The SOAP Login operation is not available in the API version specified (65.0)"), r.body());
    }

    @Test
    void aRetiredApiVersionIsUnsupported() {
        SimHttp.Reply r = SimHttp.soap(org, "/services/Soap/u/30.0", SimHttp.envelope("svc@acme.com", PASSWORD + TOKEN), UNTRUSTED_IP);

        assertEquals(500, r.status());
        assertTrue(r.body().contains("<faultcode>sf:UNSUPPORTED_API_VERSION</faultcode>"), r.body());
    }

    @Test
    void getIsNotAllowed() {
        assertEquals(405, SimHttp.get(org, "/services/Soap/u/62.0", null).status());
    }

    private int totalHistoryRows() {
        return org.state().historySnapshot().size();
    }
}
