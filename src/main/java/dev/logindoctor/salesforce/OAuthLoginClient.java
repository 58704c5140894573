package dev.logindoctor.salesforce;

import java.time.Clock;
import java.util.List;

/**
 * The OAuth token endpoint's non-interactive grants (docs/salesforce-wire-facts.md#oauth-token-endpoint):
 * username-password, JWT bearer, refresh token, client credentials — form-encoded POSTs to
 * {@code {loginUrl}/services/oauth2/token}. Used only by the health probe, once per credential version. A refusal is
 * {@link LoginRejected} with Salesforce's own {@code error} and {@code error_description}.
 */
public final class OAuthLoginClient {
    static final String JWT_BEARER = "urn:ietf:params:oauth:grant-type:jwt-bearer";
    private final OAuthTokenEndpoint endpoint;
    private final Clock clock;

    public OAuthLoginClient(HttpTransport transport, Clock clock) {
        this.endpoint = new OAuthTokenEndpoint(transport);
        this.clock = clock;
    }

    /**
     * grant_type=password: client id and secret, username, password with the security token appended
     * (docs/salesforce-wire-facts.md#oauth-username-password-flow).
     */
    public LoginSuccess password(String loginUrl, String username, IntegrationCredentials c) {
        String flow = "the OAuth username-password flow";
        return send(loginUrl, c, "grant_type", "password",
                "client_id", c.require(c.clientId(), "clientId", flow),
                "client_secret", c.clientSecret(),
                "username", user(username, c),
                "password", c.passwordWithToken(flow));
    }

    /**
     * grant_type=jwt-bearer: an RS256 assertion for the user, no client secret
     * (docs/salesforce-wire-facts.md#oauth-jwt-bearer-flow).
     */
    public LoginSuccess jwtBearer(String loginUrl, String username, IntegrationCredentials c) {
        String flow = "the OAuth JWT bearer flow";
        if (c.privateKey() == null) {
            throw new UnusableCredentials("the integration's credential secret has no privateKey, which " + flow + " needs");
        }
        String base = DiagnosticsCredentials.normalizeLoginUrl(loginUrl, "the login URL");
        String audience = c.audience() != null ? c.audience() : JwtBearerAssertion.audienceFor(base);
        String assertion = JwtBearerAssertion.create(c.require(c.clientId(), "clientId", flow), user(username, c), audience, c.privateKey(), clock);
        return endpoint.request(base, OAuthTokenEndpoint.form("grant_type", JWT_BEARER, "assertion", assertion),
                concat(c.secretValues(), assertion));
    }

    /**
     * grant_type=refresh_token with the client id (and secret when the app requires one;
     * docs/salesforce-wire-facts.md#oauth-refresh-token-flow).
     */
    public LoginSuccess refreshToken(String loginUrl, IntegrationCredentials c) {
        String flow = "the OAuth refresh token flow";
        return send(loginUrl, c, "grant_type", "refresh_token",
                "refresh_token", c.require(c.refreshToken(), "refreshToken", flow),
                "client_id", c.require(c.clientId(), "clientId", flow),
                "client_secret", c.clientSecret());
    }

    /**
     * grant_type=client_credentials: runs as the app's Run-As user; served on My Domain hosts
     * (docs/salesforce-wire-facts.md#oauth-client-credentials-flow).
     */
    public LoginSuccess clientCredentials(String loginUrl, IntegrationCredentials c) {
        String flow = "the OAuth client credentials flow";
        return send(loginUrl, c, "grant_type", "client_credentials",
                "client_id", c.require(c.clientId(), "clientId", flow),
                "client_secret", c.require(c.clientSecret(), "clientSecret", flow));
    }

    private LoginSuccess send(String loginUrl, IntegrationCredentials c, String... form) {
        String base = DiagnosticsCredentials.normalizeLoginUrl(loginUrl, "the login URL");
        return endpoint.request(base, OAuthTokenEndpoint.form(form), c.secretValues());
    }

    private static String user(String username, IntegrationCredentials c) {
        String u = c.username() != null ? c.username() : username;
        if (u == null || u.isBlank()) {
            throw new UnusableCredentials("no username: neither the report nor the credential secret names one");
        }
        return u;
    }

    private static List<String> concat(List<String> values, String more) {
        List<String> all = new java.util.ArrayList<>(values);
        all.add(more);
        return all;
    }
}
