package dev.logindoctor.salesforce;

/** 401 INVALID_SESSION_ID: the cached access token is no longer valid. */
public final class SessionExpired extends SalesforceException {
    public SessionExpired(String message) {
        super(message);
    }

    @Override
    public boolean retryable() {
        return false;
    }
}
