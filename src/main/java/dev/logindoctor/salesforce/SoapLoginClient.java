package dev.logindoctor.salesforce;

import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import java.io.StringReader;
import java.net.URI;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * SOAP {@code login()} on the Partner endpoint {@code /services/Soap/u/{version}}
 * (docs/salesforce-wire-facts.md#soap-login-request). Used only by the health probe, once per credential
 * version: every failed attempt counts toward lockout. The answer is read with StAX (no SOAP stack): a
 * LoginResult becomes {@link LoginSuccess}; a SOAP Fault — HTTP 500, {@code faultcode} with or without the
 * {@code sf:} prefix, a LoginFault or UnexpectedErrorFault detail — becomes {@link LoginRejected} with the
 * detail's exceptionCode; a non-SOAP 4xx (405 "Only POST allowed" from a lightning host) becomes
 * {@code LoginRejected("HTTP_405")}.
 */
public final class SoapLoginClient {
    public static final String DEFAULT_API_VERSION = "62.0";
    static final String KIND = "SOAP login";
    private static final Pattern VERSION = Pattern.compile("\\d{1,3}\\.\\d");
    private static final XMLInputFactory XML = safeFactory();

    private final HttpTransport transport;

    public SoapLoginClient(HttpTransport transport) {
        this.transport = transport;
    }

    /**
     * @param loginUrl   e.g. https://login.salesforce.com or a My Domain (path ignored)
     * @param apiVersion e.g. "62.0" (login() exists up to v64.0)
     * @param username   the login's username (the credential's own, when it has one, wins)
     */
    public LoginSuccess login(String loginUrl, String apiVersion, String username, IntegrationCredentials credentials) {
        if (!VERSION.matcher(apiVersion).matches()) {
            throw new IllegalArgumentException("SOAP API version must look like 62.0");
        }
        String user = credentials.username() != null ? credentials.username() : username;
        String password = credentials.passwordWithToken("SOAP login()");
        String base = DiagnosticsCredentials.normalizeLoginUrl(loginUrl, "the login URL");
        URI uri = URI.create(base + "/services/Soap/u/" + apiVersion);
        String envelope = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
                + "<soapenv:Envelope xmlns:soapenv=\"http://schemas.xmlsoap.org/soap/envelope/\" xmlns:urn=\"urn:partner.soap.sforce.com\">"
                + "<soapenv:Body><urn:login><urn:username>" + xmlEscape(user) + "</urn:username>"
                + "<urn:password>" + xmlEscape(password) + "</urn:password></urn:login></soapenv:Body></soapenv:Envelope>";
        HttpReply reply = transport.send(HttpCall.post(KIND, uri,
                Map.of("Content-Type", "text/xml; charset=UTF-8", "SOAPAction", "login", "Accept", "text/xml"), envelope));
        return read(reply, uri.getHost(), credentials.secretValues());
    }

    static LoginSuccess read(HttpReply reply, String host, List<String> secrets) {
        String body = reply.body();
        boolean looksXml = body.stripLeading().startsWith("<") && body.contains("Envelope");
        if (!looksXml) {
            if (reply.status() == 429 || reply.status() == 503 || reply.status() >= 500) {
                throw ResponseErrors.toException(KIND, host, reply);
            }
            if (reply.status() >= 300) {
                // 405 "Only POST allowed" from *.lightning.force.com, 404 from a host that is no login endpoint.
                String said = body.isBlank() ? "no body" : OAuthTokenEndpoint.clean(body, 80, secrets);
                return reject(new LoginRejected("HTTP_" + reply.status(), said, reply.status()));
            }
            throw new MalformedResponse(KIND + " body was not a SOAP envelope: starts with '" + OAuthTokenEndpoint.clean(body, 24, secrets) + "'");
        }
        Map<String, String> values = parse(body);
        if (values.containsKey("Fault")) {
            String faultCode = strip(values.get("faultcode"));
            String code = values.getOrDefault("exceptionCode", faultCode);
            String message = values.get("exceptionMessage");
            if (message == null) {
                String faultString = values.getOrDefault("faultstring", "");
                message = faultString.startsWith(code + ": ") ? faultString.substring(code.length() + 2) : faultString;
            }
            if (code == null || code.isBlank()) {
                throw new MalformedResponse(KIND + " fault had neither faultcode nor exceptionCode");
            }
            if (code.equals("REQUEST_LIMIT_EXCEEDED")) {
                throw new Throttled(KIND + " to " + host + " was throttled (REQUEST_LIMIT_EXCEEDED)");
            }
            return reject(new LoginRejected(OAuthTokenEndpoint.clean(code, 80, secrets), OAuthTokenEndpoint.clean(message, 600, secrets),
                    reply.status()));
        }
        if (!reply.ok()) {
            throw ResponseErrors.toException(KIND, host, reply);
        }
        String serverUrl = values.get("serverUrl");
        String sessionId = values.get("sessionId");
        if (sessionId == null || sessionId.isBlank()) {
            throw new MalformedResponse(KIND + " response from " + host + " had no sessionId");
        }
        if (serverUrl == null || serverUrl.isBlank()) {
            throw new MalformedResponse(KIND + " response from " + host + " had no serverUrl");
        }
        URI server = URI.create(serverUrl.strip());
        String instanceUrl = server.getScheme() + "://" + server.getHost() + (server.getPort() < 0 ? "" : ":" + server.getPort());
        String sandbox = values.get("sandbox");
        return new LoginSuccess(instanceUrl, values.get("userId"), values.get("organizationId"),
                sandbox == null ? null : Boolean.valueOf(sandbox.strip()), Boolean.parseBoolean(values.getOrDefault("passwordExpired", "false")),
                new AccessToken(sessionId.strip()));
    }

    private static LoginSuccess reject(LoginRejected e) {
        throw e;
    }

    /**
     * The text of the elements we read, by local name (the first occurrence wins, so
     * {@code result/userId} beats {@code userInfo/userId}); "Fault" is present when a Fault element is.
     */
    private static Map<String, String> parse(String body) {
        Map<String, String> values = new HashMap<>();
        try {
            XMLStreamReader r = XML.createXMLStreamReader(new StringReader(body));
            Deque<StringBuilder> text = new ArrayDeque<>();
            while (r.hasNext()) {
                int event = r.next();
                if (event == XMLStreamConstants.START_ELEMENT) {
                    if (r.getLocalName().equals("Fault")) {
                        values.put("Fault", "");
                    }
                    text.push(new StringBuilder());
                } else if (event == XMLStreamConstants.CHARACTERS || event == XMLStreamConstants.CDATA) {
                    if (!text.isEmpty()) {
                        text.peek().append(r.getText());
                    }
                } else if (event == XMLStreamConstants.END_ELEMENT) {
                    String value = text.pop().toString();
                    values.putIfAbsent(r.getLocalName(), value.strip());
                }
            }
        } catch (XMLStreamException | java.util.NoSuchElementException e) {
            throw new MalformedResponse(KIND + " body was not well-formed XML (" + e.getClass().getSimpleName() + ")");
        }
        return values;
    }

    /** "sf:INVALID_LOGIN" and "INVALID_LOGIN" alike (docs/salesforce-wire-facts.md#soap-login-faults). */
    static String strip(String faultCode) {
        if (faultCode == null) {
            return null;
        }
        String t = faultCode.strip();
        int colon = t.lastIndexOf(':');
        return colon >= 0 ? t.substring(colon + 1) : t;
    }

    static String xmlEscape(String s) {
        StringBuilder out = new StringBuilder(s.length() + 16);
        for (char c : s.toCharArray()) {
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&apos;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    /** No DTDs, no external entities: a hostile body cannot make us read files or hosts. */
    private static XMLInputFactory safeFactory() {
        XMLInputFactory f = XMLInputFactory.newFactory();
        f.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        f.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        f.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, true);
        return f;
    }
}
