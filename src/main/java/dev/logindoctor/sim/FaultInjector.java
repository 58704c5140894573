package dev.logindoctor.sim;

import com.sun.net.httpserver.HttpExchange;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Misbehaves on purpose, per endpoint kind: latency, a hang, a dropped connection, a 5xx,
 * throttling, a truncated body, an HTML page where JSON was expected. Faults with {@code times}
 * fire for the first n matching requests only.
 */
final class FaultInjector {
    /** How long a hang holds a request at most; the sim's close() releases it sooner. */
    private static final long MAX_HANG_SECONDS = 600;

    private final List<Active> faults = new CopyOnWriteArrayList<>();
    private final CountDownLatch closed = new CountDownLatch(1);

    private record Active(FaultSpec spec, AtomicInteger remaining) {
        boolean take() {
            return remaining == null || remaining.getAndDecrement() > 0;
        }
    }

    /** What a request's handler does after the faults had their say. */
    @FunctionalInterface
    interface Handler {
        void handle(HttpExchange ex) throws IOException;
    }

    void add(FaultSpec spec) {
        faults.add(new Active(spec, spec.times() == null ? null : new AtomicInteger(spec.times())));
    }

    void clear() {
        faults.clear();
    }

    List<FaultSpec> active() {
        List<FaultSpec> out = new ArrayList<>();
        for (Active a : faults) {
            if (a.remaining == null || a.remaining.get() > 0) {
                out.add(a.spec);
            }
        }
        return out;
    }

    void release() {
        closed.countDown();
    }

    /** Runs {@code handler} for the request unless a fault of {@code kind} answers (or refuses to) instead. */
    void serve(EndpointKind kind, HttpExchange ex, Handler handler) throws IOException {
        FaultSpec acting = null;
        for (Active a : faults) {
            if (!a.spec.kind().equals(kind.key())) {
                continue;
            }
            if (a.spec.type().equals("latency")) {
                if (a.take()) {
                    sleep(a.spec.latencyMs());
                }
            } else if (acting == null && a.take()) {
                acting = a.spec;
            }
        }
        if (acting == null) {
            handler.handle(ex);
            return;
        }
        switch (acting.type()) {
            case "hang" -> {
                try {
                    closed.await(MAX_HANG_SECONDS, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                ex.close(); // nothing was sent: the client sees the connection end with no answer
            }
            // The JDK server cannot send a TCP RST; closing before any response byte is the nearest:
            // the client's read fails with no status line.
            case "reset" -> ex.close();
            case "status" -> {
                int status = acting.status() == null ? 500 : acting.status();
                String body = acting.body() != null ? acting.body()
                        : kind.isRest() ? "[{\"message\":\"An unexpected error occurred. Please include this ErrorId if you contact support: 1523477384-52116 (-1316148851)\",\"errorCode\":\"UNKNOWN_EXCEPTION\"}]"
                        : "Internal Server Error";
                HttpIo.send(ex, status, contentTypeOf(body), body.getBytes(StandardCharsets.UTF_8));
            }
            case "throttle" -> {
                if (kind.isRest()) {
                    HttpIo.sendRestError(ex, 403, "REQUEST_LIMIT_EXCEEDED", "TotalRequests Limit exceeded.");
                } else {
                    ex.getResponseHeaders().set("Retry-After", "1");
                    HttpIo.send(ex, 503, "text/plain", "Service Unavailable".getBytes(StandardCharsets.UTF_8));
                }
            }
            case "html" -> HttpIo.send(ex, acting.status() == null ? 200 : acting.status(), "text/html;charset=UTF-8",
                    MAINTENANCE_PAGE.getBytes(StandardCharsets.UTF_8));
            case "truncate" -> truncate(ex, handler);
            default -> handler.handle(ex);
        }
    }

    /** Produces the real answer, then sends only its first half (with a matching Content-Length). */
    private static void truncate(HttpExchange ex, Handler handler) throws IOException {
        CapturingExchange capture = new CapturingExchange(ex);
        handler.handle(capture);
        byte[] full = capture.body.toByteArray();
        byte[] half = java.util.Arrays.copyOf(full, Math.max(1, full.length / 2));
        capture.getResponseHeaders().forEach((k, v) -> ex.getResponseHeaders().put(k, v));
        ex.sendResponseHeaders(capture.status, half.length);
        try (OutputStream out = ex.getResponseBody()) {
            out.write(half);
        }
        ex.close();
    }

    private static String contentTypeOf(String body) {
        String b = body.stripLeading();
        if (b.startsWith("{") || b.startsWith("[")) {
            return "application/json;charset=UTF-8";
        }
        if (b.startsWith("<?xml") || b.startsWith("<soapenv")) {
            return "text/xml;charset=UTF-8";
        }
        return b.startsWith("<") ? "text/html;charset=UTF-8" : "text/plain;charset=UTF-8";
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static final String MAINTENANCE_PAGE = """
            <!DOCTYPE html>
            <html><head><title>Service Unavailable</title></head>
            <body><h1>Service Unavailable</h1>
            <p>The service is temporarily unavailable due to maintenance or capacity problems. Please try again later.</p>
            </body></html>
            """;

    /** An exchange whose response is kept in memory, so a fault can mangle it before it goes out. */
    private static final class CapturingExchange extends com.sun.net.httpserver.HttpExchange {
        private final HttpExchange real;
        private final com.sun.net.httpserver.Headers headers = new com.sun.net.httpserver.Headers();
        final ByteArrayOutputStream body = new ByteArrayOutputStream();
        int status = 200;

        CapturingExchange(HttpExchange real) {
            this.real = real;
        }

        @Override public com.sun.net.httpserver.Headers getRequestHeaders() { return real.getRequestHeaders(); }
        @Override public com.sun.net.httpserver.Headers getResponseHeaders() { return headers; }
        @Override public java.net.URI getRequestURI() { return real.getRequestURI(); }
        @Override public String getRequestMethod() { return real.getRequestMethod(); }
        @Override public com.sun.net.httpserver.HttpContext getHttpContext() { return real.getHttpContext(); }
        @Override public void close() { }
        @Override public java.io.InputStream getRequestBody() { return real.getRequestBody(); }
        @Override public OutputStream getResponseBody() { return body; }
        @Override public void sendResponseHeaders(int rCode, long responseLength) { status = rCode; }
        @Override public java.net.InetSocketAddress getRemoteAddress() { return real.getRemoteAddress(); }
        @Override public int getResponseCode() { return status; }
        @Override public java.net.InetSocketAddress getLocalAddress() { return real.getLocalAddress(); }
        @Override public String getProtocol() { return real.getProtocol(); }
        @Override public Object getAttribute(String name) { return real.getAttribute(name); }
        @Override public void setAttribute(String name, Object value) { real.setAttribute(name, value); }
        @Override public void setStreams(java.io.InputStream i, OutputStream o) { }
        @Override public com.sun.net.httpserver.HttpPrincipal getPrincipal() { return real.getPrincipal(); }
    }
}
