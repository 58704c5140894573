package dev.logindoctor.sim;

import com.sun.net.httpserver.HttpExchange;
import dev.logindoctor.model.LoginFlow;

import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code POST /services/Soap/u/{ver}} (Partner) and {@code /services/Soap/c/{ver}} (Enterprise):
 * the SOAP login() call. Success is HTTP 200 with loginResponse/result; failure is HTTP 500 with a
 * SOAP 1.1 Fault carrying an sf:LoginFault (docs/salesforce-wire-facts.md#soap-login-faults).
 */
final class SoapLoginEndpoint {
    private static final Pattern PATH = Pattern.compile("^/services/Soap/([uc])/(\\d+(?:\\.\\d+)?)(?:/.*)?$");
    private static final double LAST_VERSION_WITH_LOGIN = 64.0;
    private static final double OLDEST_SUPPORTED_VERSION = 31.0;

    private final SimulatedOrg sim;

    SoapLoginEndpoint(SimulatedOrg sim) {
        this.sim = sim;
    }

    void handle(HttpExchange ex) throws IOException {
        Matcher m = PATH.matcher(ex.getRequestURI().getPath());
        if (!m.matches()) {
            HttpIo.send(ex, 404, "text/plain", "Not Found".getBytes());
            return;
        }
        if (!"POST".equals(ex.getRequestMethod())) {
            HttpIo.send(ex, 405, "text/plain", "Only POST allowed".getBytes());
            return;
        }
        boolean partner = m.group(1).equals("u");
        String version = m.group(2).contains(".") ? m.group(2) : m.group(2) + ".0";
        SoapXml xml = new SoapXml(partner);
        byte[] body = HttpIo.readBody(ex);
        Map<String, String> call;
        try {
            call = parse(body);
        } catch (XMLStreamException e) {
            HttpIo.sendXml(ex, 500, xml.unexpectedError("UNKNOWN_EXCEPTION",
                    "An unexpected error occurred. Please include this ErrorId if you contact support: "
                            + errorId()));
            return;
        }
        if (!call.containsKey("login")) {
            HttpIo.sendXml(ex, 500, xml.unexpectedError("INVALID_SESSION_ID", "Invalid Session ID found in SessionHeader: Illegal Session"));
            return;
        }
        String username = call.getOrDefault("username", "");
        double v = Double.parseDouble(version);
        if (v > LAST_VERSION_WITH_LOGIN || v < OLDEST_SUPPORTED_VERSION) {
            // login() is served only up to v64.0 and versions below 31.0 are retired: the texts clients
            // report for each (docs/salesforce-wire-facts.md#soap-login-retirement).
            sim.state().recordAttempt(username, true);
            Rejection.Soap fault = v > LAST_VERSION_WITH_LOGIN ? Rejection.Soap.SOAP_LOGIN_VERSION : Rejection.Soap.RETIRED_API_VERSION;
            HttpIo.sendXml(ex, 500, xml.unexpectedError(fault.code, fault.message.replace("%s", version)));
            return;
        }
        String host = sim.loginHost(ex);
        LoginRequest req = new LoginRequest(LoginFlow.SOAP, username, call.get("password"), HttpIo.sourceIp(ex), host,
                sim.isForeignHost(host), partner ? "SOAP Partner" : "SOAP Enterprise", version, call.get("client"), null);
        LoginOutcome outcome = sim.authority().attempt(req);
        if (outcome.succeeded()) {
            HttpIo.sendXml(ex, 200, xml.loginResponse(sim, outcome.user(), outcome.sessionId(), version));
        } else {
            Rejection.Soap fault = outcome.rejection().soap;
            HttpIo.sendXml(ex, 500, xml.loginFault(fault.code, fault.message));
        }
    }

    private static String errorId() {
        java.util.concurrent.ThreadLocalRandom r = java.util.concurrent.ThreadLocalRandom.current();
        return r.nextLong(100_000_000L, 2_000_000_000L) + "-" + r.nextInt(10_000, 99_999) + " (" + -r.nextInt(100_000, 999_999) + ")";
    }

    /** Pulls the operation name and the login fields out of the envelope; DTDs and entities refused. */
    static Map<String, String> parse(byte[] body) throws XMLStreamException {
        XMLInputFactory f = XMLInputFactory.newFactory();
        f.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        f.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        f.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, true);
        XMLStreamReader r = f.createXMLStreamReader(new ByteArrayInputStream(body));
        Map<String, String> out = new HashMap<>();
        boolean sawEnvelope = false;
        boolean inBody = false;
        int depthInBody = 0;
        try {
            while (r.hasNext()) {
                int ev = r.next();
                if (ev == XMLStreamConstants.START_ELEMENT) {
                    String name = r.getLocalName();
                    if (name.equals("Envelope")) {
                        sawEnvelope = true;
                    } else if (name.equals("Body")) {
                        inBody = true;
                        depthInBody = 0;
                    } else if (name.equals("client")) {
                        out.put("client", r.getElementText());
                    } else if (inBody) {
                        depthInBody++;
                        if (depthInBody == 1) {
                            out.put(name, "");
                        } else if (depthInBody == 2 && (name.equals("username") || name.equals("password"))) {
                            out.put(name, r.getElementText());
                            depthInBody--;
                        }
                    }
                } else if (ev == XMLStreamConstants.END_ELEMENT) {
                    if (r.getLocalName().equals("Body")) {
                        inBody = false;
                    } else if (inBody) {
                        depthInBody--;
                    }
                }
            }
        } finally {
            r.close();
        }
        if (!sawEnvelope) {
            throw new XMLStreamException("not a SOAP envelope");
        }
        return out;
    }
}
