package dev.logindoctor.bench;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Predicate;

/**
 * A loopback forward HTTP proxy that holds every request for a fixed delay before passing it on:
 * clients keep their real URLs (a JWT's audience stays the sim's), and the JVM's default proxy
 * selector routes them here ({@link #routeThisJvm()}, or {@link ProxiedMain} in a child JVM). It
 * records each request and the time it was busy with it, so a benchmark can count requests by kind
 * and take network time apart from a handler's own work.
 */
public final class LatencyProxy implements AutoCloseable {
    private static final Set<String> HOP_HEADERS = Set.of("connection", "content-length", "host", "expect", "upgrade",
            "proxy-connection", "keep-alive", "transfer-encoding", "te", "trailer", "proxy-authorization");

    /** One request passed on: what it was and when the proxy held it (System.nanoTime). */
    public record Exchange(String method, URI uri, String amzTarget, long startNanos, long endNanos) {
    }

    private final HttpServer server;
    private final ExecutorService executor = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "latency-proxy");
        t.setDaemon(true);
        return t;
    });
    private final HttpClient upstream = HttpClient.newBuilder().proxy(HttpClient.Builder.NO_PROXY)
            .version(HttpClient.Version.HTTP_1_1).followRedirects(HttpClient.Redirect.NEVER).executor(executor).build();
    private final List<Exchange> exchanges = new ArrayList<>();
    private volatile long delayMillis;

    public LatencyProxy() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 128);
        server.setExecutor(executor);
        server.createContext("/", this::forward);
        server.start();
    }

    public int port() {
        return server.getAddress().getPort();
    }

    /** The JVM option a child started through {@link ProxiedMain} reads to route its plain HTTP here. */
    public String jvmOption() {
        return "-D" + ProxiedMain.PROXY_PORT + "=" + port();
    }

    /** Only requests to these ports go through the proxy in a child started through {@link ProxiedMain}. */
    public static String onlyPortsOption(int... ports) {
        return "-D" + ProxiedMain.PROXIED_PORTS + "=" + java.util.Arrays.stream(ports).mapToObj(String::valueOf)
                .collect(java.util.stream.Collectors.joining(","));
    }

    /**
     * Routes this JVM's plain-HTTP clients built from now on through the proxy. The JDK's default
     * selector never proxies loopback hosts, whatever http.nonProxyHosts says, hence a selector of our own.
     */
    public void routeThisJvm() {
        ProxiedMain.route(port());
    }

    public void delayMillis(long millis) {
        this.delayMillis = millis;
    }

    public synchronized void reset() {
        exchanges.clear();
    }

    public synchronized List<Exchange> exchanges() {
        return List.copyOf(exchanges);
    }

    public long count(Predicate<Exchange> which) {
        return exchanges().stream().filter(which).count();
    }

    /** Milliseconds during which at least one request was in the proxy's hands (overlaps counted once). */
    public double busyMillis() {
        List<Exchange> all = new ArrayList<>(exchanges());
        all.sort(Comparator.comparingLong(Exchange::startNanos));
        long busy = 0;
        long from = Long.MIN_VALUE;
        long to = Long.MIN_VALUE;
        for (Exchange e : all) {
            if (e.startNanos() > to) {
                busy += to - from;
                from = e.startNanos();
                to = e.endNanos();
            } else {
                to = Math.max(to, e.endNanos());
            }
        }
        busy += to - from;
        return busy / 1e6;
    }

    private void forward(HttpExchange ex) throws IOException {
        long start = System.nanoTime();
        try (ex) {
            URI uri = ex.getRequestURI();
            if (uri.getScheme() == null) {
                ex.sendResponseHeaders(400, -1);
                return;
            }
            byte[] body;
            try (InputStream in = ex.getRequestBody()) {
                body = in.readAllBytes();
            }
            if (delayMillis > 0) {
                Thread.sleep(delayMillis);
            }
            HttpRequest.Builder request = HttpRequest.newBuilder(uri)
                    .method(ex.getRequestMethod(), body.length == 0 ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
            ex.getRequestHeaders().forEach((name, values) -> {
                if (!HOP_HEADERS.contains(name.toLowerCase(Locale.ROOT))) {
                    values.forEach(v -> request.header(name, v));
                }
            });
            HttpResponse<byte[]> response = upstream.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
            response.headers().map().forEach((name, values) -> {
                if (!HOP_HEADERS.contains(name.toLowerCase(Locale.ROOT)) && !name.startsWith(":")) {
                    ex.getResponseHeaders().put(name, values);
                }
            });
            byte[] answer = response.body();
            ex.sendResponseHeaders(response.statusCode(), answer.length == 0 ? -1 : answer.length);
            try (OutputStream out = ex.getResponseBody()) {
                out.write(answer);
            }
            record(ex, uri, start);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException e) {
            try {
                ex.sendResponseHeaders(502, -1);
            } catch (IOException | IllegalStateException alreadyAnswering) {
                // the client sees the broken answer
            }
        }
    }

    private synchronized void record(HttpExchange ex, URI uri, long start) {
        exchanges.add(new Exchange(ex.getRequestMethod(), uri, ex.getRequestHeaders().getFirst("X-Amz-Target"), start, System.nanoTime()));
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
