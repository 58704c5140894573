package dev.logindoctor.salesforce;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.logindoctor.model.LoginUrl;

import java.security.PrivateKey;

/**
 * The diagnostics connection's secret: {@code {"loginUrl","username","clientId","privateKey"}}, the
 * private key a PKCS#8 PEM whose certificate is on the connected app. toString never shows the key.
 *
 * @param loginUrl scheme and host (and port) only, e.g. {@code https://acme.my.salesforce.com}
 */
public record DiagnosticsCredentials(String loginUrl, String username, String clientId, PrivateKey privateKey) {

    /** Parses the secret's JSON value; the message of any failure names the field, never a value. */
    public static DiagnosticsCredentials parse(String secretJson) {
        JsonNode root;
        try {
            root = secretJson == null ? null : WireJson.MAPPER.readTree(secretJson);
        } catch (JsonProcessingException e) {
            throw new UnusableCredentials("the diagnostics secret is not JSON: expected {\"loginUrl\",\"username\",\"clientId\",\"privateKey\"}");
        }
        if (root == null || !root.isObject()) {
            throw new UnusableCredentials("the diagnostics secret must be a JSON object {\"loginUrl\",\"username\",\"clientId\",\"privateKey\"}");
        }
        String loginUrl = normalizeLoginUrl(required(root, "loginUrl"), "the diagnostics secret's loginUrl");
        String username = required(root, "username");
        String clientId = required(root, "clientId");
        PrivateKey key = PrivateKeys.fromPkcs8Pem(required(root, "privateKey"), "the diagnostics secret's privateKey");
        return new DiagnosticsCredentials(loginUrl, username, clientId, key);
    }

    private static String required(JsonNode root, String field) {
        JsonNode node = root.get(field);
        if (node == null || node.isNull() || !node.isTextual() || node.asText().isBlank()) {
            throw new UnusableCredentials("the diagnostics secret has no " + field
                    + " (expected {\"loginUrl\",\"username\",\"clientId\",\"privateKey\"})");
        }
        return node.asText().strip();
    }

    /** {@code https://host[:port]} ({@link LoginUrl#origin}): the path of a pasted URL is dropped; http only for loopback. */
    static String normalizeLoginUrl(String url, String what) {
        try {
            return LoginUrl.parse(url).origin();
        } catch (LoginUrl.Invalid e) {
            throw new UnusableCredentials(what + " " + e.getMessage());
        }
    }

    /** The key stays out: a toString may end up in a log line. */
    @Override
    public String toString() {
        return "DiagnosticsCredentials[loginUrl=" + loginUrl + ", username=" + username + ", clientId=" + clientId
                + ", privateKey=[redacted]]";
    }
}
