package dev.logindoctor.sim;

import com.fasterxml.jackson.databind.JsonNode;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.stream.Collectors;

/** Talks to the sim over real HTTP, the way clients on the wire do. */
final class SimHttp {
    static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    record Reply(int status, String body, java.net.http.HttpHeaders headers) {
        JsonNode json() {
            try {
                return HttpIo.JSON.readTree(body);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    private SimHttp() {
    }

    static String envelope(String username, String password) {
        return """
                <soapenv:Envelope xmlns:soapenv="http://schemas.xmlsoap.org/soap/envelope/" xmlns:urn="urn:partner.soap.sforce.com">
                 <soapenv:Header><urn:CallOptions><urn:client>SimTest</urn:client></urn:CallOptions></soapenv:Header>
                 <soapenv:Body><urn:login><urn:username>%s</urn:username><urn:password>%s</urn:password></urn:login></soapenv:Body>
                </soapenv:Envelope>""".formatted(SoapXml.esc(username), SoapXml.esc(password));
    }

    static Reply soapLogin(SimulatedOrg org, String username, String password, String sourceIp) {
        return soap(org, "/services/Soap/u/62.0", envelope(username, password), sourceIp);
    }

    static Reply soap(SimulatedOrg org, String path, String body, String sourceIp) {
        return send(HttpRequest.newBuilder(URI.create(org.baseUrl() + path))
                .header("Content-Type", "text/xml; charset=UTF-8").header("SOAPAction", "login")
                .header("X-Forwarded-For", sourceIp)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build());
    }

    static Reply token(SimulatedOrg org, Map<String, String> form, String sourceIp) {
        return send(HttpRequest.newBuilder(URI.create(org.baseUrl() + "/services/oauth2/token"))
                .header("Content-Type", "application/x-www-form-urlencoded").header("X-Forwarded-For", sourceIp)
                .POST(HttpRequest.BodyPublishers.ofString(form(form))).build());
    }

    static Reply passwordGrant(SimulatedOrg org, String username, String password, String sourceIp) {
        return token(org, Map.of("grant_type", "password", "client_id", "3MVG9billingSyncConsumerKey",
                "client_secret", "B1LL1NGS3CR3T", "username", username, "password", password), sourceIp);
    }

    static Reply get(SimulatedOrg org, String path, String bearer) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(org.baseUrl() + path)).timeout(Duration.ofSeconds(10)).GET();
        if (bearer != null) {
            b.header("Authorization", "Bearer " + bearer);
        }
        return send(b.build());
    }

    static Reply postJson(SimulatedOrg org, String path, String bearer, String json) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(org.baseUrl() + path)).timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json));
        if (bearer != null) {
            b.header("Authorization", "Bearer " + bearer);
        }
        return send(b.build());
    }

    static Reply send(HttpRequest request) {
        try {
            HttpResponse<String> r = CLIENT.send(request, HttpResponse.BodyHandlers.ofString());
            return new Reply(r.statusCode(), r.body(), r.headers());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static String form(Map<String, String> form) {
        return form.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }

    static String q(String soql) {
        return URLEncoder.encode(soql, StandardCharsets.UTF_8);
    }

    /** Logs the diagnostics user in with the JWT bearer flow, as Login Doctor's client does; returns the access token. */
    static String diagnosticsToken(SimulatedOrg org) {
        try {
            JsonNode secret = HttpIo.JSON.readTree(org.diagnosticsSecretJson());
            java.security.PrivateKey key = PemKeys.readPrivate(secret.get("privateKey").asText());
            String assertion = JwtSigner.assertion(key, secret.get("clientId").asText(), secret.get("username").asText(),
                    secret.get("loginUrl").asText(), org.now().getEpochSecond() + 120);
            Reply r = token(org, Map.of("grant_type", "urn:ietf:params:oauth:grant-type:jwt-bearer", "assertion", assertion), "127.0.0.1");
            if (r.status() != 200) {
                throw new IllegalStateException("diagnostics login failed: " + r.body());
            }
            return r.json().get("access_token").asText();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Reply query(SimulatedOrg org, String token, String soql) {
        return get(org, "/services/data/v62.0/query?q=" + q(soql), token);
    }

    static Reply tooling(SimulatedOrg org, String token, String soql) {
        return get(org, "/services/data/v62.0/tooling/query?q=" + q(soql), token);
    }

    static SimulatedOrg testOrg() {
        return SimulatedOrg.start(SimScenarios.load("src/test/resources/sim/test-org.json"));
    }
}
