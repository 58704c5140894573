package dev.logindoctor.sim;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.sun.net.httpserver.HttpExchange;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/** Reading requests and writing responses over the JDK's HTTP server. */
final class HttpIo {
    /** JSON as Salesforce writes it: nulls kept ("Profile": null), no pretty printing. */
    static final ObjectMapper JSON = new ObjectMapper().disable(SerializationFeature.FAIL_ON_EMPTY_BEANS);

    private HttpIo() {
    }

    static byte[] readBody(HttpExchange ex) throws IOException {
        // Salesforce's Java client (WSC) gzips its requests by default, and Salesforce accepts that.
        boolean gzip = "gzip".equalsIgnoreCase(ex.getRequestHeaders().getFirst("Content-Encoding"));
        try (InputStream in = gzip ? new java.util.zip.GZIPInputStream(ex.getRequestBody()) : ex.getRequestBody()) {
            return in.readAllBytes();
        }
    }

    /** Decodes {@code a=b&c=d} (form bodies and query strings); later duplicates win. */
    static Map<String, String> parseForm(String text) {
        Map<String, String> out = new LinkedHashMap<>();
        if (text == null || text.isEmpty()) {
            return out;
        }
        for (String pair : text.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String k = eq < 0 ? pair : pair.substring(0, eq);
            String v = eq < 0 ? "" : pair.substring(eq + 1);
            out.put(decode(k), decode(v));
        }
        return out;
    }

    static String decode(String s) {
        try {
            return URLDecoder.decode(s, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return s; // a raw '%' in an unencoded SOQL string: take it as it is
        }
    }

    /**
     * The caller's address: the first X-Forwarded-For entry when present (how tests and the demo
     * say where an integration logs in from), else the connection's address.
     */
    static String sourceIp(HttpExchange ex) {
        String xff = ex.getRequestHeaders().getFirst("X-Forwarded-For");
        if (xff != null && !xff.isBlank()) {
            return xff.split(",")[0].strip();
        }
        return ex.getRemoteAddress().getAddress().getHostAddress();
    }

    static void send(HttpExchange ex, int status, String contentType, byte[] body) throws IOException {
        ex.getResponseHeaders().set("Content-Type", contentType);
        ex.getResponseHeaders().set("Date", java.time.format.DateTimeFormatter.RFC_1123_DATE_TIME
                .format(java.time.ZonedDateTime.now(java.time.ZoneOffset.UTC)));
        ex.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        if (body.length > 0) {
            try (OutputStream out = ex.getResponseBody()) {
                out.write(body);
            }
        }
        ex.close();
    }

    static void sendJson(HttpExchange ex, int status, Object body) throws IOException {
        send(ex, status, "application/json;charset=UTF-8", JSON.writeValueAsBytes(body));
    }

    static void sendXml(HttpExchange ex, int status, String xml) throws IOException {
        send(ex, status, "text/xml;charset=UTF-8", xml.getBytes(StandardCharsets.UTF_8));
    }

    /** Salesforce REST's error shape: a JSON array of {message, errorCode}. */
    static void sendRestError(HttpExchange ex, int status, String errorCode, String message) throws IOException {
        sendJson(ex, status, restError(errorCode, message));
    }

    static java.util.List<Map<String, Object>> restError(String errorCode, String message) {
        Map<String, Object> e = new LinkedHashMap<>();
        e.put("message", message);
        e.put("errorCode", errorCode);
        return java.util.List.of(e);
    }

    static void sendOAuthError(HttpExchange ex, int status, String error, String description) throws IOException {
        Map<String, Object> e = new LinkedHashMap<>();
        e.put("error", error);
        e.put("error_description", description);
        sendJson(ex, status, e);
    }
}
