package dev.logindoctor.sim;

import com.sun.net.httpserver.HttpExchange;
import dev.logindoctor.model.LoginFlow;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The simulated org's side of {@code POST /services/oauth2/token} (the client's side is
 * salesforce.OAuthTokenEndpoint), form-encoded only, for the password, JWT bearer, refresh
 * token and client credentials grants. Errors are HTTP 400 {@code {"error","error_description"}}
 * with the texts of docs/salesforce-wire-facts.md#oauth-token-endpoint-errors
 * (HTTP 400 for invalid_client* too: its real status is unconfirmed).
 */
final class SimTokenEndpoint {
    static final String JWT_GRANT = "urn:ietf:params:oauth:grant-type:jwt-bearer";
    /** Salesforce accepts an exp at most 3 minutes ahead (docs/salesforce-wire-facts.md#oauth-jwt-bearer-flow). */
    private static final long MAX_EXP_AHEAD_SECONDS = 180;
    /**
     * Clock skew allowed on top: a client signs on its own clock, and a standalone sim moved to "now"
     * starts its clock only once the scenario is loaded, a few seconds behind the real one.
     */
    private static final long SKEW_SECONDS = 30;

    private final SimulatedOrg sim;

    SimTokenEndpoint(SimulatedOrg sim) {
        this.sim = sim;
    }

    void handle(HttpExchange ex) throws IOException {
        if (!"POST".equals(ex.getRequestMethod())) {
            HttpIo.sendOAuthError(ex, 400, "invalid_request", "must use HTTP POST");
            return;
        }
        String contentType = String.valueOf(ex.getRequestHeaders().getFirst("Content-Type")).toLowerCase(java.util.Locale.ROOT);
        String query = ex.getRequestURI().getRawQuery();
        // Parameters in the query string or a JSON body: Salesforce answers "grant type not supported"
        // (docs/salesforce-wire-facts.md#oauth-token-endpoint-errors).
        if (!contentType.startsWith("application/x-www-form-urlencoded") || (query != null && !query.isBlank())) {
            HttpIo.readBody(ex);
            HttpIo.sendOAuthError(ex, 400, "unsupported_grant_type", "grant type not supported");
            return;
        }
        Map<String, String> form = HttpIo.parseForm(new String(HttpIo.readBody(ex), StandardCharsets.UTF_8));
        String grant = form.getOrDefault("grant_type", "");
        switch (grant) {
            case "password" -> password(ex, form);
            case JWT_GRANT -> jwt(ex, form);
            case "refresh_token" -> refresh(ex, form);
            case "client_credentials" -> clientCredentials(ex, form);
            default -> HttpIo.sendOAuthError(ex, 400, "unsupported_grant_type", "grant type not supported");
        }
    }

    /**
     * An app this org knows but has not installed (an External Client App after a sandbox refresh)
     * refuses every grant. The text is the one clients report; its error code is the sim's choice (unconfirmed).
     */
    private static boolean refusedAsNotInstalled(HttpExchange ex, SimApp app) throws IOException {
        if (app.policy.installed()) {
            return false;
        }
        HttpIo.sendOAuthError(ex, 400, "invalid_grant", "External client app is not installed in this org");
        return true;
    }

    private void password(HttpExchange ex, Map<String, String> form) throws IOException {
        String username = form.get("username");
        Optional<SimApp> app = sim.state().appByConsumerKey(form.getOrDefault("client_id", ""));
        if (app.isEmpty()) {
            recordFailure(username);
            HttpIo.sendOAuthError(ex, 400, "invalid_client_id", "client identifier invalid");
            return;
        }
        if (refusedAsNotInstalled(ex, app.get())) {
            return;
        }
        if (!secretMatches(app.get(), form.get("client_secret"), true)) {
            recordFailure(username);
            HttpIo.sendOAuthError(ex, 400, "invalid_client", "invalid client credentials");
            return;
        }
        login(ex, LoginFlow.OAUTH_PASSWORD, username, form.get("password"), app.get());
    }

    private void jwt(HttpExchange ex, Map<String, String> form) throws IOException {
        JwtAssertion jwt;
        try {
            jwt = JwtAssertion.parse(form.get("assertion"));
        } catch (IllegalArgumentException e) {
            HttpIo.sendOAuthError(ex, 400, "invalid_grant", "invalid assertion");
            return;
        }
        Optional<SimApp> app = jwt.iss == null ? Optional.empty() : sim.state().appByConsumerKey(jwt.iss);
        if (app.isEmpty()) {
            recordFailure(jwt.sub);
            HttpIo.sendOAuthError(ex, 400, "invalid_client_id", "client identifier invalid");
            return;
        }
        if (refusedAsNotInstalled(ex, app.get())) {
            return;
        }
        String problem = assertionProblem(jwt, app.get());
        if (problem != null) {
            recordFailure(jwt.sub);
            HttpIo.sendOAuthError(ex, 400, "invalid_grant", problem);
            return;
        }
        login(ex, LoginFlow.OAUTH_JWT, jwt.sub, null, app.get());
    }

    /**
     * The claim checks, in order: signature (RS256 under the app's key), sub present, aud, exp in
     * the past, exp more than 3 minutes ahead of the sim clock. Null when the assertion is good.
     */
    String assertionProblem(JwtAssertion jwt, SimApp app) {
        if (!jwt.signedBy(app.publicKey) || jwt.sub == null || jwt.exp == null) {
            return "invalid assertion";
        }
        if (!audienceAccepted(jwt.aud)) {
            return "audience is invalid";
        }
        long now = sim.state().now().getEpochSecond();
        if (jwt.exp <= now) {
            return "expired authorization code";
        }
        if (jwt.exp > now + MAX_EXP_AHEAD_SECONDS + SKEW_SECONDS) {
            return "invalid assertion";
        }
        return null;
    }

    /** login.salesforce.com for production, test.salesforce.com for sandboxes, and the sim's own URL. */
    private boolean audienceAccepted(String aud) {
        if (aud == null) {
            return false;
        }
        String a = aud.endsWith("/") ? aud.substring(0, aud.length() - 1) : aud;
        return a.equalsIgnoreCase("https://" + sim.state().environmentLoginHost()) || a.equalsIgnoreCase(sim.baseUrl());
    }

    private void refresh(HttpExchange ex, Map<String, String> form) throws IOException {
        Optional<SimApp> app = sim.state().appByConsumerKey(form.getOrDefault("client_id", ""));
        if (app.isEmpty()) {
            HttpIo.sendOAuthError(ex, 400, "invalid_client_id", "client identifier invalid");
            return;
        }
        if (!secretMatches(app.get(), form.get("client_secret"), false)) {
            HttpIo.sendOAuthError(ex, 400, "invalid_client", "invalid client credentials");
            return;
        }
        if (refusedAsNotInstalled(ex, app.get())) {
            return;
        }
        SimApp a = app.get();
        String token = form.getOrDefault("refresh_token", "");
        // One refresh at a time per app: under rotation the second of two concurrent refreshes must see the token retired.
        synchronized (a) {
            Optional<SimApp.Grant> grant = a.usableGrant(token, sim.state().now());
            if (grant.isEmpty()) {
                a.owner(token).ifPresent(this::recordFailure);
                HttpIo.sendOAuthError(ex, 400, "invalid_grant", "expired access/refresh token");
                return;
            }
            login(ex, LoginFlow.OAUTH_REFRESH_TOKEN, grant.get().username(), null, a, () -> a.refreshed(token, sim.state().now()));
        }
    }

    private void clientCredentials(HttpExchange ex, Map<String, String> form) throws IOException {
        Optional<SimApp> app = sim.state().appByConsumerKey(form.getOrDefault("client_id", ""));
        if (app.isEmpty()) {
            HttpIo.sendOAuthError(ex, 400, "invalid_client_id", "client identifier invalid");
            return;
        }
        if (!secretMatches(app.get(), form.get("client_secret"), true)) {
            recordFailure(app.get().runAsUsername);
            HttpIo.sendOAuthError(ex, 400, "invalid_client", "invalid client credentials");
            return;
        }
        if (refusedAsNotInstalled(ex, app.get())) {
            return;
        }
        if (app.get().runAsUsername == null) {
            HttpIo.sendOAuthError(ex, 400, "invalid_grant", "no client credentials user enabled");
            return;
        }
        login(ex, LoginFlow.OAUTH_CLIENT_CREDENTIALS, app.get().runAsUsername, null, app.get());
    }

    private void login(HttpExchange ex, LoginFlow flow, String username, String password, SimApp app) throws IOException {
        login(ex, flow, username, password, app, Optional::empty);
    }

    /** @param onSuccess after a granted login: the new refresh token to hand out, if any (rotation) */
    private void login(HttpExchange ex, LoginFlow flow, String username, String password, SimApp app,
                       java.util.function.Supplier<Optional<String>> onSuccess) throws IOException {
        String host = sim.loginHost(ex);
        LoginRequest req = new LoginRequest(flow, username, password, HttpIo.sourceIp(ex), host, sim.isForeignHost(host),
                null, null, app.name, app);
        LoginOutcome outcome = sim.authority().attempt(req);
        if (!outcome.succeeded()) {
            Rejection r = outcome.rejection();
            HttpIo.sendOAuthError(ex, 400, r.oauthError, r.oauthDescription);
            return;
        }
        OrgState org = sim.state();
        String issuedAt = String.valueOf(org.now().toEpochMilli());
        String id = sim.baseUrl() + "/id/" + org.orgId + "/" + outcome.user().id;
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("access_token", outcome.sessionId());
        body.put("signature", signature(app, id + issuedAt));
        body.put("scope", "api");
        body.put("instance_url", sim.baseUrl());
        body.put("id", id);
        body.put("token_type", "Bearer");
        body.put("issued_at", issuedAt);
        onSuccess.get().ifPresent(next -> body.put("refresh_token", next));
        HttpIo.sendJson(ex, 200, body);
    }

    private static boolean secretMatches(SimApp app, String given, boolean required) {
        if (app.consumerSecret == null) {
            return true;
        }
        if (given == null) {
            return !required;
        }
        return java.security.MessageDigest.isEqual(app.consumerSecret.getBytes(StandardCharsets.UTF_8),
                given.getBytes(StandardCharsets.UTF_8));
    }

    /** HMAC-SHA256 of id + issued_at, keyed by the consumer secret, as Salesforce documents the signature. */
    private static String signature(SimApp app, String text) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            byte[] key = (app.consumerSecret == null ? app.consumerKey : app.consumerSecret).getBytes(StandardCharsets.UTF_8);
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return Base64.getEncoder().encodeToString(mac.doFinal(text.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private void recordFailure(String username) {
        if (username != null) {
            sim.state().recordAttempt(username, true);
        }
    }

}
