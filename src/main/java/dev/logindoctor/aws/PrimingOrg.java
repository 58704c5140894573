package dev.logindoctor.aws;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A stand-in for Salesforce, Trust, Secrets Manager and Step Functions on 127.0.0.1, for init
 * priming only: it answers each request a handler's first invocation makes with a recorded answer
 * of the same shape (src/main/resources/priming/, recorded from the simulated org; made-up data,
 * no credential), so the real clients run their whole path once before SnapStart's snapshot.
 * Nothing leaves the machine; the server is stopped before the snapshot.
 */
final class PrimingOrg implements AutoCloseable {
    private final HttpServer server;
    private final ExecutorService executor = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "init-priming-org");
        t.setDaemon(true);
        return t;
    });
    private final String baseUrl;
    private final Map<String, String> awsAnswers = new ConcurrentHashMap<>();

    PrimingOrg() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 8);
        } catch (IOException e) {
            throw new UncheckedIOException("init priming cannot listen on loopback", e);
        }
        this.baseUrl = "http://127.0.0.1:" + server.getAddress().getPort();
        server.setExecutor(executor);
        server.createContext("/", this::answer);
        server.start();
    }

    String baseUrl() {
        return baseUrl;
    }

    /** The JSON body to answer an AWS JSON-protocol call with, by its X-Amz-Target. */
    PrimingOrg answering(String amzTarget, String body) {
        awsAnswers.put(amzTarget, body);
        return this;
    }

    private void answer(HttpExchange ex) throws IOException {
        try (ex) {
            ex.getRequestBody().readAllBytes();
            String path = ex.getRequestURI().getPath();
            String target = ex.getRequestHeaders().getFirst("X-Amz-Target");
            String body;
            if (target != null) {
                body = awsAnswers.get(target);
            } else if (path.endsWith("/services/oauth2/token")) {
                body = resource("token.json").replace("{{base}}", baseUrl);
            } else if (path.endsWith("/composite")) {
                body = resource("composite.json");
            } else if (path.startsWith("/v1/instanceAliases/") || path.startsWith("/v1/instances/")) {
                body = resource("trust-status.json");
            } else if (path.startsWith("/v1/maintenances")) {
                body = resource("maintenances.json");
            } else if (path.startsWith("/v1/incidents")) {
                body = resource("incidents.json");
            } else {
                body = null;
            }
            if (body == null) {
                ex.sendResponseHeaders(404, -1);
                return;
            }
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            ex.getResponseHeaders().add("Content-Type", target != null ? "application/x-amz-json-1.0" : "application/json;charset=UTF-8");
            ex.sendResponseHeaders(200, bytes.length);
            ex.getResponseBody().write(bytes);
        }
    }

    static String resource(String name) {
        try (InputStream in = PrimingOrg.class.getResourceAsStream("/priming/" + name)) {
            if (in == null) {
                throw new IllegalStateException("priming/" + name + " is missing from the jar");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
