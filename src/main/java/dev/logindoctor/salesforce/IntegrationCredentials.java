package dev.logindoctor.salesforce;

import dev.logindoctor.engine.HeldSecrets;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;

import java.security.PrivateKey;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * An integration's own credential, parsed from its secret: {@code {"password","securityToken"}}
 * (SOAP), plus {@code "clientId","clientSecret"} (OAuth password flow), {@code {"clientId",
 * "clientSecret"}} (client credentials), {@code {"clientId","clientSecret"?,"refreshToken"}}, or
 * {@code {"clientId","privateKey","audience"?}} (JWT bearer). Optional {@code "username"} overrides
 * the report's. Used only by the health probe's single login attempt. toString shows which fields
 * are present, never their values.
 */
public record IntegrationCredentials(String username, String password, String securityToken, String clientId,
                                     String clientSecret, String refreshToken, PrivateKey privateKey, String audience) {

    public static IntegrationCredentials parse(String secretJson) {
        HeldSecrets.holdDocument(secretJson);
        JsonNode root;
        try {
            root = secretJson == null ? null : WireJson.MAPPER.readTree(secretJson);
        } catch (JsonProcessingException e) {
            throw new UnusableCredentials("the integration's credential secret is not JSON");
        }
        if (root == null || !root.isObject()) {
            throw new UnusableCredentials("the integration's credential secret must be a JSON object");
        }
        String pem = text(root, "privateKey");
        return new IntegrationCredentials(text(root, "username"), text(root, "password"), text(root, "securityToken"),
                text(root, "clientId"), text(root, "clientSecret"), text(root, "refreshToken"),
                pem == null ? null : PrivateKeys.fromPkcs8Pem(pem, "the integration's privateKey"), text(root, "audience"));
    }

    private static String text(JsonNode root, String field) {
        JsonNode n = root.get(field);
        return n == null || n.isNull() || !n.isTextual() ? null : n.asText();
    }

    /** The field, or a clear refusal naming it (never its value). */
    String require(String value, String field, String flow) {
        if (value == null || value.isEmpty()) {
            throw new UnusableCredentials("the integration's credential secret has no " + field + ", which " + flow + " needs");
        }
        return value;
    }

    /**
     * What SOAP login() and the OAuth password flow send: the password with the token appended
     * (docs/salesforce-wire-facts.md#soap-login-request).
     */
    String passwordWithToken(String flow) {
        return require(password, "password", flow) + (securityToken == null ? "" : securityToken);
    }

    /** Every secret value this record holds, so nothing Salesforce echoes can carry one into a message. */
    List<String> secretValues() {
        List<String> values = new ArrayList<>();
        for (String v : new String[] {password, securityToken, clientSecret, refreshToken}) {
            if (v != null && !v.isEmpty()) {
                values.add(v);
            }
        }
        if (password != null && securityToken != null) {
            values.add(password + securityToken);
        }
        return Collections.unmodifiableList(values);
    }

    @Override
    public String toString() {
        return "IntegrationCredentials[username=" + username + ", clientId=" + clientId + ", present="
                + present("password", password) + present("securityToken", securityToken) + present("clientSecret", clientSecret)
                + present("refreshToken", refreshToken) + (privateKey == null ? "" : "privateKey ") + "]";
    }

    private static String present(String name, String value) {
        return value == null ? "" : name + " ";
    }
}
