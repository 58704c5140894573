package dev.logindoctor.salesforce;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Turns a non-2xx answer from the REST API or the Trust API into the typed error a caller can act on
 * (docs/salesforce-wire-facts.md#rest-errors-and-session-expiry): 429/503 and 403 REQUEST_LIMIT_EXCEEDED →
 * {@link Throttled}; 401 → {@link SessionExpired}; other 5xx → {@link SalesforceUnavailable}; other 4xx with
 * Salesforce's error array → {@link RequestRejected}. Login endpoints (SOAP, OAuth token) have their own error
 * shapes and map those first, then fall back here for the statuses they share.
 */
final class ResponseErrors {
    private ResponseErrors() {
    }

    /** Returns the reply when it is 2xx, else throws the typed error. */
    static HttpReply requireSuccess(String kind, String host, HttpReply reply) {
        if (reply.ok()) {
            return reply;
        }
        throw toException(kind, host, reply);
    }

    static SalesforceException toException(String kind, String host, HttpReply reply) {
        int status = reply.status();
        ApiError error = ApiError.from(reply.body());
        String said = error == null ? "" : " (" + status + " " + error.code() + ": " + error.message() + ")";
        if (status == 429 || status == 503) {
            String retryAfter = reply.header("Retry-After");
            return new Throttled(kind + " to " + host + " was throttled: HTTP " + status
                    + (retryAfter == null ? "" : ", retry after " + Redaction.excerpt(retryAfter, 20) + " s") + said);
        }
        if (status == 401) {
            return new SessionExpired(kind + " to " + host + ": the session expired or is invalid"
                    + (error == null ? " (401)" : said));
        }
        if (status == 403 && error != null && error.code().equalsIgnoreCase("REQUEST_LIMIT_EXCEEDED")) {
            return new Throttled(kind + " to " + host + ": the org's API request limit is reached" + said);
        }
        if (status >= 500) {
            return new SalesforceUnavailable(kind + " to " + host + " failed: HTTP " + status
                    + (error == null ? bodyHint(reply) : said));
        }
        if (status >= 300 && status < 400) {
            String location = reply.header("Location");
            String to = location == null ? "" : " to " + hostOf(location);
            return new RequestRejected("REDIRECT", kind + " was redirected" + to
                    + "; check the URL (a login host must be a Salesforce login or My Domain host)", status);
        }
        if (error != null) {
            return new RequestRejected(error.code(), error.message(), status);
        }
        return new RequestRejected("HTTP_" + status, kind + " to " + host + " refused" + bodyHint(reply), status);
    }

    private static String bodyHint(HttpReply reply) {
        return reply.body().isBlank() ? "" : " (body starts with '" + Redaction.excerpt(reply.body(), 40) + "')";
    }

    private static String hostOf(String url) {
        try {
            String host = java.net.URI.create(url.strip()).getHost();
            return host == null ? "another address" : host;
        } catch (IllegalArgumentException e) {
            return "another address";
        }
    }

    /** Salesforce's error: {@code [{"message","errorCode","fields"?}]}, or one such object. */
    record ApiError(String code, String message) {
        static ApiError from(String body) {
            if (body == null || body.isBlank()) {
                return null;
            }
            JsonNode node;
            try {
                node = WireJson.MAPPER.readTree(body);
            } catch (java.io.IOException e) {
                return null;
            }
            return from(node);
        }

        static ApiError from(JsonNode node) {
            if (node == null) {
                return null;
            }
            JsonNode first = node.isArray() && !node.isEmpty() ? node.get(0) : node;
            if (first == null || !first.isObject()) {
                return null;
            }
            String code = WireJson.text(first, "errorCode");
            String message = WireJson.text(first, "message");
            if (code == null) {
                // OAuth-shaped errors also reach REST clients on some paths.
                code = WireJson.text(first, "error");
                message = WireJson.text(first, "error_description");
            }
            if (code == null) {
                return null;
            }
            return new ApiError(Redaction.excerpt(code, 80), Redaction.excerpt(message == null ? "" : message, 300));
        }
    }
}
