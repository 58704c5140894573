package dev.logindoctor.salesforce;

import java.net.http.HttpHeaders;
import java.util.List;
import java.util.Map;

/**
 * An HTTP answer, whatever its status. The body can hold an access token (a token response) so
 * {@link #toString()} shows only the status and the size.
 */
public record HttpReply(int status, HttpHeaders headers, String body) {
    public HttpReply {
        headers = headers == null ? HttpHeaders.of(Map.of(), (a, b) -> true) : headers;
        body = body == null ? "" : body;
    }

    /** A reply with only a content type, for tests and fakes. */
    public static HttpReply of(int status, String contentType, String body) {
        Map<String, List<String>> h = contentType == null ? Map.of() : Map.of("Content-Type", List.of(contentType));
        return new HttpReply(status, HttpHeaders.of(h, (a, b) -> true), body);
    }

    public boolean ok() {
        return status >= 200 && status < 300;
    }

    public String contentType() {
        return headers.firstValue("Content-Type").orElse(null);
    }

    public String header(String name) {
        return headers.firstValue(name).orElse(null);
    }

    @Override
    public String toString() {
        return "HttpReply[" + status + ", " + (contentType() == null ? "no content type" : contentType()) + ", "
                + body.length() + " chars]";
    }
}
