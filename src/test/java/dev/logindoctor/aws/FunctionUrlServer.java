package dev.logindoctor.aws;

import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.logindoctor.json.Json;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * A loopback stand-in for a Lambda function URL with IAM auth: a request without a SigV4
 * signature for the lambda service is answered 403 as AWS would (the signature itself is not
 * verified); a signed one becomes a payload-format 2.0 event for the handler, whose
 * {statusCode, headers, body} answer becomes the HTTP response.
 */
final class FunctionUrlServer implements AutoCloseable {
    private final HttpServer server;
    private final RequestStreamHandler handler;

    FunctionUrlServer(RequestStreamHandler handler) throws IOException {
        this.handler = handler;
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::handle);
        server.start();
    }

    URI url() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/");
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String authorization = exchange.getRequestHeaders().getFirst("Authorization");
            if (authorization == null || !authorization.startsWith("AWS4-HMAC-SHA256 ") || !authorization.contains("/lambda/aws4_request")) {
                respond(exchange, 403, "{\"Message\":\"Forbidden\"}");
                return;
            }
            byte[] body = exchange.getRequestBody().readAllBytes();
            ObjectNode event = Json.MAPPER.createObjectNode().put("version", "2.0").put("rawPath", exchange.getRequestURI().getPath());
            ObjectNode headers = event.putObject("headers");
            exchange.getRequestHeaders().forEach((name, values) -> headers.put(name.toLowerCase(java.util.Locale.ROOT), String.join(",", values)));
            if (exchange.getRequestURI().getRawQuery() != null) {
                event.put("rawQueryString", exchange.getRequestURI().getRawQuery());
                ObjectNode query = event.putObject("queryStringParameters");
                for (String pair : exchange.getRequestURI().getQuery().split("&")) {
                    int eq = pair.indexOf('=');
                    query.put(eq < 0 ? pair : pair.substring(0, eq), eq < 0 ? "" : pair.substring(eq + 1));
                }
            }
            event.putObject("requestContext").putObject("http").put("method", exchange.getRequestMethod()).put("path", exchange.getRequestURI().getPath());
            event.put("isBase64Encoded", true).put("body", Base64.getEncoder().encodeToString(body));
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            handler.handleRequest(new ByteArrayInputStream(event.toString().getBytes(StandardCharsets.UTF_8)), out, new TestContext("Intake"));
            JsonNode answer = Json.MAPPER.readTree(out.toByteArray());
            respond(exchange, answer.path("statusCode").asInt(200), answer.path("body").asText());
        }
    }

    private static void respond(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
