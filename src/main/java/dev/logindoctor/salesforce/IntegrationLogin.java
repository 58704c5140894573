package dev.logindoctor.salesforce;

import dev.logindoctor.model.LoginFlow;

/**
 * One login the way the integration itself logs in, for the health probe: the flow picks SOAP
 * login() or the OAuth grant. Returns {@link LoginSuccess} or throws {@link LoginRejected}
 * (Salesforce said no), {@link UnusableCredentials} (the secret lacks what the flow needs: nothing
 * was sent), or the transport's typed errors. The web-server flow needs a person in a browser and
 * cannot be attempted.
 */
public final class IntegrationLogin {
    private final SoapLoginClient soap;
    private final OAuthLoginClient oauth;

    public IntegrationLogin(HttpTransport transport, java.time.Clock clock) {
        this.soap = new SoapLoginClient(transport);
        this.oauth = new OAuthLoginClient(transport, clock);
    }

    /** @param soapApiVersion the version in the integration's SOAP endpoint, e.g. "62.0"; ignored for OAuth */
    public LoginSuccess attempt(LoginFlow flow, String loginUrl, String username, String soapApiVersion, IntegrationCredentials credentials) {
        return switch (flow) {
            case SOAP -> usable(soap.login(loginUrl, soapApiVersion == null ? SoapLoginClient.DEFAULT_API_VERSION : soapApiVersion, username, credentials));
            case OAUTH_PASSWORD -> oauth.password(loginUrl, username, credentials);
            case OAUTH_JWT -> oauth.jwtBearer(loginUrl, username, credentials);
            case OAUTH_REFRESH_TOKEN -> oauth.refreshToken(loginUrl, credentials);
            case OAUTH_CLIENT_CREDENTIALS -> oauth.clientCredentials(loginUrl, credentials);
            case OAUTH_WEB_SERVER -> throw new UnusableCredentials(
                    "the OAuth web-server flow needs a person in a browser; the probe cannot attempt it (use its refresh token: OAUTH_REFRESH_TOKEN)");
        };
    }

    /** The INVALID_OPERATION_WITH_EXPIRED_PASSWORD text (docs/salesforce-wire-facts.md, "Password expiry"). */
    static final String EXPIRED_PASSWORD_TEXT = "The users password has expired, you must call SetPassword before attempting any other API operations";

    /**
     * A login() with passwordExpired = true opened a session good only for setPassword(): for the
     * integration that is a failed login, reported with the fault its next call gets.
     */
    private static LoginSuccess usable(LoginSuccess success) {
        if (success.passwordExpired()) {
            throw new LoginRejected("INVALID_OPERATION_WITH_EXPIRED_PASSWORD", EXPIRED_PASSWORD_TEXT, 200);
        }
        return success;
    }
}
