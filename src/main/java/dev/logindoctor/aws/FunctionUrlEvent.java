package dev.logindoctor.aws;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.logindoctor.json.Json;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * A Lambda function URL request (payload format 2.0) and the response Lambda turns into HTTP.
 * Told apart from a directly invoked report by the whole shape Lambda gives it (version 2.0, a raw
 * path, an HTTP method under requestContext.http): a report that merely carries a requestContext
 * field is still a report.
 */
final class FunctionUrlEvent {
    private FunctionUrlEvent() {
    }

    static boolean matches(JsonNode event) {
        if (event == null || !event.isObject()) {
            return false;
        }
        JsonNode body = event.get("body");
        return "2.0".equals(event.path("version").textValue())
                && event.path("rawPath").isTextual()
                && event.path("requestContext").path("http").path("method").isTextual()
                && (body == null || body.isNull() || body.isTextual());
    }

    static String method(JsonNode event) {
        return event.path("requestContext").path("http").path("method").asText("");
    }

    /** The request body as text, decoded when Lambda base64-encoded it (it does for non-text content types). */
    static String body(JsonNode event) {
        JsonNode body = event.get("body");
        if (body == null || body.isNull()) {
            return "";
        }
        if (event.path("isBase64Encoded").asBoolean(false)) {
            try {
                return new String(Base64.getDecoder().decode(body.asText()), StandardCharsets.UTF_8);
            } catch (IllegalArgumentException e) {
                return null;
            }
        }
        return body.asText();
    }

    static ObjectNode response(int statusCode, JsonNode body) {
        ObjectNode response = Json.MAPPER.createObjectNode().put("statusCode", statusCode);
        response.putObject("headers").put("content-type", "application/json");
        response.put("body", body.toString());
        return response;
    }
}
