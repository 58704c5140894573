package dev.logindoctor.engine;

import dev.logindoctor.json.Json;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.logindoctor.model.FailureReport;
import dev.logindoctor.model.LoginFlow;
import dev.logindoctor.model.LoginUrl;
import dev.logindoctor.model.ReportedError;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Reads and validates a failure report (the same rules for the CLI and the intake function).
 * Refuses any report that carries a secret instead of a reference to one. Error messages name the
 * field and what is wrong with it, never the value.
 */
public final class FailureReportParser {

    /** Field names that mean "a secret value is here" wherever they appear in the report. */
    private static final Pattern SECRET_FIELD = Pattern.compile(
            "(?i)(pass(word|wd)?|pwd|security_?token|token|tokens|access_?token|refresh_?token|id_?token|session(_?id)?|sid"
                    + "|private_?key|client_?secret|consumer_?secret|secret|secret_?value|assertion|jwt|credentials?|api_?key|authorization|cookie)");
    private static final Pattern PEM = Pattern.compile("-----BEGIN [A-Z ]*PRIVATE KEY-----|-----BEGIN CERTIFICATE-----");
    /** An access token / session id: the org id, '!', then the opaque part. */
    private static final Pattern SESSION_ID = Pattern.compile("00D[A-Za-z0-9]{12,15}![A-Za-z0-9._]{16,}");
    private static final Pattern JWT = Pattern.compile("eyJ[A-Za-z0-9_-]{5,}\\.eyJ[A-Za-z0-9_-]{5,}\\.[A-Za-z0-9_-]*");
    private static final Pattern SECRET_REFERENCE = Pattern.compile("[A-Za-z0-9/_+=.@:-]{1,512}");
    private static final Pattern INTEGRATION_ID = Pattern.compile("[A-Za-z0-9._:@-]{1,128}");
    private static final Pattern IPV4 = Pattern.compile("((25[0-5]|2[0-4]\\d|1?\\d?\\d)\\.){3}(25[0-5]|2[0-4]\\d|1?\\d?\\d)");
    private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f:.]{2,45}");

    private final Clock clock;

    public FailureReportParser(Clock clock) {
        this.clock = clock;
    }

    public FailureReport parse(String json) {
        if (json == null || json.isBlank()) {
            throw new InvalidReport(null, "the report is empty: expected a JSON object with loginUrl, username, flow and error");
        }
        JsonNode root;
        try {
            // Json's mapper: its settings do not change how a tree is read, and a second mapper doubles Jackson's start-up.
            root = Json.MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            throw new InvalidReport(null, "the report is not valid JSON (line " + e.getLocation().getLineNr()
                    + ", column " + e.getLocation().getColumnNr() + ")");
        }
        return parse(root);
    }

    public FailureReport parse(JsonNode root) {
        if (root == null || !root.isObject()) {
            throw new InvalidReport(null, "the report must be a JSON object with loginUrl, username, flow and error");
        }
        refuseSecrets(root, "");
        String loginUrl = requiredText(root, "loginUrl");
        checkLoginUrl(loginUrl);
        String username = requiredText(root, "username");
        if (!username.contains("@") || username.chars().anyMatch(Character::isWhitespace)) {
            throw new InvalidReport("username", "must be a Salesforce username in email form, e.g. integration@acme.com");
        }
        LoginFlow flow = flow(requiredText(root, "flow"));
        ReportedError error = error(root.get("error"));
        Instant failedAt = optionalInstant(root, "failedAt");
        return new FailureReport(
                optionalMatching(root, "integrationId", INTEGRATION_ID, "letters, digits and . _ : @ - (at most 128)"),
                loginUrl,
                username,
                flow,
                error,
                failedAt == null ? clock.instant() : failedAt,
                sourceIp(root),
                optionalInstant(root, "credentialUpdatedAt"),
                optionalMatching(root, "credentialSecret", SECRET_REFERENCE, "a Secrets Manager secret name or ARN"),
                optionalMatching(root, "diagnosticsSecret", SECRET_REFERENCE, "a Secrets Manager secret name or ARN"));
    }

    /** Walks the whole document: a secret anywhere (even in an unknown field) refuses the report. */
    private static void refuseSecrets(JsonNode node, String path) {
        if (node.isObject()) {
            Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> field = fields.next();
                String name = field.getKey();
                String fieldPath = path.isEmpty() ? name : path + "." + name;
                if (SECRET_FIELD.matcher(name).matches() && !field.getValue().isNull()) {
                    throw new InvalidReport(fieldPath, "looks like a secret; a report carries references to secrets "
                            + "(credentialSecret, diagnosticsSecret: names or ARNs in Secrets Manager), never secrets");
                }
                refuseSecrets(field.getValue(), fieldPath);
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                refuseSecrets(node.get(i), path + "[" + i + "]");
            }
        } else if (node.isTextual()) {
            String value = node.asText();
            if (PEM.matcher(value).find() || SESSION_ID.matcher(value).find() || JWT.matcher(value).find()) {
                throw new InvalidReport(path, "contains what looks like a key, session id or signed token; "
                        + "a report carries references to secrets, never secrets");
            }
        }
    }

    private static String requiredText(JsonNode root, String field) {
        JsonNode node = root.get(field);
        if (node == null || node.isNull()) {
            throw new InvalidReport(field, "is required");
        }
        if (!node.isTextual()) {
            throw new InvalidReport(field, "must be a string, not " + kind(node));
        }
        String text = node.asText().strip();
        if (text.isEmpty()) {
            throw new InvalidReport(field, "must not be empty");
        }
        return text;
    }

    private static String optionalText(JsonNode root, String field) {
        JsonNode node = root.get(field);
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isTextual()) {
            throw new InvalidReport(field, "must be a string, not " + kind(node));
        }
        String text = node.asText().strip();
        return text.isEmpty() ? null : text;
    }

    private static String optionalMatching(JsonNode root, String field, Pattern pattern, String expected) {
        String text = optionalText(root, field);
        if (text != null && !pattern.matcher(text).matches()) {
            throw new InvalidReport(field, "must be " + expected);
        }
        return text;
    }

    private static Instant optionalInstant(JsonNode root, String field) {
        String text = optionalText(root, field);
        if (text == null) {
            return null;
        }
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException e) {
            throw new InvalidReport(field, "must be an ISO-8601 time with an offset, e.g. 2026-11-27T10:15:00Z");
        }
    }

    private static void checkLoginUrl(String loginUrl) {
        try {
            LoginUrl.parse(loginUrl);
        } catch (LoginUrl.Invalid e) {
            throw new InvalidReport("loginUrl", e.getMessage());
        }
    }

    private static LoginFlow flow(String text) {
        String normalized = text.toUpperCase(Locale.ROOT).replace('-', '_').replace(' ', '_');
        for (LoginFlow flow : LoginFlow.values()) {
            if (flow.name().equals(normalized)) {
                return flow;
            }
        }
        throw new InvalidReport("flow", "must be one of SOAP, OAUTH_PASSWORD, OAUTH_JWT, OAUTH_REFRESH_TOKEN, "
                + "OAUTH_WEB_SERVER, OAUTH_CLIENT_CREDENTIALS");
    }

    /** {"code", "description"}; also tolerated: a bare string "CODE: description" and OAuth's own field names. */
    private static ReportedError error(JsonNode node) {
        if (node == null || node.isNull()) {
            throw new InvalidReport("error", "is required: {\"code\": \"INVALID_LOGIN\", \"description\": \"...\"}");
        }
        if (node.isTextual()) {
            String text = node.asText().strip();
            if (text.isEmpty()) {
                throw new InvalidReport("error", "must not be empty");
            }
            int colon = text.indexOf(": ");
            return colon > 0 ? new ReportedError(text.substring(0, colon), text.substring(colon + 2)) : new ReportedError(text, "");
        }
        if (!node.isObject()) {
            throw new InvalidReport("error", "must be an object {\"code\", \"description\"}, not " + kind(node));
        }
        String code = firstText(node, "error.code", "code", "error", "exceptionCode", "faultcode");
        String description = firstText(node, "error.description", "description", "error_description", "exceptionMessage", "message", "faultstring");
        if (code == null) {
            throw new InvalidReport("error.code", "is required, e.g. INVALID_LOGIN or invalid_grant");
        }
        return new ReportedError(code, description);
    }

    private static String firstText(JsonNode node, String path, String... names) {
        for (String name : names) {
            JsonNode value = node.get(name);
            if (value != null && !value.isNull()) {
                if (!value.isTextual()) {
                    throw new InvalidReport(path, "must be a string, not " + kind(value));
                }
                if (!value.asText().isBlank()) {
                    return value.asText();
                }
            }
        }
        return null;
    }

    private static String sourceIp(JsonNode root) {
        String ip = optionalText(root, "sourceIp");
        if (ip == null) {
            return null;
        }
        boolean valid = IPV4.matcher(ip).matches() || (ip.contains(":") && IPV6.matcher(ip).matches());
        if (!valid) {
            throw new InvalidReport("sourceIp", "must be an IPv4 or IPv6 address such as 203.0.113.7");
        }
        return ip;
    }

    private static String kind(JsonNode node) {
        return switch (node.getNodeType()) {
            case NUMBER -> "a number";
            case BOOLEAN -> "a boolean";
            case ARRAY -> "an array";
            case OBJECT -> "an object";
            case STRING -> "a string";
            default -> node.getNodeType().name().toLowerCase(Locale.ROOT);
        };
    }
}
