package dev.logindoctor.salesforce;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code {"compositeResponse":[{body,httpHeaders,httpStatusCode,referenceId}]}}
 * (docs/salesforce-wire-facts.md#rest-composite). The whole request is HTTP 200 even when subrequests fail;
 * each part carries its own status and body.
 */
public record CompositeResponse(Map<String, Part> parts) {
    public CompositeResponse {
        parts = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(parts));
    }

    /** One subrequest's answer. A failure's body is Salesforce's error array. */
    public record Part(String referenceId, int httpStatusCode, JsonNode body) {
        public boolean ok() {
            return httpStatusCode >= 200 && httpStatusCode < 300;
        }

        /** "HTTP 400 INVALID_FIELD: No such column ..." for a failed part; null for a success. */
        public String failure() {
            if (ok()) {
                return null;
            }
            ResponseErrors.ApiError error = ResponseErrors.ApiError.from(body);
            return "HTTP " + httpStatusCode + (error == null ? "" : " " + error.code() + ": " + error.message());
        }

        public String errorCode() {
            ResponseErrors.ApiError error = ok() ? null : ResponseErrors.ApiError.from(body);
            return error == null ? null : error.code();
        }
    }

    public Part part(String referenceId) {
        return parts.get(referenceId);
    }

    static CompositeResponse parse(JsonNode body) {
        JsonNode list = body == null ? null : body.get("compositeResponse");
        if (list == null || !list.isArray()) {
            throw new MalformedResponse("composite response had no compositeResponse array");
        }
        Map<String, Part> parts = new LinkedHashMap<>();
        for (JsonNode item : list) {
            String ref = WireJson.text(item, "referenceId");
            JsonNode status = item.get("httpStatusCode");
            if (ref == null || status == null || !status.canConvertToInt()) {
                throw new MalformedResponse("composite response had a subresponse without referenceId or httpStatusCode");
            }
            parts.put(ref, new Part(ref, status.asInt(), item.get("body")));
        }
        return new CompositeResponse(parts);
    }
}
