package dev.logindoctor.sim;

import dev.logindoctor.model.LoginFlow;

import com.fasterxml.jackson.databind.JsonNode;

import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.PrivateKey;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Plays a scenario's failing integration: performs its ONE login against the sim over real HTTP
 * (a SOAP envelope or an OAuth form POST, {@code X-Forwarded-For: sourceIp}) and reports the
 * error it got.
 *
 * <p>When the integration's {@code loginUrl} names a Salesforce host (e.g. https://login.salesforce.com),
 * the request still goes to the sim, with {@code X-Sim-Login-Host} saying which host the integration
 * addressed. If that host belongs to another org (production's login host for a sandbox user), the
 * sim answers what that org would: INVALID_LOGIN / invalid_grant "authentication failure", and
 * writes no LoginHistory row, since this org never saw the attempt.
 */
public final class SimIntegration {
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    /** The refusal the integration received: SOAP exceptionCode/exceptionMessage or OAuth error/error_description. */
    public record LoginError(String code, String description, int httpStatus) {
    }

    private SimIntegration() {
    }

    /**
     * The failure report the integration sends after {@code error} (DESIGN.md's shape): references
     * to secrets only. A healthy integration's login succeeds ({@code error} null); its report is a
     * false alarm with the bundled error, which no step may confirm.
     */
    public static String failureReportJson(SimulatedOrg org, IntegrationSpec spec, LoginError error, String diagnosticsSecret) {
        com.fasterxml.jackson.databind.node.ObjectNode report = HttpIo.JSON.createObjectNode();
        report.put("integrationId", spec.integrationId());
        report.put("loginUrl", spec.loginUrl() != null ? spec.loginUrl() : org.baseUrl());
        report.put("username", spec.username());
        report.put("flow", spec.flow().name());
        com.fasterxml.jackson.databind.node.ObjectNode e = report.putObject("error");
        e.put("code", error == null ? "INVALID_LOGIN" : error.code());
        e.put("description", error == null ? "Invalid username, password, security token; or user locked out." : error.description());
        report.put("failedAt", org.now().toString());
        if (spec.sourceIp() != null) {
            report.put("sourceIp", spec.sourceIp());
        }
        if (spec.credentialUpdatedAt() != null) {
            report.put("credentialUpdatedAt", spec.credentialUpdatedAt().toString());
        }
        report.put("credentialSecret", "sim/" + spec.integrationId());
        report.put("diagnosticsSecret", diagnosticsSecret);
        return report.toString();
    }

    /**
     * The integration described in the failure report's shape with nothing failed (no error, no
     * failedAt): what {@code login-doctor check --event} reads. A SOAP integration's login URL names
     * its endpoint and API version, as the client sends it.
     */
    public static String integrationJson(SimulatedOrg org, IntegrationSpec spec, String diagnosticsSecret) {
        com.fasterxml.jackson.databind.node.ObjectNode json = HttpIo.JSON.createObjectNode();
        json.put("integrationId", spec.integrationId());
        json.put("loginUrl", loginEndpoint(org, spec));
        json.put("username", spec.username());
        json.put("flow", spec.flow().name());
        if (spec.credentialUpdatedAt() != null) {
            json.put("credentialUpdatedAt", spec.credentialUpdatedAt().toString());
        }
        json.put("credentialSecret", credentialSecretName(spec));
        json.put("diagnosticsSecret", diagnosticsSecret);
        return json.toString();
    }

    /** Where the integration sends its login: for SOAP the endpoint with its API version. */
    public static String loginEndpoint(SimulatedOrg org, IntegrationSpec spec) {
        String base = spec.loginUrl() != null ? spec.loginUrl() : org.baseUrl();
        return spec.flow() == LoginFlow.SOAP ? base + "/services/Soap/u/" + spec.soapApiVersion() : base;
    }

    /** The name the integration's own secret goes by in the demo and the tests. */
    public static String credentialSecretName(IntegrationSpec spec) {
        return "sim/" + spec.integrationId();
    }

    /** Logs in once as {@code spec} describes; null when the login succeeded. */
    public static LoginError attemptLogin(SimulatedOrg org, IntegrationSpec spec) {
        if (spec == null || spec.flow() == null || spec.credential() == null) {
            throw new IllegalArgumentException("the integration needs a flow and a credential");
        }
        return switch (spec.flow()) {
            case SOAP -> soap(org, spec);
            case OAUTH_PASSWORD -> oauth(org, spec, form("grant_type", "password", "client_id", spec.credential().clientId(),
                    "client_secret", spec.credential().clientSecret(), "username", spec.username(), "password", passwordField(spec)));
            case OAUTH_JWT -> oauth(org, spec, form("grant_type", SimTokenEndpoint.JWT_GRANT, "assertion", assertion(org, spec)));
            case OAUTH_REFRESH_TOKEN -> oauth(org, spec, form("grant_type", "refresh_token", "client_id", spec.credential().clientId(),
                    "client_secret", spec.credential().clientSecret(), "refresh_token", spec.credential().refreshToken()));
            case OAUTH_CLIENT_CREDENTIALS -> oauth(org, spec, form("grant_type", "client_credentials",
                    "client_id", spec.credential().clientId(), "client_secret", spec.credential().clientSecret()));
            case OAUTH_WEB_SERVER -> throw new IllegalArgumentException("the web server flow needs a browser; the sim does not play it");
        };
    }

    private static String passwordField(IntegrationSpec spec) {
        String p = spec.credential().password() == null ? "" : spec.credential().password();
        return p + (spec.credential().securityToken() == null ? "" : spec.credential().securityToken());
    }

    private static LoginError soap(SimulatedOrg org, IntegrationSpec spec) {
        String envelope = "<soapenv:Envelope xmlns:soapenv=\"http://schemas.xmlsoap.org/soap/envelope/\" xmlns:urn=\"urn:partner.soap.sforce.com\">"
                + "<soapenv:Header><urn:CallOptions><urn:client>" + SoapXml.esc(spec.integrationId()) + "</urn:client></urn:CallOptions></soapenv:Header>"
                + "<soapenv:Body><urn:login><urn:username>" + SoapXml.esc(spec.username()) + "</urn:username><urn:password>"
                + SoapXml.esc(passwordField(spec)) + "</urn:password></urn:login></soapenv:Body></soapenv:Envelope>";
        HttpResponse<String> r = send(request(org, spec, "/services/Soap/u/" + spec.soapApiVersion())
                .header("Content-Type", "text/xml; charset=UTF-8").header("SOAPAction", "login")
                .POST(HttpRequest.BodyPublishers.ofString(envelope)).build());
        if (r.statusCode() == 200) {
            // login() succeeds for an expired password; the client's next call gets the fault it then reports.
            return r.body().contains("<passwordExpired>true</passwordExpired>") ? new LoginError("INVALID_OPERATION_WITH_EXPIRED_PASSWORD",
                    "The users password has expired, you must call SetPassword before attempting any other API operations", 200) : null;
        }
        return soapFault(r.body(), r.statusCode());
    }

    /** exceptionCode/exceptionMessage from the fault detail, else faultcode (prefix stripped)/faultstring. */
    static LoginError soapFault(String body, int status) {
        Map<String, String> found = new LinkedHashMap<>();
        try {
            XMLInputFactory f = XMLInputFactory.newFactory();
            f.setProperty(XMLInputFactory.SUPPORT_DTD, false);
            XMLStreamReader x = f.createXMLStreamReader(new StringReader(body));
            while (x.hasNext()) {
                if (x.next() == XMLStreamConstants.START_ELEMENT) {
                    String n = x.getLocalName();
                    if (n.equals("exceptionCode") || n.equals("exceptionMessage") || n.equals("faultcode") || n.equals("faultstring")) {
                        found.putIfAbsent(n, x.getElementText());
                    }
                }
            }
        } catch (XMLStreamException e) {
            return new LoginError("HTTP_" + status, "unreadable SOAP response", status);
        }
        if (found.containsKey("exceptionCode")) {
            return new LoginError(found.get("exceptionCode"), found.get("exceptionMessage"), status);
        }
        String code = found.getOrDefault("faultcode", "HTTP_" + status);
        return new LoginError(code.substring(code.indexOf(':') + 1), found.get("faultstring"), status);
    }

    private static LoginError oauth(SimulatedOrg org, IntegrationSpec spec, String form) {
        HttpResponse<String> r = send(request(org, spec, "/services/oauth2/token")
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build());
        if (r.statusCode() == 200) {
            return null;
        }
        try {
            JsonNode n = HttpIo.JSON.readTree(r.body());
            return new LoginError(n.path("error").asText(null), n.path("error_description").asText(null), r.statusCode());
        } catch (IOException e) {
            return new LoginError("HTTP_" + r.statusCode(), "non-JSON response", r.statusCode());
        }
    }

    /**
     * An RS256 assertion: iss = clientId, sub = username, aud = the credential's audience or the
     * environment's login host, exp = the sim clock + expiresInSeconds (default 120).
     */
    private static String assertion(SimulatedOrg org, IntegrationSpec spec) {
        IntegrationSpec.Credential c = spec.credential();
        PrivateKey key;
        if (c.privateKey() == null || c.privateKey().equals("generate")) {
            key = org.state().appByConsumerKey(c.clientId()).map(a -> a.generatedPrivateKey).orElse(null);
            if (key == null) {
                key = PemKeys.generateRsa().getPrivate(); // no such app here: any key, the sim refuses the iss first
            }
        } else if (c.privateKey().equals("unrelated")) {
            key = PemKeys.generateRsa().getPrivate();
        } else {
            key = PemKeys.readPrivate(c.privateKey());
        }
        String aud = c.audience() != null ? c.audience() : "https://" + org.state().environmentLoginHost();
        long exp = org.now().getEpochSecond() + (c.expiresInSeconds() == null ? 120 : c.expiresInSeconds());
        return JwtSigner.assertion(key, c.clientId(), spec.username(), aud, exp);
    }

    private static HttpRequest.Builder request(SimulatedOrg org, IntegrationSpec spec, String path) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(org.baseUrl() + path)).timeout(Duration.ofSeconds(30));
        if (spec.sourceIp() != null) {
            b.header("X-Forwarded-For", spec.sourceIp());
        }
        if (spec.loginUrl() != null && !spec.loginUrl().isBlank() && !spec.loginUrl().startsWith(org.baseUrl())) {
            b.header("X-Sim-Login-Host", URI.create(spec.loginUrl()).getHost());
        }
        return b;
    }

    private static HttpResponse<String> send(HttpRequest req) {
        try {
            return HTTP.send(req, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException("the simulated org did not answer the login", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted during the login", e);
        }
    }

    private static String form(String... kv) {
        Map<String, String> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            if (kv[i + 1] != null) {
                m.put(kv[i], kv[i + 1]);
            }
        }
        return m.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }
}
