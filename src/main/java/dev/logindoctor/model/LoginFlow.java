package dev.logindoctor.model;

/** The way the failing integration logs in. */
public enum LoginFlow {
    SOAP,
    OAUTH_PASSWORD,
    OAUTH_JWT,
    OAUTH_REFRESH_TOKEN,
    OAUTH_WEB_SERVER,
    OAUTH_CLIENT_CREDENTIALS;

    /** Flows that send the user's password (and so the security token). */
    public boolean sendsPassword() {
        return this == SOAP || this == OAUTH_PASSWORD;
    }

    public boolean isOAuth() {
        return this != SOAP;
    }
}
