package dev.logindoctor.sim;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;

import java.io.IOException;
import java.io.OutputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/** How {@link FaultProxy} answers one request with a {@link TransportFault}, in the shape of the request's kind. */
final class FaultAnswers {
    /** A hang or a drip ends at the latest here, or when the proxy closes. */
    private static final long MAX_HOLD_SECONDS = 120;
    private static final int TEN_MB = 10 * 1024 * 1024;

    private final HttpExchange ex;
    private final FaultProxy.Kind kind;
    private final String echo;
    private final CountDownLatch closed;

    FaultAnswers(HttpExchange ex, FaultProxy.Kind kind, String echo, CountDownLatch closed) {
        this.ex = ex;
        this.kind = kind;
        this.echo = echo;
        this.closed = closed;
    }

    boolean needsUpstream(TransportFault fault) {
        return fault == TransportFault.TRUNCATED_BODY || fault == TransportFault.DRIP_1_BYTE_PER_SECOND
                || (fault == TransportFault.SUBREQUESTS_500 && kind == FaultProxy.Kind.COMPOSITE);
    }

    void play(TransportFault fault, FaultProxy.Upstream real) throws IOException, InterruptedException {
        switch (fault) {
            // Reached only if the client ignored the proxy selector's closed port: refuse as nearly as a server can.
            case CONNECTION_REFUSED -> ex.close();
            case HANG -> closed.await(MAX_HOLD_SECONDS, TimeUnit.SECONDS);
            case HTML_500 -> send(ex, 500, "text/html;charset=UTF-8", bytes("<!DOCTYPE html><html><head><title>Internal Server Error</title></head>"
                    + "<body><h1>Error 500</h1><p>An internal server error occurred. Request: " + urlEncoded() + "</p></body></html>"));
            case UNAVAILABLE_503_RETRY_AFTER -> {
                ex.getResponseHeaders().set("Retry-After", "3600");
                send(ex, 503, "text/plain", bytes("Service Unavailable"));
            }
            case UNAUTHORIZED_401 -> send(ex, 401, "application/json;charset=UTF-8", bytes(unauthorized()));
            case TRUNCATED_BODY -> truncated(real);
            case BODY_10_MB -> tenMegabytes();
            case INVALID_JSON -> send(ex, 200, "application/json;charset=UTF-8", bytes(invalidJson()));
            case SUBREQUESTS_500 -> {
                if (kind == FaultProxy.Kind.COMPOSITE) {
                    send(ex, 200, "application/json;charset=UTF-8", everySubrequestFailed(real.body()));
                } else {
                    send(ex, 500, "application/json;charset=UTF-8", bytes(kind == FaultProxy.Kind.TOKEN
                            ? "{\"error\":\"server_error\",\"error_description\":\"internal server error\"}"
                            : "{\"message\":\"Internal Server Error\",\"status\":500}"));
                }
            }
            case DRIP_1_BYTE_PER_SECOND -> drip(real);
        }
    }

    /** Every encoding of what the request carried: raw, URL-encoded, JSON-escaped (inside the JSON text itself). */
    private String unauthorized() {
        String raw = echo == null ? "" : echo;
        String said = "Session expired or invalid: " + raw + " " + urlEncoded() + " " + raw.toUpperCase(java.util.Locale.ROOT);
        return switch (kind) {
            case TOKEN -> FaultProxy.WIRE.createObjectNode().put("error", "invalid_client").put("error_description", said).toString();
            case TRUST -> FaultProxy.WIRE.createObjectNode().put("message", "Unauthorized " + said).toString();
            default -> FaultProxy.WIRE.createArrayNode().add(FaultProxy.WIRE.createObjectNode()
                    .put("message", said).put("errorCode", "INVALID_SESSION_ID")).toString();
        };
    }

    private String urlEncoded() {
        return echo == null ? "" : URLEncoder.encode(echo, StandardCharsets.UTF_8);
    }

    /** Looks like the start of a real answer; a session-id-shaped token sits in it. */
    private String invalidJson() {
        String token = "00D5g000004SxQlEAK!AQinvalidJsonCanary" + "x".repeat(40);
        return switch (kind) {
            case TOKEN -> "{\"access_token\":\"" + token + "\",\"instance_url\":\"http://127.0.0.1\",,,\"id\": }";
            case COMPOSITE -> "{\"compositeResponse\":[{\"body\":{\"totalSize\":1,\"records\":[{\"Id\":\"" + token + "\"}]]]}";
            default -> "{\"status\":\"OK\",\"key\":\"NA224\" <html>" + token;
        };
    }

    private void truncated(FaultProxy.Upstream real) throws IOException {
        ex.getResponseHeaders().set("Content-Type", real.contentType());
        ex.sendResponseHeaders(real.status(), real.body().length);
        OutputStream out = ex.getResponseBody();
        out.write(Arrays.copyOf(real.body(), real.body().length / 2));
        out.flush();
        // Closing a fixed-length body short of its length closes the connection: the client sees an early EOF.
        ex.close();
    }

    private void tenMegabytes() throws IOException {
        ex.getResponseHeaders().set("Content-Type", "application/json;charset=UTF-8");
        ex.sendResponseHeaders(200, 0);
        byte[] chunk = new byte[64 * 1024];
        Arrays.fill(chunk, (byte) 'a');
        try (OutputStream out = ex.getResponseBody()) {
            out.write(bytes("{\"padding\":\""));
            for (int sent = 0; sent < TEN_MB; sent += chunk.length) {
                out.write(chunk);
            }
            out.write(bytes("\"}"));
        } catch (IOException clientGaveUp) {
            // the client refused the body past its limit
        }
    }

    private void drip(FaultProxy.Upstream real) throws IOException, InterruptedException {
        ex.getResponseHeaders().set("Content-Type", real.contentType());
        ex.sendResponseHeaders(real.status(), real.body().length);
        OutputStream out = ex.getResponseBody();
        try {
            for (byte b : real.body()) {
                out.write(b);
                out.flush();
                if (closed.await(1, TimeUnit.SECONDS)) {
                    return;
                }
            }
        } catch (IOException clientGaveUp) {
            // the client stopped waiting
        }
    }

    private static byte[] everySubrequestFailed(byte[] realBody) throws IOException {
        JsonNode answer = FaultProxy.WIRE.readTree(realBody);
        JsonNode subs = answer.path("compositeResponse");
        if (subs instanceof ArrayNode array) {
            for (JsonNode sub : array) {
                if (sub instanceof ObjectNode s) {
                    s.put("httpStatusCode", 500);
                    s.set("body", FaultProxy.WIRE.createArrayNode().add(FaultProxy.WIRE.createObjectNode()
                            .put("errorCode", "UNKNOWN_EXCEPTION").put("message", "An unexpected error occurred.")));
                }
            }
        }
        return FaultProxy.WIRE.writeValueAsBytes(answer);
    }

    static void send(HttpExchange ex, int status, String contentType, byte[] body) throws IOException {
        if (contentType != null) {
            ex.getResponseHeaders().set("Content-Type", contentType);
        }
        ex.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        if (body.length > 0) {
            try (OutputStream out = ex.getResponseBody()) {
                out.write(body);
            }
        }
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
