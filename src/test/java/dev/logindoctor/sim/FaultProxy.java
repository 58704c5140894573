package dev.logindoctor.sim;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Proxy;
import java.net.ProxySelector;
import java.net.ServerSocket;
import java.net.SocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.UnaryOperator;

/**
 * A loopback forward proxy between Login Doctor's HTTP clients and one simulated org. The clients
 * keep the sim's real URLs (a JWT's audience stays the sim's); this JVM's proxy selector sends only
 * requests for the sim's port here, so other servers (moto, the Lambda endpoint) are reached
 * directly. The proxy counts every org-API request it is asked to make (token, composite, query…;
 * Trust is not the org's API), a refused connection included; plays one {@link TransportFault} on
 * one {@link TransportFault.Target}; rewrites composite and Trust answers into hostile shapes; and
 * can hand the client canary session tokens in place of the sim's (swapping them back on the way in).
 *
 * <p>Requests are sent on, one at a time per client connection, to the sim with a client of its own.
 */
public final class FaultProxy implements AutoCloseable {
    private static final Set<String> HOP_HEADERS = Set.of("connection", "content-length", "host", "expect", "upgrade",
            "proxy-connection", "keep-alive", "transfer-encoding", "te", "trailer", "proxy-authorization");
    /** Routes by the sim's port; installed while at least one proxy is open. */
    private static final Map<Integer, FaultProxy> ROUTES = new ConcurrentHashMap<>();
    private static ProxySelector previous;

    private final int simPort;
    private final HttpServer server;
    private final int deadPort;
    private final ExecutorService executor = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "fault-proxy");
        t.setDaemon(true);
        return t;
    });
    private final HttpClient upstream = HttpClient.newBuilder().proxy(HttpClient.Builder.NO_PROXY)
            .version(HttpClient.Version.HTTP_1_1).followRedirects(HttpClient.Redirect.NEVER).build();
    private final CountDownLatch closed = new CountDownLatch(1);
    private final AtomicInteger orgRequests = new AtomicInteger();
    private final AtomicInteger trustRequests = new AtomicInteger();
    private final Map<String, String> canaryToReal = new ConcurrentHashMap<>();
    private final List<String> issued = java.util.Collections.synchronizedList(new ArrayList<>());
    private volatile TransportFault fault;
    private volatile TransportFault.Target target;
    private volatile UnaryOperator<JsonNode> compositeRewrite;
    private volatile UnaryOperator<JsonNode> trustRewrite;
    private volatile String canaryMarker;

    private FaultProxy(SimulatedOrg sim) {
        this.simPort = URI.create(sim.baseUrl()).getPort();
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 64);
            // A port that was free a moment ago and is closed now: connecting to it is refused.
            try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
                deadPort = s.getLocalPort();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.setExecutor(executor);
        server.createContext("/", this::serve);
        server.start();
    }

    /** A proxy in front of {@code sim}; from now on this JVM's HTTP clients built afresh reach the sim through it. */
    public static FaultProxy inFrontOf(SimulatedOrg sim) {
        FaultProxy proxy = new FaultProxy(sim);
        synchronized (ROUTES) {
            if (ROUTES.isEmpty()) {
                previous = ProxySelector.getDefault();
                ProxySelector.setDefault(new Selector());
            }
            ROUTES.put(proxy.simPort, proxy);
        }
        return proxy;
    }

    /** Plays {@code f} on every request of kind {@code on}, until {@link #clear()}. */
    public FaultProxy inject(TransportFault f, TransportFault.Target on) {
        this.fault = f;
        this.target = on;
        return this;
    }

    /** Rewrites every composite answer (its whole JSON body) before the client sees it. */
    public FaultProxy rewriteComposite(UnaryOperator<JsonNode> rewrite) {
        this.compositeRewrite = rewrite;
        return this;
    }

    /** Rewrites every Trust answer before the client sees it. */
    public FaultProxy rewriteTrust(UnaryOperator<JsonNode> rewrite) {
        this.trustRewrite = rewrite;
        return this;
    }

    /** Hands the client a session token of the sim's shape carrying {@code marker} instead of each one the sim issues. */
    public FaultProxy canarySessions(String marker) {
        this.canaryMarker = marker;
        return this;
    }

    /** No fault, no rewrite, counts at zero (canary sessions stay as set). */
    public void clear() {
        fault = null;
        target = null;
        compositeRewrite = null;
        trustRewrite = null;
        orgRequests.set(0);
        trustRequests.set(0);
    }

    /** Org-API requests the clients asked for since the last {@link #clear()}: answered, faulted or refused. */
    public int orgRequests() {
        return orgRequests.get();
    }

    public int trustRequests() {
        return trustRequests.get();
    }

    /** Every session token the clients were handed (the canaries when {@link #canarySessions} is on, else the sim's). */
    public List<String> sessionTokens() {
        synchronized (issued) {
            return List.copyOf(issued);
        }
    }

    @Override
    public void close() {
        closed.countDown();
        synchronized (ROUTES) {
            ROUTES.remove(simPort, this);
            if (ROUTES.isEmpty()) {
                ProxySelector.setDefault(previous);
            }
        }
        server.stop(0);
        executor.shutdownNow();
    }

    /** What a request is, by its path on the sim. */
    enum Kind {
        TOKEN, COMPOSITE, OTHER_ORG, TRUST;

        static Kind of(URI uri) {
            String path = uri.getPath() == null ? "" : uri.getPath();
            if (path.equals("/services/oauth2/token")) {
                return TOKEN;
            }
            if (path.startsWith("/v1/")) {
                return TRUST;
            }
            return path.startsWith("/services/data/") && path.matches("/services/data/v[0-9.]+/composite/?") ? COMPOSITE : OTHER_ORG;
        }

        boolean is(TransportFault.Target t) {
            return t != null && name().equals(t.name());
        }
    }

    private boolean refuses(URI uri) {
        return fault == TransportFault.CONNECTION_REFUSED && Kind.of(uri).is(target);
    }

    private void count(Kind kind) {
        (kind == Kind.TRUST ? trustRequests : orgRequests).incrementAndGet();
    }

    private void serve(HttpExchange ex) throws IOException {
        try (ex) {
            URI uri = ex.getRequestURI();
            if (uri.getScheme() == null) {
                ex.sendResponseHeaders(400, -1);
                return;
            }
            Kind kind = Kind.of(uri);
            count(kind);
            byte[] body;
            try (InputStream in = ex.getRequestBody()) {
                body = in.readAllBytes();
            }
            TransportFault acting = kind.is(target) ? fault : null;
            FaultAnswers answers = new FaultAnswers(ex, kind, echoOf(ex, body), closed);
            if (acting != null && !answers.needsUpstream(acting)) {
                answers.play(acting, null);
                return;
            }
            Upstream real = forward(ex, uri, body);
            byte[] answer = rewrite(kind, real.status(), real.body());
            if (acting != null) {
                answers.play(acting, new Upstream(real.status(), real.contentType(), answer));
                return;
            }
            real.headers().forEach((name, values) -> {
                if (!HOP_HEADERS.contains(name.toLowerCase(Locale.ROOT)) && !name.startsWith(":")) {
                    ex.getResponseHeaders().put(name, values);
                }
            });
            FaultAnswers.send(ex, real.status(), null, answer);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException | RuntimeException e) {
            try {
                ex.sendResponseHeaders(502, -1);
            } catch (IOException | RuntimeException alreadyAnswering) {
                // the client sees the broken answer
            }
        }
    }

    /** The sim's answer to a request, as received. */
    record Upstream(int status, String contentType, byte[] body, Map<String, List<String>> headers) {
        Upstream(int status, String contentType, byte[] body) {
            this(status, contentType, body, Map.of());
        }
    }

    private Upstream forward(HttpExchange ex, URI uri, byte[] body) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri)
                .method(ex.getRequestMethod(), body.length == 0 ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
        ex.getRequestHeaders().forEach((name, values) -> {
            if (!HOP_HEADERS.contains(name.toLowerCase(Locale.ROOT))) {
                values.forEach(v -> request.header(name, name.equalsIgnoreCase("Authorization") ? realAuthorization(v) : v));
            }
        });
        HttpResponse<byte[]> response = upstream.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        return new Upstream(response.statusCode(), response.headers().firstValue("Content-Type").orElse("application/json"),
                response.body(), response.headers().map());
    }

    private String realAuthorization(String value) {
        String token = value.startsWith("Bearer ") ? value.substring(7) : null;
        String real = token == null ? null : canaryToReal.get(token);
        return real == null ? value : "Bearer " + real;
    }

    /** What the request carried that a careless server might echo: its bearer token or its JWT assertion. */
    private static String echoOf(HttpExchange ex, byte[] body) {
        String auth = ex.getRequestHeaders().getFirst("Authorization");
        if (auth != null && auth.startsWith("Bearer ")) {
            return auth.substring(7);
        }
        String form = new String(body, java.nio.charset.StandardCharsets.UTF_8);
        for (String pair : form.split("&")) {
            if (pair.startsWith("assertion=")) {
                return java.net.URLDecoder.decode(pair.substring("assertion=".length()), java.nio.charset.StandardCharsets.UTF_8);
            }
        }
        return null;
    }

    private byte[] rewrite(Kind kind, int status, byte[] body) throws IOException {
        UnaryOperator<JsonNode> rewrite = kind == Kind.COMPOSITE ? compositeRewrite : kind == Kind.TRUST ? trustRewrite : null;
        boolean canary = kind == Kind.TOKEN && status == 200 && canaryMarker != null;
        if (rewrite == null && !(kind == Kind.TOKEN && status == 200)) {
            return body;
        }
        JsonNode json;
        try {
            json = WIRE.readTree(body);
        } catch (IOException e) {
            return body;
        }
        if (kind == Kind.TOKEN) {
            if (json instanceof ObjectNode token && token.hasNonNull("access_token")) {
                String real = token.get("access_token").asText();
                String handedOut = canary ? canaryFor(real) : real;
                issued.add(handedOut);
                token.put("access_token", handedOut);
            }
            return WIRE.writeValueAsBytes(json);
        }
        return status == 200 ? WIRE.writeValueAsBytes(rewrite.apply(json)) : body;
    }

    private String canaryFor(String real) {
        int bang = real.indexOf('!');
        String canary = (bang > 0 ? real.substring(0, bang + 1) : "") + "AQ" + canaryMarker
                + UUID.randomUUID().toString().replace("-", "");
        canaryToReal.put(canary, real);
        return canary;
    }

    static final com.fasterxml.jackson.databind.ObjectMapper WIRE = new com.fasterxml.jackson.databind.ObjectMapper();

    /** Sends the sim's port here (or, for a refused fault's target, to a closed port); every other URI as before. */
    private static final class Selector extends ProxySelector {
        @Override
        public List<Proxy> select(URI uri) {
            FaultProxy proxy = "http".equalsIgnoreCase(uri.getScheme()) ? ROUTES.get(uri.getPort()) : null;
            if (proxy == null) {
                ProxySelector before = previous;
                return before == null ? List.of(Proxy.NO_PROXY) : before.select(uri);
            }
            if (proxy.refuses(uri)) {
                proxy.count(Kind.of(uri));
                return List.of(new Proxy(Proxy.Type.HTTP, new InetSocketAddress(InetAddress.getLoopbackAddress(), proxy.deadPort)));
            }
            return List.of(new Proxy(Proxy.Type.HTTP, new InetSocketAddress(InetAddress.getLoopbackAddress(), proxy.server.getAddress().getPort())));
        }

        @Override
        public void connectFailed(URI uri, SocketAddress address, IOException e) {
            // a refused connection is the fault being played; the client reports it
        }
    }
}
