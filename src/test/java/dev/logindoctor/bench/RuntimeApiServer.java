package dev.logindoctor.bench;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The part of the Lambda Runtime API a runtime client needs for one invocation, on loopback: the
 * first {@code GET /runtime/invocation/next} gets the event, later ones wait (the benchmark stops
 * the process). {@link #answer()} completes with the response body when the handler's answer is
 * posted, or fails with what was posted to an error endpoint.
 */
final class RuntimeApiServer implements AutoCloseable {
    private static final String PREFIX = "/2018-06-01/runtime/";
    static final String REQUEST_ID = "c0ffee00-0000-4000-8000-000000000001";

    private final HttpServer server;
    private final ExecutorService executor = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "runtime-api");
        t.setDaemon(true);
        return t;
    });
    private final byte[] event;
    private final AtomicBoolean served = new AtomicBoolean();
    private final CompletableFuture<String> answer = new CompletableFuture<>();
    private volatile long answeredAtNanos;

    RuntimeApiServer(byte[] event) throws IOException {
        this.event = event;
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 16);
        server.setExecutor(executor);
        server.createContext("/", this::route);
        server.start();
    }

    /** {@code host:port}, as AWS_LAMBDA_RUNTIME_API gives it. */
    String address() {
        return "127.0.0.1:" + server.getAddress().getPort();
    }

    CompletableFuture<String> answer() {
        return answer;
    }

    long answeredAtNanos() {
        return answeredAtNanos;
    }

    private void route(HttpExchange ex) throws IOException {
        String path = ex.getRequestURI().getPath();
        byte[] body;
        try (InputStream in = ex.getRequestBody()) {
            body = in.readAllBytes();
        }
        String text = new String(body, StandardCharsets.UTF_8);
        if (path.equals(PREFIX + "invocation/next")) {
            if (served.getAndSet(true)) {
                // The one invocation is done; the runtime client waits here until the process is stopped.
                answer.exceptionally(e -> null).join();
                sleepQuietly();
                return;
            }
            ex.getResponseHeaders().add("Lambda-Runtime-Aws-Request-Id", REQUEST_ID);
            ex.getResponseHeaders().add("Lambda-Runtime-Deadline-Ms", String.valueOf(System.currentTimeMillis() + 60_000));
            ex.getResponseHeaders().add("Lambda-Runtime-Invoked-Function-Arn", "arn:aws:lambda:us-east-1:123456789012:function:cold-start-bench");
            ex.getResponseHeaders().add("Lambda-Runtime-Trace-Id", "Root=1-00000000-000000000000000000000000;Sampled=0");
            ex.getResponseHeaders().add("Content-Type", "application/json");
            ex.sendResponseHeaders(200, event.length);
            ex.getResponseBody().write(event);
            ex.close();
            return;
        }
        if (path.equals(PREFIX + "invocation/" + REQUEST_ID + "/response")) {
            answeredAtNanos = System.nanoTime();
            accepted(ex);
            answer.complete(text);
            return;
        }
        if (path.endsWith("/error")) {
            accepted(ex);
            answer.completeExceptionally(new IllegalStateException("runtime error posted to " + path + ": " + text));
            return;
        }
        ex.sendResponseHeaders(404, -1);
        ex.close();
    }

    private static void accepted(HttpExchange ex) throws IOException {
        ex.sendResponseHeaders(202, 2);
        ex.getResponseBody().write("{}".getBytes(StandardCharsets.UTF_8));
        ex.close();
    }

    private static void sleepQuietly() {
        try {
            Thread.sleep(60_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
