package dev.logindoctor.salesforce;

import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * The diagnostics user's API session: OAuth JWT bearer for a dedicated API-only user (no password,
 * no MFA prompt), the access token cached per process, and exactly one re-authentication when
 * Salesforce answers 401 INVALID_SESSION_ID — never more, so a broken setup cannot loop.
 * Counts every request it sends to the org (token requests included) for the diagnosis budget.
 * One instance per diagnosis; the {@link TokenCache} outlives it.
 */
public final class DiagnosticsConnection {
    static final String WHOSE = "the diagnostics user's JWT bearer login";

    private final DiagnosticsCredentials credentials;
    private final HttpTransport transport;
    private final OAuthTokenEndpoint tokenEndpoint;
    private final TokenCache cache;
    private final Clock clock;
    private final String cacheKey;
    private final AtomicInteger requests = new AtomicInteger();
    private final int budget;

    public DiagnosticsConnection(DiagnosticsCredentials credentials, HttpTransport transport, TokenCache cache, Clock clock) {
        this(credentials, transport, cache, clock, Integer.MAX_VALUE);
    }

    /** @param budget requests this connection may send at most; one more is refused with {@link BudgetSpent} */
    public DiagnosticsConnection(DiagnosticsCredentials credentials, HttpTransport transport, TokenCache cache, Clock clock, int budget) {
        this.credentials = credentials;
        this.transport = transport;
        this.tokenEndpoint = new OAuthTokenEndpoint(transport);
        this.cache = cache;
        this.clock = clock;
        this.cacheKey = TokenCache.key(credentials.loginUrl(), credentials.username(), credentials.clientId());
        this.budget = budget;
    }

    /** The diagnosis' org-request budget is spent: the request was not sent. */
    public static final class BudgetSpent extends RuntimeException {
        BudgetSpent(int budget) {
            super("the org-request budget (" + budget + " requests per diagnosis) is spent: no further request was sent", null, false, false);
        }
    }

    public DiagnosticsCredentials credentials() {
        return credentials;
    }

    /** Requests this connection sent to the org so far: token requests plus API calls. */
    public int requests() {
        return requests.get();
    }

    /** The cached session, or a new one from a JWT bearer token request. */
    public TokenCache.Session session() {
        TokenCache.Session cached = cache.get(cacheKey, clock.instant());
        return cached != null ? cached : authenticate();
    }

    /**
     * Sends a call built for the current session and returns its 2xx reply. On 401 it
     * re-authenticates once and resends; a second 401 is thrown as {@link SessionExpired}.
     * Other non-2xx answers are thrown as typed errors ({@link ResponseErrors}).
     */
    HttpReply send(Function<TokenCache.Session, HttpCall> build) {
        TokenCache.Session session = session();
        HttpCall call = build.apply(session);
        HttpReply reply = sendCounted(call);
        if (reply.status() == 401) {
            cache.invalidate(cacheKey, session);
            TokenCache.Session fresh = authenticate();
            call = build.apply(fresh);
            reply = sendCounted(call);
            if (reply.status() == 401) {
                cache.invalidate(cacheKey, fresh);
                SalesforceException e = ResponseErrors.toException(call.kind(), call.host(), reply);
                throw new SessionExpired(e.getMessage() + "; a fresh session was refused too, so the diagnostics user's "
                        + "session is being revoked as soon as it is issued (check the connected app's session policies)");
            }
        }
        return ResponseErrors.requireSuccess(call.kind(), call.host(), reply);
    }

    private HttpReply sendCounted(HttpCall call) {
        count();
        return transport.send(call);
    }

    private void count() {
        // One atomic step: a check and a separate increment could let two requests past the last slot.
        if (requests.getAndUpdate(n -> n < budget ? n + 1 : n) >= budget) {
            throw new BudgetSpent(budget);
        }
    }

    private TokenCache.Session authenticate() {
        String audience = JwtBearerAssertion.audienceFor(credentials.loginUrl());
        String assertion = JwtBearerAssertion.create(credentials.clientId(), credentials.username(), audience,
                credentials.privateKey(), clock);
        count();
        LoginSuccess success;
        try {
            success = tokenEndpoint.request(credentials.loginUrl(), OAuthTokenEndpoint.form(
                    "grant_type", "urn:ietf:params:oauth:grant-type:jwt-bearer", "assertion", assertion), List.of(assertion));
        } catch (LoginRejected e) {
            throw e.explained(WHOSE + " as " + credentials.username() + " at " + hostOf(credentials.loginUrl()),
                    meaning(e, audience));
        }
        HttpTransport.requireSecure(java.net.URI.create(success.instanceUrl()), "the instance_url Salesforce returned");
        TokenCache.Session session = new TokenCache.Session(success.instanceUrl(), success.accessToken(), clock.instant());
        cache.put(cacheKey, session);
        return session;
    }

    private static String hostOf(String url) {
        return java.net.URI.create(url).getHost();
    }

    /**
     * What a refused JWT means for the diagnostics setup, and what to change
     * (docs/salesforce-wire-facts.md#oauth-token-endpoint-errors).
     */
    static String meaning(LoginRejected e, String audience) {
        String code = e.code() == null ? "" : e.code().toLowerCase(Locale.ROOT);
        String d = e.description() == null ? "" : e.description().toLowerCase(Locale.ROOT);
        if (d.contains("hasn't approved") || d.contains("has not approved")) {
            return "pre-authorize the diagnostics user's profile or permission set on the connected app "
                    + "(Setup → App Manager → the app → Manage → Profiles / Permission Sets; Permitted Users: admin approved users are pre-authorized)";
        }
        if (code.equals("invalid_client_id")) {
            return "the diagnostics secret's clientId is not the connected app's consumer key (Setup → App Manager → the app → View → Consumer Key)";
        }
        if (d.contains("invalid assertion") || d.contains("invalid signature")) {
            return "the certificate on the connected app does not match the private key in the diagnostics secret "
                    + "(upload the certificate made from this key under 'Use digital signatures')";
        }
        if (d.contains("audience")) {
            return "the assertion's audience " + audience + " was refused: sandboxes need https://test.salesforce.com and a "
                    + "sandbox login host (test.salesforce.com or the *.sandbox.my.salesforce.com My Domain) in the secret's loginUrl";
        }
        // Only an expired assertion speaks of the clock: "Session expired or invalid" or an expired
        // access/refresh token says nothing about this machine's time.
        if (d.contains("expired authorization code") || (d.contains("expired") && (d.contains("assertion") || d.contains("jwt")))) {
            return "the assertion had already expired when Salesforce checked it: this machine's clock is probably behind "
                    + "(exp is 3 minutes ahead; sync the clock with NTP)";
        }
        if (d.contains("ip restricted") || d.contains("login hours")) {
            return "the diagnostics user's profile restricts login IPs or hours, and JWT bearer always enforces them: add this "
                    + "tool's egress addresses to the profile's Login IP Ranges or widen its Login Hours";
        }
        if (code.equals("inactive_user") || d.contains("inactive user") || d.contains("user is inactive")) {
            return "the diagnostics user is deactivated: reactivate it (Setup → Users)";
        }
        if (code.equals("inactive_org")) {
            return "the org behind the diagnostics loginUrl is locked, closed or suspended";
        }
        if (code.equals("rate_limit_exceeded")) {
            return "the diagnostics user has hit the hourly login limit; tokens are cached, so something else is logging in as this user";
        }
        if (code.equals("unsupported_grant_type")) {
            return "the login host did not take the JWT bearer grant: check the secret's loginUrl "
                    + "(https://login.salesforce.com, https://test.salesforce.com or the org's My Domain)";
        }
        if (code.startsWith("invalid_client")) {
            return "the connected app refused the client: check the consumer key and that the app uses digital signatures (JWT bearer)";
        }
        if (d.contains("authentication failure") || d.contains("invalid user credentials") || code.equals("invalid_grant")) {
            return "the diagnostics username is not a usable user at this login host (wrong org or host, frozen or locked, "
                    + "not allowed to use the app, or the org is down for maintenance)";
        }
        if (code.startsWith("http_")) {
            return "the login host did not answer like a Salesforce token endpoint: check the diagnostics secret's loginUrl";
        }
        return "the diagnostics connection cannot be used until this is fixed in the connected app or the diagnostics secret";
    }

    @Override
    public String toString() {
        return "DiagnosticsConnection[" + credentials + ", requests=" + requests.get() + "]";
    }
}
