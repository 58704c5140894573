package dev.logindoctor.engine;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import dev.logindoctor.json.Json;
import dev.logindoctor.model.FailureReport;
import dev.logindoctor.model.LoginFlow;
import dev.logindoctor.model.RawLoginError;
import dev.logindoctor.model.ReportedError;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a failure report from JSON into a {@link FailureReport}, once, then hands it to
 * {@link FailureReportRules} — the checks every caller (CLI, Intake, probe) applies to a typed report.
 * What only the JSON shows is checked here: field types, and a field whose very name says it holds a
 * secret. Error messages name the field and what is wrong with it, never the value.
 */
public final class FailureReportParser {
    /** Trailing tokens after the object are refused: a second object is not "the report". */
    private static final ObjectReader READER = Json.MAPPER.reader().with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    static final String RAW_ERROR = "rawError";
    private static final Pattern XML_ELEMENT_NAME = Pattern.compile("<(?:[A-Za-z0-9_]+:)?([A-Za-z_][A-Za-z0-9_]*)[\\s/>]");

    private final Clock clock;
    private final boolean errorRequired;

    public FailureReportParser(Clock clock) {
        this(clock, true);
    }

    private FailureReportParser(Clock clock, boolean errorRequired) {
        this.clock = clock;
        this.errorRequired = errorRequired;
    }

    /**
     * For the risk check: the same shape and rules, but nothing has failed yet, so {@code error} may be
     * absent (the report then carries none) and a missing {@code failedAt} means now.
     */
    public static FailureReportParser forRiskCheck(Clock clock) {
        return new FailureReportParser(clock, false);
    }

    public FailureReport parse(String json) {
        if (json == null || json.isBlank()) {
            throw new InvalidReport(null, "the report is empty: expected a JSON object with loginUrl, username, flow and error");
        }
        return parse(readTree(json));
    }

    /** A JSON tree, or a refusal that says where the text stopped being JSON (never the text itself). */
    public static JsonNode readTree(String json) {
        // Editors on Windows save UTF-8 with a byte order mark; it is not part of the JSON.
        String text = json.startsWith("\uFEFF") ? json.substring(1) : json;
        try {
            return READER.readTree(text);
        } catch (StreamConstraintsException e) {
            throw new InvalidReport(null, "the report is not valid JSON: it is nested too deep, or holds a number or string too long to read");
        } catch (MismatchedInputException e) {
            throw new InvalidReport(null, "the report is not valid JSON: there is text after the report's closing brace" + at(e.getLocation()));
        } catch (JsonProcessingException e) {
            throw new InvalidReport(null, "the report is not valid JSON" + at(e.getLocation()));
        }
    }

    private static String at(JsonLocation location) {
        return location == null ? "" : " (line " + location.getLineNr() + ", column " + location.getColumnNr() + ")";
    }

    public FailureReport parse(JsonNode root) {
        if (root == null || !root.isObject()) {
            throw new InvalidReport(null, "the report must be a JSON object with loginUrl, username, flow and error");
        }
        refuseSecrets(root, "");
        Instant failedAt = optionalInstant(root, "failedAt");
        FailureReport report = new FailureReport(
                optionalText(root, "integrationId"),
                requiredText(root, "loginUrl"),
                requiredText(root, "username"),
                flow(requiredText(root, "flow")),
                !errorRequired && !root.hasNonNull("error") && !root.hasNonNull(RAW_ERROR) ? null : reportedError(root),
                failedAt == null ? clock.instant() : failedAt,
                optionalText(root, "sourceIp"),
                optionalInstant(root, "credentialUpdatedAt"),
                optionalText(root, "credentialSecret"),
                optionalText(root, "diagnosticsSecret"));
        return errorRequired ? FailureReportRules.check(report) : FailureReportRules.checkWithoutError(report);
    }

    /** Walks the whole document: a secret anywhere (even in an unknown field) refuses the report. */
    private static void refuseSecrets(JsonNode node, String path) {
        if (node.isObject()) {
            Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> field = fields.next();
                String name = field.getKey();
                String fieldPath = path.isEmpty() ? name : path + "." + name;
                if (SecretShapes.isSecretName(name) && !field.getValue().isNull()) {
                    throw new InvalidReport(fieldPath, "looks like a secret; a report carries references to secrets "
                            + "(credentialSecret, diagnosticsSecret: names or ARNs in Secrets Manager), never secrets");
                }
                refuseSecrets(field.getValue(), fieldPath);
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                refuseSecrets(node.get(i), path + "[" + i + "]");
            }
        } else if (node.isTextual() && SecretShapes.looksLikeSecret(node.asText())) {
            throw new InvalidReport(path, FailureReportRules.SECRET_VALUE);
        }
    }

    private static String requiredText(JsonNode root, String field) {
        String text = optionalText(root, field);
        if (text == null) {
            throw new InvalidReport(field, root.hasNonNull(field) ? "must not be empty" : "is required");
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

    /** The error as {@code error}, or as the integration got it in {@code rawError}: one of the two. */
    private static ReportedError reportedError(JsonNode root) {
        JsonNode raw = root.get(RAW_ERROR);
        if (raw == null || raw.isNull()) {
            return error(root.get("error"));
        }
        if (root.hasNonNull("error")) {
            throw new InvalidReport(RAW_ERROR, "send either error or rawError, not both");
        }
        if (!raw.isTextual()) {
            throw new InvalidReport(RAW_ERROR, "must be a string (the error body or exception text as received), not " + kind(raw));
        }
        return rawError(raw.asText().strip());
    }

    /**
     * A raw OAuth body is JSON, read here like an {@code error} object; anything else is read by
     * {@link RawLoginError}. The text itself is never kept: only the code and description derived
     * from it, after the same secret checks as the rest of the report (the walk over the whole
     * report has already refused a token or key anywhere in the text).
     */
    private static ReportedError rawError(String text) {
        if (text.startsWith("{")) {
            JsonNode body;
            try {
                body = READER.readTree(text);
            } catch (JsonProcessingException e) {
                throw new InvalidReport(RAW_ERROR, "starts with '{' but is not a JSON object; send the OAuth error body as received");
            }
            refuseSecrets(body, RAW_ERROR);
            if (body.isObject() && body.hasNonNull("error")) {
                try {
                    return error(body);
                } catch (InvalidReport e) {
                    throw new InvalidReport(RAW_ERROR, "holds no OAuth error: expected {\"error\", \"error_description\"}");
                }
            }
            throw new InvalidReport(RAW_ERROR, "holds no OAuth error: expected {\"error\", \"error_description\"}");
        }
        Matcher element = XML_ELEMENT_NAME.matcher(text);
        while (element.find()) {
            if (SecretShapes.isSecretName(element.group(1))) {
                throw new InvalidReport(RAW_ERROR, "holds an element named like a secret (" + element.group(1)
                        + "); send the fault as received, never a login response");
            }
        }
        return RawLoginError.parse(text).orElseThrow(() -> new InvalidReport(RAW_ERROR,
                "holds no Salesforce error we can read: send a SOAP fault body, an OAuth error body, or the client's "
                        + "exception text (\"INVALID_LOGIN: Invalid username, ...\"); or send error {code, description}"));
    }

    /** {"code", "description"}; also tolerated: a bare string "CODE: description" and OAuth's own field names. */
    private static ReportedError error(JsonNode node) {
        if (node == null || node.isNull()) {
            throw new InvalidReport("error", "is required: {\"code\": \"INVALID_LOGIN\", \"description\": \"...\"}, "
                    + "or rawError: the error body or exception text as the integration got it");
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
