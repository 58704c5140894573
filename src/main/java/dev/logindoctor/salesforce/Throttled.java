package dev.logindoctor.salesforce;

/** Salesforce refused for load: 403 REQUEST_LIMIT_EXCEEDED, or 429/503 with a retry hint. */
public final class Throttled extends SalesforceException {
    public Throttled(String message) {
        super(message);
    }

    @Override
    public boolean retryable() {
        return true;
    }
}
