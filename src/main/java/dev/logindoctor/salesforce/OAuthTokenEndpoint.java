package dev.logindoctor.salesforce;

import com.fasterxml.jackson.databind.JsonNode;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * {@code POST {loginUrl}/services/oauth2/token}, form-encoded
 * (docs/salesforce-wire-facts.md#oauth-token-endpoint): a 200 becomes a {@link LoginSuccess};
 * {@code {"error","error_description"}} becomes {@link LoginRejected}; throttling and 5xx map as for every endpoint.
 */
final class OAuthTokenEndpoint {
    static final String KIND = "token request";
    private final HttpTransport transport;

    OAuthTokenEndpoint(HttpTransport transport) {
        this.transport = transport;
    }

    /**
     * @param form          the grant's parameters, in order
     * @param knownSecrets  values from the form that must never surface, even if echoed back
     */
    LoginSuccess request(String loginUrl, Map<String, String> form, Collection<String> knownSecrets) {
        URI uri = URI.create(loginUrl + "/services/oauth2/token");
        HttpCall call = HttpCall.post(KIND, uri,
                Map.of("Content-Type", "application/x-www-form-urlencoded", "Accept", "application/json"), encode(form));
        HttpReply reply = transport.send(call);
        if (reply.ok()) {
            return success(reply, call.host());
        }
        throw rejection(reply, call.host(), knownSecrets);
    }

    static String encode(Map<String, String> form) {
        return form.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }

    static Map<String, String> form(String... keyValues) {
        Map<String, String> form = new LinkedHashMap<>();
        for (int i = 0; i + 1 < keyValues.length; i += 2) {
            if (keyValues[i + 1] != null) {
                form.put(keyValues[i], keyValues[i + 1]);
            }
        }
        return form;
    }

    private static LoginSuccess success(HttpReply reply, String host) {
        JsonNode body = WireJson.parse(KIND, reply.body());
        String accessToken = WireJson.text(body, "access_token");
        String instanceUrl = WireJson.text(body, "instance_url");
        if (accessToken == null || accessToken.isBlank()) {
            throw new MalformedResponse("token response from " + host + " had no access_token");
        }
        if (instanceUrl == null || instanceUrl.isBlank()) {
            throw new MalformedResponse("token response from " + host + " had no instance_url");
        }
        String[] ids = identity(WireJson.text(body, "id"));
        return new LoginSuccess(stripSlash(instanceUrl), ids[1], ids[0], null, false, new AccessToken(accessToken));
    }

    /** {@code https://login.salesforce.com/id/{orgId}/{userId}} → [orgId, userId]; nulls when absent. */
    static String[] identity(String idUrl) {
        if (idUrl == null) {
            return new String[] {null, null};
        }
        String[] parts = idUrl.split("/");
        for (int i = 0; i + 2 < parts.length; i++) {
            if (parts[i].equals("id")) {
                return new String[] {parts[i + 1], parts[i + 2]};
            }
        }
        return new String[] {null, null};
    }

    private static SalesforceException rejection(HttpReply reply, String host, Collection<String> knownSecrets) {
        int status = reply.status();
        JsonNode body = null;
        try {
            body = WireJson.MAPPER.readTree(reply.body());
        } catch (java.io.IOException ignored) {
            // not JSON: handled below
        }
        String error = body != null && body.isObject() ? WireJson.text(body, "error") : null;
        if (error != null && status != 429 && status != 503 && status < 500) {
            String description = WireJson.text(body, "error_description");
            return new LoginRejected(clean(error, 80, knownSecrets), description == null ? "" : clean(description, 300, knownSecrets), status);
        }
        if (status == 429 || status == 503 || status >= 500 || (status >= 300 && status < 400)) {
            return ResponseErrors.toException(KIND, host, reply);
        }
        // A 4xx that is not an OAuth error: a wrong host (404, 405 "Only POST allowed") or a proxy page.
        String said = reply.body().isBlank() ? "no body" : clean(reply.body(), 80, knownSecrets);
        return new LoginRejected("HTTP_" + status, said, status);
    }

    /** Server text for a message: pattern-redacted, then every known secret blanked, then cut. */
    static String clean(String text, int max, Collection<String> knownSecrets) {
        String t = Redaction.redact(text == null ? "" : text);
        List<String> longestFirst = new java.util.ArrayList<>(knownSecrets == null ? List.<String>of() : knownSecrets);
        // Longest first: "password+token" must go as one piece, not as two redactions that show where the token starts.
        longestFirst.sort(java.util.Comparator.comparingInt(String::length).reversed());
        for (String secret : longestFirst) {
            if (secret != null && secret.length() >= 4) {
                // As sent (form-encoded, XML-escaped) and as the server may echo it.
                t = t.replace(secret, "[redacted]")
                        .replace(URLEncoder.encode(secret, StandardCharsets.UTF_8), "[redacted]")
                        .replace(secret.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;"), "[redacted]");
            }
        }
        return Redaction.excerpt(t, max);
    }

    static String stripSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}
