package dev.logindoctor.salesforce;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.Executors;

/**
 * A tiny JDK HttpServer on 127.0.0.1 that serves the contract bodies (src/test/resources/contract)
 * over real HTTP, so the real transport parses real responses. Routes match method + path (the
 * query string is kept on the recorded request for assertions); a route can answer a sequence.
 */
final class ContractServer implements AutoCloseable {

    /** What the server received. */
    record Received(String method, String path, String rawQuery, Map<String, String> headers, String body) {
        String query() {
            return rawQuery == null ? null : java.net.URLDecoder.decode(rawQuery, StandardCharsets.UTF_8);
        }

        String header(String name) {
            return headers.get(name.toLowerCase(java.util.Locale.ROOT));
        }
    }

    @FunctionalInterface
    interface Responder {
        void respond(HttpExchange exchange, Received request) throws IOException;
    }

    private final HttpServer server;
    private final Map<String, List<Responder>> routes = new LinkedHashMap<>();
    private final Map<String, Integer> served = new java.util.concurrent.ConcurrentHashMap<>();
    private final ConcurrentLinkedDeque<Received> received = new ConcurrentLinkedDeque<>();

    ContractServer() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.setExecutor(Executors.newCachedThreadPool());
        server.createContext("/", this::handle);
        server.start();
    }

    String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    URI uri(String pathAndQuery) {
        return URI.create(baseUrl() + pathAndQuery);
    }

    /** Answers {@code method path} with each responder in turn; the last one repeats. */
    ContractServer on(String method, String path, Responder... responders) {
        routes.put(method + " " + path, List.of(responders));
        return this;
    }

    List<Received> requests() {
        return new ArrayList<>(received);
    }

    long count(String method, String path) {
        return received.stream().filter(r -> r.method().equals(method) && r.path().equals(path)).count();
    }

    private void handle(HttpExchange exchange) throws IOException {
        byte[] bodyBytes;
        try (InputStream in = exchange.getRequestBody()) {
            bodyBytes = in.readAllBytes();
        }
        Map<String, String> headers = new LinkedHashMap<>();
        exchange.getRequestHeaders().forEach((k, v) -> headers.put(k.toLowerCase(java.util.Locale.ROOT), String.join(",", v)));
        URI uri = exchange.getRequestURI();
        Received request = new Received(exchange.getRequestMethod(), uri.getRawPath(), uri.getRawQuery(), headers,
                new String(bodyBytes, StandardCharsets.UTF_8));
        received.add(request);
        String key = request.method() + " " + java.net.URLDecoder.decode(request.path(), StandardCharsets.UTF_8);
        List<Responder> responders = routes.get(key);
        if (responders == null) {
            send(exchange, 404, "application/json", "[{\"errorCode\":\"NOT_FOUND\",\"message\":\"The requested resource does not exist\"}]");
            return;
        }
        int n = served.merge(key, 1, Integer::sum) - 1;
        Responder responder = responders.get(Math.min(n, responders.size() - 1));
        try {
            responder.respond(exchange, request);
        } finally {
            exchange.close();
        }
    }

    // ---- responders ----

    static Responder json(int status, String body) {
        return (ex, req) -> send(ex, status, "application/json;charset=UTF-8", body);
    }

    static Responder body(int status, String contentType, String body) {
        return (ex, req) -> send(ex, status, contentType, body);
    }

    /** A contract fixture from src/test/resources/contract/. */
    static Responder fixture(int status, String name) {
        String contentType = name.endsWith(".xml") ? "text/xml;charset=UTF-8"
                : name.endsWith(".html") ? "text/html;charset=UTF-8" : "application/json;charset=UTF-8";
        return body(status, contentType, Fixtures.read(name));
    }

    /** A fixture with one literal replaced, e.g. its instance_url pointed at this server. */
    static Responder fixture(int status, String name, String literal, String replacement) {
        return body(status, "application/json;charset=UTF-8", Fixtures.read(name).replace(literal, replacement));
    }

    /** Sends headers, then never finishes the body. */
    static Responder hangAfterHeaders(long millis) {
        return (ex, req) -> {
            ex.getResponseHeaders().set("Content-Type", "application/json");
            ex.sendResponseHeaders(200, 0);
            OutputStream out = ex.getResponseBody();
            out.write("{\"records\":[".getBytes(StandardCharsets.UTF_8));
            out.flush();
            sleep(millis);
        };
    }

    static Responder hang(long millis) {
        return (ex, req) -> sleep(millis);
    }

    /** Declares a length, sends less, closes: the client sees the connection end early. */
    static Responder cutShort() {
        return (ex, req) -> {
            ex.getResponseHeaders().set("Content-Type", "application/json");
            ex.sendResponseHeaders(200, 1000);
            ex.getResponseBody().write("{\"totalSize\":1,".getBytes(StandardCharsets.UTF_8));
            ex.getResponseBody().flush();
            // Closing the exchange without the promised bytes ends the connection.
        };
    }

    /** Closes the connection without any answer. */
    static Responder slam() {
        return (ex, req) -> {
            ex.getResponseBody().close();
        };
    }

    static void send(HttpExchange ex, int status, String contentType, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        if (contentType != null) {
            ex.getResponseHeaders().set("Content-Type", contentType);
        }
        ex.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        if (bytes.length > 0) {
            try (OutputStream out = ex.getResponseBody()) {
                out.write(bytes);
            }
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        server.stop(0);
        ((java.util.concurrent.ExecutorService) server.getExecutor()).shutdownNow();
    }
}
