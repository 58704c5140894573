package dev.logindoctor.salesforce;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** Parses Salesforce's JSON bodies; a body that is not JSON becomes a {@link MalformedResponse} saying what it was. */
final class WireJson {
    static final ObjectMapper MAPPER = new ObjectMapper();

    private WireJson() {
    }

    /** The body as a JSON tree, or MalformedResponse "{kind} body was not JSON: starts with '<html>'". */
    static JsonNode parse(String kind, String body) {
        if (body == null || body.isBlank()) {
            throw new MalformedResponse(kind + " body was empty");
        }
        try {
            JsonNode node = MAPPER.readTree(body);
            if (node == null || node.isMissingNode()) {
                throw new MalformedResponse(kind + " body was empty");
            }
            return node;
        } catch (JsonProcessingException e) {
            // Jackson's message quotes the input: use only our own words and a redacted start of the body.
            String start = Redaction.excerpt(body, 24);
            boolean truncated = e.getMessage() != null && e.getMessage().contains("end-of-input");
            throw new MalformedResponse(kind + " body was " + (truncated ? "truncated JSON" : "not JSON")
                    + ": starts with '" + start + "' (" + body.length() + " chars)");
        }
    }

    /** Text of a field, or null when absent, null or not a scalar. */
    static String text(JsonNode node, String field) {
        if (node == null) {
            return null;
        }
        JsonNode value = node.get(field);
        return value == null || value.isNull() || value.isContainerNode() ? null : value.asText();
    }
}
