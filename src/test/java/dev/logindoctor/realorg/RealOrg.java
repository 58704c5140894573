package dev.logindoctor.realorg;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.logindoctor.engine.DiagnosisState;
import dev.logindoctor.engine.EvidenceSources;
import dev.logindoctor.engine.FailureReportParser;
import dev.logindoctor.engine.LocalDiagnosisEngine;
import dev.logindoctor.model.Diagnosis;
import dev.logindoctor.model.FailureReport;
import dev.logindoctor.model.OrgEvidence;
import dev.logindoctor.model.TrustEvidence;
import dev.logindoctor.salesforce.HttpTransport;
import dev.logindoctor.salesforce.SalesforceEvidenceSources;
import dev.logindoctor.salesforce.TokenCache;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A real-shaped org on loopback: a JDK HttpServer answering the token endpoint, the one org
 * evidence composite (the body a test builds from {@link Answer}), and the Trust API; then the real
 * {@link SalesforceEvidenceSources} and {@link LocalDiagnosisEngine} over it.
 *
 * <p>The server's address stands in for the org's real hosts the way a hosts file would: the org
 * evidence keeps the hosts the test declares ({@link #diagnosticsVia}, {@link #instanceUrl}) in
 * place of 127.0.0.1, so the steps judge login.salesforce.com, My Domains and sandboxes as they
 * would in production.
 */
final class RealOrg implements AutoCloseable {
    static final ObjectMapper JSON = new ObjectMapper();
    static final Instant FAILED_AT = Instant.parse("2026-11-27T10:15:00Z");
    static final String USER_ID_18 = "0055g00000BcDeFAAV";
    static final String USER_ID_15 = "0055g00000BcDeF";
    static final String OTHER_USER_ID_18 = "0055g00000OtHeRAAV";
    static final String PROFILE_ID_18 = "00e5g000004IntPAAS";
    static final String PROFILE_ID_15 = "00e5g000004IntP";
    private static final String PRIVATE_KEY_PEM = pem();

    private final HttpServer server;
    private final Map<String, String> bodies = new ConcurrentHashMap<>();
    private final List<String> paths = java.util.Collections.synchronizedList(new ArrayList<>());
    private final Clock clock = Clock.fixed(Instant.parse("2026-11-27T10:20:00Z"), ZoneOffset.UTC);
    private String diagnosticsLoginUrl = "https://acme.my.salesforce.com";
    private String instanceUrl = "https://acme.my.salesforce.com";
    private boolean withDiagnostics = true;
    private String tokenRefusal;

    RealOrg() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.setExecutor(Executors.newCachedThreadPool());
        server.createContext("/", this::handle);
        server.start();
        // Trust for a quiet instance unless a test says otherwise.
        trust("{\"key\":\"NA224\",\"location\":\"NA\",\"environment\":\"production\",\"releaseVersion\":\"Winter '27 Patch 9\","
                + "\"releaseNumber\":\"258.9\",\"status\":\"OK\",\"isActive\":true,\"Products\":[],\"Incidents\":[],\"Maintenances\":[]}", "[]", "[]");
    }

    String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** The host the diagnostics connection logs in through (login.salesforce.com, a My Domain, test.salesforce.com). */
    RealOrg diagnosticsVia(String loginUrl) {
        this.diagnosticsLoginUrl = loginUrl;
        return this;
    }

    /** The org's instance_url from the token response (its My Domain on current orgs). */
    RealOrg instanceUrl(String url) {
        this.instanceUrl = url;
        return this;
    }

    /** The token endpoint refuses the diagnostics login with this OAuth error body (HTTP 400). */
    RealOrg refuseDiagnosticsLogin(String errorBody) {
        this.tokenRefusal = errorBody;
        return this;
    }

    /** Reports name no diagnostics secret: only the report and Trust are evidence. */
    RealOrg withoutDiagnosticsConnection() {
        this.withDiagnostics = false;
        return this;
    }

    RealOrg answer(Answer answer) {
        bodies.put("POST /services/data/v62.0/composite", answer.toJson());
        return this;
    }

    /** What Trust says: the instance status body, the maintenances array, the incidents array. */
    RealOrg trust(String instanceStatus, String maintenances, String incidents) {
        bodies.put("GET /v1/instances/NA224/status", instanceStatus);
        bodies.put("GET /v1/maintenances", maintenances);
        bodies.put("GET /v1/incidents", incidents);
        bodies.put("GET /v1/instanceAliases/acme/status", instanceStatus);
        return this;
    }

    List<String> paths() {
        return List.copyOf(paths);
    }

    /** The report as the integration would send it, parsed by the real parser. */
    FailureReport report(String json) {
        ObjectNode node;
        try {
            node = (ObjectNode) JSON.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (withDiagnostics) {
            node.put("diagnosticsSecret", "login-doctor/diagnostics");
        }
        if (!node.has("credentialSecret")) {
            node.put("credentialSecret", "login-doctor/billing-sync");
        }
        return new FailureReportParser(clock).parse(node);
    }

    Diagnosis diagnose(String reportJson) {
        return engine().diagnose(report(reportJson));
    }

    DiagnosisState run(String reportJson) {
        return engine().run(report(reportJson));
    }

    private LocalDiagnosisEngine engine() {
        String secret = "{\"loginUrl\":\"" + baseUrl() + "\",\"username\":\"diag@acme.com\",\"clientId\":\"3MVG9consumerKey\",\"privateKey\":"
                + quote(PRIVATE_KEY_PEM) + "}";
        SalesforceEvidenceSources real = new SalesforceEvidenceSources(ref -> {
            if (!ref.equals("login-doctor/diagnostics")) {
                throw new dev.logindoctor.engine.SecretResolver.SecretUnavailable("secret '" + ref + "' is not readable here");
            }
            return secret;
        }, baseUrl(), new HttpTransport(), clock, new TokenCache());
        EvidenceSources hosts = new EvidenceSources() {
            @Override
            public OrgEvidence fetchOrg(FailureReport report) {
                return realHosts(real.fetchOrg(report));
            }

            @Override
            public TrustEvidence fetchTrust(FailureReport report, OrgEvidence org) {
                return real.fetchTrust(report, org);
            }
        };
        return new LocalDiagnosisEngine(hosts, clock);
    }

    /** The evidence as it would be with the org's real hosts instead of loopback (see the class comment). */
    private OrgEvidence realHosts(OrgEvidence e) {
        String diag = e.diagnosticsLoginUrl() != null && e.diagnosticsLoginUrl().startsWith(baseUrl()) ? diagnosticsLoginUrl : e.diagnosticsLoginUrl();
        if (!e.available()) {
            return OrgEvidence.refused(e.unavailableReason(), e.requests(), diag, e.diagnosticsRefusal());
        }
        String inst = e.instanceUrl() != null && e.instanceUrl().startsWith(baseUrl()) ? instanceUrl : e.instanceUrl();
        return new OrgEvidence(e.available(), e.unavailableReason(), e.organization(), e.userLookup(), e.user(), e.baseUsernameUser(),
                e.userLogin(), e.loginHistory(), e.permissions(), e.ipRanges(), e.loginHours(), e.settings(), diag, e.gaps(),
                e.requests(), inst).withAppsAndDomain(e.connectedApps(), e.myDomainPolicy());
    }

    private void handle(HttpExchange ex) throws IOException {
        try (InputStream in = ex.getRequestBody()) {
            in.readAllBytes();
        }
        String key = ex.getRequestMethod() + " " + ex.getRequestURI().getPath();
        paths.add(key);
        String body;
        int status = 200;
        if (key.equals("POST /services/oauth2/token") && tokenRefusal != null) {
            status = 400;
            body = tokenRefusal;
        } else if (key.equals("POST /services/oauth2/token")) {
            // The JWT bearer success body (docs/salesforce-wire-facts.md#oauth-token-endpoint); instance_url is where the REST calls go (this server).
            body = "{\"access_token\":\"00D5g00000AcMeQ!AQ4AQFakeAccessTokenForTestsOnly.x\",\"scope\":\"api\",\"instance_url\":\"" + baseUrl()
                    + "\",\"id\":\"https://login.salesforce.com/id/00D5g00000AcMeQEAV/0055g00000DiAgNAAV\",\"token_type\":\"Bearer\"}";
        } else {
            body = bodies.get(key);
            if (body == null) {
                status = 404;
                body = "[{\"errorCode\":\"NOT_FOUND\",\"message\":\"The requested resource does not exist\"}]";
            }
        }
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().set("Content-Type", "application/json;charset=UTF-8");
        ex.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = ex.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void close() {
        server.stop(0);
        ((ExecutorService) server.getExecutor()).shutdownNow();
    }

    static String quote(String s) {
        try {
            return JSON.writeValueAsString(s);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String pem() {
        try {
            KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
            g.initialize(2048);
            String b64 = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(g.generateKeyPair().getPrivate().getEncoded());
            return "-----BEGIN PRIVATE KEY-----\n" + b64 + "\n-----END PRIVATE KEY-----\n";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * The composite body, starting from a healthy integration user (realorg/composite-healthy-integration-user.json)
     * and changed one documented thing at a time.
     */
    static final class Answer {
        private final ObjectNode root;

        private Answer(ObjectNode root) {
            this.root = root;
        }

        static Answer healthy() {
            try (InputStream in = RealOrg.class.getResourceAsStream("/realorg/composite-healthy-integration-user.json");
                 InputStream apps = RealOrg.class.getResourceAsStream("/realorg/composite-app-and-domain-parts.json")) {
                ObjectNode root = (ObjectNode) JSON.readTree(in);
                // The connected apps and the My Domain settings: their own file, appended as the request appends them.
                root.withArray("compositeResponse").addAll((ArrayNode) JSON.readTree(apps));
                return new Answer(root);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        ObjectNode part(String ref) {
            for (JsonNode p : root.withArray("compositeResponse")) {
                if (ref.equals(p.get("referenceId").asText())) {
                    return (ObjectNode) p;
                }
            }
            throw new IllegalArgumentException("no part " + ref);
        }

        ArrayNode records(String ref) {
            return (ArrayNode) part(ref).get("body").get("records");
        }

        ObjectNode record(String ref) {
            return (ObjectNode) records(ref).get(0);
        }

        Answer user(String field, Object value) {
            set(record("user"), field, value);
            return this;
        }

        Answer org(String field, Object value) {
            set(record("org"), field, value);
            return this;
        }

        Answer userLogin(String field, Object value) {
            set(record("userLogin"), field, value);
            return this;
        }

        Answer profilePermission(String field, Object value) {
            set((ObjectNode) record("perms").get("PermissionSet"), field, value);
            return this;
        }

        /** Replaces the LoginHistory rows, newest first as the query orders them. */
        Answer history(ObjectNode... rows) {
            ArrayNode records = records("history");
            records.removeAll();
            for (ObjectNode r : rows) {
                records.add(r);
            }
            ((ObjectNode) part("history").get("body")).put("totalSize", rows.length);
            return this;
        }

        /**
         * A subrequest that failed the way Salesforce reports it: its own status, the error array as body
         * (docs/salesforce-wire-facts.md#rest-errors-and-session-expiry).
         */
        Answer failed(String ref, int status, String errorCode, String message) {
            ObjectNode p = part(ref);
            p.put("httpStatusCode", status);
            ArrayNode errors = JSON.createArrayNode();
            errors.addObject().put("errorCode", errorCode).put("message", message);
            p.set("body", errors);
            return this;
        }

        /** The user query found nobody; every subrequest that needs @{user.records[0].Id} fails. */
        Answer noUser() {
            records("user").removeAll();
            ((ObjectNode) part("user").get("body")).put("totalSize", 0);
            for (String ref : List.of("userLogin", "history", "perms", "permsBypass", "permsSso", "permsPasswordNeverExpires", "profileMeta")) {
                failed(ref, 400, "PROCESSING_HALTED", "Invalid reference specified. No value for user.records[0].Id found in user."
                        + " Provided referenceId ('user') is valid but the subrequest's response didn't contain the value.");
            }
            return this;
        }

        /** A permission read in its own subrequest (permsSso, permsPasswordNeverExpires) answered with one assignment. */
        Answer separatePermission(String ref, String field, boolean value) {
            ObjectNode p = part(ref);
            p.put("httpStatusCode", 200);
            ObjectNode body = JSON.createObjectNode().put("totalSize", 1).put("done", true);
            ObjectNode set = body.putArray("records").addObject().putObject("PermissionSet");
            set.putObject("attributes").put("type", "PermissionSet");
            set.put("Name", "X00e5g000004IntPAAS");
            set.put(field, value);
            p.set("body", body);
            return this;
        }

        /** One of the connected apps' fields ({@code Billing Sync} is the integration's app). */
        Answer app(String name, String field, Object value) {
            for (JsonNode r : records("apps")) {
                if (name.equals(r.get("Name").asText())) {
                    set((ObjectNode) r, field, value);
                    return this;
                }
            }
            throw new IllegalArgumentException("no app " + name);
        }

        /** A field of MyDomainSettings' Metadata. */
        Answer myDomain(String field, Object value) {
            set((ObjectNode) record("myDomain").get("Metadata"), field, value);
            return this;
        }

        Answer ipRangeRows(ObjectNode... rows) {
            ArrayNode records = records("ipRanges");
            records.removeAll();
            for (ObjectNode r : rows) {
                records.add(r);
            }
            return this;
        }

        ObjectNode profileMetadata() {
            return (ObjectNode) record("profileMeta").get("Metadata");
        }

        String toJson() {
            return root.toString();
        }

        private static void set(ObjectNode node, String field, Object value) {
            if (value == null) {
                node.putNull(field);
            } else if (value instanceof Boolean b) {
                node.put(field, b);
            } else if (value instanceof JsonNode j) {
                node.set(field, j);
            } else {
                node.put(field, value.toString());
            }
        }
    }

    /**
     * A LoginHistory record as REST returns it (docs/salesforce-wire-facts.md#loginhistory), with the fields a
     * real org adds (CountryIso, TlsProtocol...).
     */
    static ObjectNode historyRow(String loginTime, String status, String userId) {
        ObjectNode r = JSON.createObjectNode();
        r.putObject("attributes").put("type", "LoginHistory").put("url", "/services/data/v62.0/sobjects/LoginHistory/0Ya5g00001" + Math.abs((loginTime + status).hashCode() % 100000000));
        r.put("LoginTime", loginTime);
        r.put("Status", status);
        r.put("SourceIp", "203.0.113.7");
        r.put("LoginType", "Partner");
        r.putNull("LoginSubType");
        r.put("LoginUrl", "acme.my.salesforce.com");
        r.put("ApiType", "SOAP Partner");
        r.put("ApiVersion", "62.0");
        r.put("Application", "billing-sync");
        r.put("UserId", userId);
        r.put("CountryIso", "US");
        r.put("TlsProtocol", "TLS 1.2");
        r.put("CipherSuite", "ECDHE-RSA-AES256-GCM-SHA384");
        return r;
    }
}
