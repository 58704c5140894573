package dev.logindoctor.salesforce;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One HTTP request to Salesforce or the Trust API.
 *
 * @param kind    what the request is for, in words used in error messages ("query", "token request")
 * @param headers may carry an Authorization header; {@link #toString()} never shows headers or body
 * @param body    null for GET; may carry a password or an assertion, so it is never shown either
 */
public record HttpCall(String kind, String method, URI uri, Map<String, String> headers, String body) {
    public HttpCall {
        headers = headers == null ? Map.of() : Map.copyOf(new LinkedHashMap<>(headers));
    }

    public static HttpCall get(String kind, URI uri, Map<String, String> headers) {
        return new HttpCall(kind, "GET", uri, headers, null);
    }

    public static HttpCall post(String kind, URI uri, Map<String, String> headers, String body) {
        return new HttpCall(kind, "POST", uri, headers, body == null ? "" : body);
    }

    /** The host the call goes to, for messages (never the path or query: they may name records). */
    public String host() {
        return uri.getHost() == null ? "?" : uri.getHost();
    }

    @Override
    public String toString() {
        return "HttpCall[" + kind + " " + method + " " + uri.getScheme() + "://" + host() + uri.getRawPath() + "]";
    }
}
