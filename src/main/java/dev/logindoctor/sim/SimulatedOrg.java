package dev.logindoctor.sim;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.logindoctor.model.LoginFlow;
import dev.logindoctor.model.LoginHistoryRow;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A simulated Salesforce org plus the public Trust API, served over HTTP on 127.0.0.1.
 *
 * <pre>{@code
 * try (SimulatedOrg org = SimulatedOrg.start("user-locked-out")) {
 *     String secret = org.diagnosticsSecretJson();   // {"loginUrl","username","clientId","privateKey"}
 *     ... point a client at org.baseUrl() ...
 *     org.attempts("integration@acme.com");          // logins seen for that username
 * }
 * }</pre>
 *
 * Endpoints: SOAP login ({@code /services/Soap/u|c/{ver}}), OAuth ({@code /services/oauth2/token}),
 * REST ({@code /services/data/vNN.N/query|tooling/query|composite|sobjects/X/describe}), Trust
 * ({@code /v1/...}) and the admin API ({@code /_sim/...}); see {@code docs/sim-scenarios.md}.
 */
public final class SimulatedOrg implements AutoCloseable {
    private final SimScenario scenario;
    private final SimClock clock;
    private final OrgState state;
    private final TrustState trust;
    private final Sessions sessions;
    private final LoginAuthority authority;
    private final FaultInjector faults = new FaultInjector();
    private final Map<EndpointKind, AtomicInteger> counts = new EnumMap<>(EndpointKind.class);
    private final HttpServer server;
    private final ExecutorService executor;
    private final String baseUrl;
    private final SoapLoginEndpoint soap;
    private final SimTokenEndpoint token;
    private final RestEndpoint rest;
    private final TrustEndpoint trustApi;
    private final AdminEndpoint admin;

    /** Logins seen for one username since start (or the last counter reset). */
    public record Attempts(int attempts, int failed) {
    }

    /** Requests served per endpoint kind; {@code total} counts the org's API only (Trust excluded). */
    public record RequestCounts(int soap, int token, int query, int composite, int describe, int tooling, int trust, int total) {
    }

    private SimulatedOrg(SimScenario scenario, int port) {
        this.scenario = scenario;
        this.clock = new SimClock(scenario.now());
        this.state = OrgLoader.load(scenario, clock);
        this.trust = new TrustState(scenario.trust(), state, clock);
        this.sessions = new Sessions(clock, state.orgId, state.sessionTimeoutMinutes);
        this.authority = new LoginAuthority(state, trust, sessions);
        for (EndpointKind k : EndpointKind.values()) {
            counts.put(k, new AtomicInteger());
        }
        try {
            this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 64);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot listen on 127.0.0.1:" + port, e);
        }
        this.baseUrl = "http://127.0.0.1:" + server.getAddress().getPort();
        this.soap = new SoapLoginEndpoint(this);
        this.token = new SimTokenEndpoint(this);
        this.rest = new RestEndpoint(this);
        this.trustApi = new TrustEndpoint(this);
        this.admin = new AdminEndpoint(this);
        replayHistory();
        scenario.faults().forEach(faults::add);
        this.executor = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "sim-" + scenario.name());
            t.setDaemon(true);
            return t;
        });
        server.setExecutor(executor);
        server.createContext("/", this::route);
        server.start();
    }

    /** Starts the scenario's org on an ephemeral port. */
    public static SimulatedOrg start(SimScenario scenario) {
        return start(scenario, 0);
    }

    /** Starts a catalog scenario by name, or a scenario file by path. */
    public static SimulatedOrg start(String nameOrPath) {
        return start(SimScenarios.load(nameOrPath), 0);
    }

    /** Starts the scenario's org on {@code port} (0 = ephemeral), bound to 127.0.0.1 only. */
    public static SimulatedOrg start(SimScenario scenario, int port) {
        return new SimulatedOrg(scenario, port);
    }

    /** {@code http://127.0.0.1:PORT}: the login URL, instance URL and Trust API base at once. */
    public String baseUrl() {
        return baseUrl;
    }

    public SimScenario scenario() {
        return scenario;
    }

    public SimClock clock() {
        return clock;
    }

    public Instant now() {
        return clock.now();
    }

    /**
     * The diagnostics connection, as Login Doctor's diagnostics secret holds it:
     * {@code {"loginUrl","username","clientId","privateKey"}} (PKCS#8 PEM). Contains a private key:
     * hand it to a secret store or a test, never to a log.
     */
    public String diagnosticsSecretJson() {
        SimApp app = state.appByConsumerKey(state.diagnosticsConsumerKey).orElseThrow();
        if (app.generatedPrivateKey == null) {
            throw new IllegalStateException("the diagnostics app's key was not generated by the sim; its private key is not known here");
        }
        ObjectNode n = HttpIo.JSON.createObjectNode();
        n.put("loginUrl", baseUrl);
        n.put("username", state.diagnosticsUsername);
        n.put("clientId", app.consumerKey);
        n.put("privateKey", PemKeys.privatePem(app.generatedPrivateKey));
        // The sim is served on loopback, not on a My Domain host: name the alias the Trust API knows it by.
        if (scenario.organization() != null && scenario.organization().myDomain() != null) {
            n.put("myDomain", scenario.organization().myDomain());
        }
        return n.toString();
    }

    /**
     * The scenario integration's own credential secret, as Secrets Manager (or the {@code --secrets}
     * file) would hold it: what it logs in with and, for a JWT key the sim generated, that key as PEM
     * and, when the scenario dates one, its certificate. Contains secrets: for a secret store or a
     * test, never a log.
     */
    public String integrationSecretJson() {
        IntegrationSpec spec = scenario.integration();
        IntegrationSpec.Credential c = spec.credential();
        ObjectNode n = HttpIo.JSON.createObjectNode();
        putIfPresent(n, "password", c.password());
        putIfPresent(n, "securityToken", c.securityToken());
        putIfPresent(n, "clientId", c.clientId());
        putIfPresent(n, "clientSecret", c.clientSecret());
        putIfPresent(n, "refreshToken", c.refreshToken());
        putIfPresent(n, "audience", c.audience());
        if (spec.credentialUpdatedAt() != null) {
            n.put("updatedAt", spec.credentialUpdatedAt().toString());
        }
        java.security.KeyPair generated = c.privateKey() == null || !"generate".equals(c.privateKey()) ? null
                : state.appByConsumerKey(c.clientId()).filter(a -> a.generatedPrivateKey != null)
                .map(a -> new java.security.KeyPair(a.publicKey, a.generatedPrivateKey)).orElse(null);
        if (generated != null) {
            n.put("privateKey", PemKeys.privatePem(generated.getPrivate()));
            if (spec.certificateNotAfter() != null) {
                n.put("certificate", SelfSignedCertificate.pem(generated, spec.integrationId(),
                        spec.certificateNotAfter().minus(java.time.Duration.ofDays(365)), spec.certificateNotAfter()));
            }
        } else if (c.privateKey() != null && c.privateKey().contains("PRIVATE KEY")) {
            n.put("privateKey", c.privateKey());
        }
        return n.toString();
    }

    private static void putIfPresent(ObjectNode n, String field, String value) {
        if (value != null) {
            n.put(field, value);
        }
    }

    public Attempts attempts(String username) {
        return state.attempts(username);
    }

    public RequestCounts requestCounts() {
        int total = 0;
        for (EndpointKind k : EndpointKind.values()) {
            if (k.isOrgApi()) {
                total += counts.get(k).get();
            }
        }
        return new RequestCounts(count(EndpointKind.SOAP), count(EndpointKind.TOKEN), count(EndpointKind.QUERY),
                count(EndpointKind.COMPOSITE), count(EndpointKind.DESCRIBE), count(EndpointKind.TOOLING),
                count(EndpointKind.TRUST), total);
    }

    /** The user's LoginHistory rows, newest first (empty for an unknown username). */
    public List<LoginHistoryRow> loginHistory(String username) {
        return state.userByUsername(username).map(u -> state.historySnapshot().stream()
                .filter(h -> h.userId().equals(u.id))
                .sorted(Comparator.comparing(HistoryRow::loginTime).reversed())
                .map(h -> new LoginHistoryRow(h.loginTime(), h.status(), h.sourceIp(), h.loginType(), h.loginSubType(),
                        h.loginUrl(), h.apiType(), h.apiVersion(), h.application()))
                .toList()).orElse(List.of());
    }

    /** Changes a user's password as an admin would: the security token is reset too. */
    public void changePassword(String username, String newPassword) {
        SimUser user = state.userByUsername(username)
                .orElseThrow(() -> new IllegalArgumentException("no user " + username));
        state.changePassword(user, newPassword);
    }

    public void expireSessions() {
        sessions.expireAll();
    }

    /** Clears the login attempt and request counters. */
    public void resetCounters() {
        state.resetAttemptCounters();
        counts.values().forEach(c -> c.set(0));
    }

    public void addFault(FaultSpec fault) {
        faults.add(fault);
    }

    public void clearFaults() {
        faults.clear();
    }

    @Override
    public void close() {
        faults.release();
        server.stop(0);
        executor.shutdownNow();
    }

    // ---- package-private collaborators -------------------------------------------------------

    OrgState state() {
        return state;
    }

    TrustState trust() {
        return trust;
    }

    Sessions sessions() {
        return sessions;
    }

    LoginAuthority authority() {
        return authority;
    }

    FaultInjector faults() {
        return faults;
    }

    /**
     * The host the client addressed: {@code X-Sim-Login-Host} (what an integration configured with a
     * real Salesforce URL would have reached) or the Host header.
     */
    String loginHost(HttpExchange ex) {
        String h = ex.getRequestHeaders().getFirst("X-Sim-Login-Host");
        if (h == null || h.isBlank()) {
            h = ex.getRequestHeaders().getFirst("Host");
        }
        if (h == null) {
            return null;
        }
        h = h.strip();
        if (h.contains("://")) {
            h = URI.create(h).getAuthority();
        }
        return h.toLowerCase(Locale.ROOT);
    }

    /** True when the host reaches some other org: another environment's login host, another My Domain. */
    boolean isForeignHost(String host) {
        if (host == null) {
            return false;
        }
        String h = host.startsWith("[") ? host.substring(0, host.indexOf(']') + 1) : host.replaceAll(":\\d+$", "");
        if (h.equals("127.0.0.1") || h.equals("localhost") || h.equals("[::1]")) {
            return false;
        }
        return !(h.equals(state.environmentLoginHost()) || h.equals(state.myDomainHost()));
    }

    private int count(EndpointKind k) {
        return counts.get(k).get();
    }

    private void route(HttpExchange ex) throws IOException {
        try {
            String path = ex.getRequestURI().getPath();
            if (path.startsWith("/_sim/")) {
                admin.handle(ex);
                return;
            }
            EndpointKind kind = kindOf(path);
            if (kind == null) {
                HttpIo.sendRestError(ex, 404, "NOT_FOUND", "The requested resource does not exist");
                return;
            }
            counts.get(kind).incrementAndGet();
            FaultInjector.Handler handler = switch (kind) {
                case SOAP -> soap::handle;
                case TOKEN -> token::handle;
                case TRUST -> trustApi::handle;
                default -> rest::handle;
            };
            faults.serve(kind, ex, handler);
        } catch (RuntimeException e) {
            HttpIo.sendRestError(ex, 500, "UNKNOWN_EXCEPTION", "An unexpected error occurred in the simulated org: "
                    + e.getClass().getSimpleName());
        } finally {
            ex.close();
        }
    }

    private static EndpointKind kindOf(String path) {
        if (path.startsWith("/services/Soap/")) {
            return EndpointKind.SOAP;
        }
        if (path.equals("/services/oauth2/token")) {
            return EndpointKind.TOKEN;
        }
        if (path.startsWith("/v1/")) {
            return EndpointKind.TRUST;
        }
        if (path.startsWith("/services/data/")) {
            return RestEndpoint.kindOf(path);
        }
        return null;
    }

    /** Seeded history rows, then the pre-attempts through the real login logic, each at its own time. */
    private void replayHistory() {
        Instant start = clock.now();
        for (SimScenario.SeededLogin s : scenario.loginHistory()) {
            SimUser user = state.userByUsername(s.username())
                    .orElseThrow(() -> new IllegalArgumentException("loginHistory: no user " + s.username()));
            state.addHistory(new HistoryRow(state.ids.next("0Ya"), user.id, s.loginTime(), s.status(), s.sourceIp(),
                    s.loginType() == null ? "Other Apex API" : s.loginType(), s.loginSubType(),
                    s.loginUrl() == null ? state.environmentLoginHost() : s.loginUrl(), s.apiType(), s.apiVersion(),
                    s.application() == null ? "N/A" : s.application(), "Unknown", "Unknown"));
        }
        for (SimScenario.PreAttempt p : scenario.preAttempts()) {
            int repeat = p.repeat() == null ? 1 : p.repeat();
            long spacing = p.spacingSeconds() == null ? 30 : p.spacingSeconds();
            LoginFlow flow = p.flow() == null ? LoginFlow.SOAP : LoginFlow.valueOf(p.flow());
            SimApp app = flow == LoginFlow.SOAP ? null : state.appByConsumerKey(p.clientId())
                    .orElseThrow(() -> new IllegalArgumentException("preAttempts: no connected app " + p.clientId()));
            String host = state.myDomainHost() == null ? state.environmentLoginHost() : state.myDomainHost();
            for (int i = 0; i < repeat; i++) {
                clock.set((p.at() == null ? start : p.at()).plus(Duration.ofSeconds(spacing * i)));
                authority.attempt(new LoginRequest(flow, p.username(), p.password(),
                        p.sourceIp() == null ? "203.0.113.10" : p.sourceIp(), host, false,
                        flow == LoginFlow.SOAP ? "SOAP Partner" : null, flow == LoginFlow.SOAP ? "62.0" : null,
                        app == null ? null : app.name, app));
            }
        }
        clock.set(start);
        state.resetAttemptCounters();
    }

    @Override
    public String toString() {
        return "SimulatedOrg[" + scenario.name() + " at " + baseUrl + "]";
    }
}
