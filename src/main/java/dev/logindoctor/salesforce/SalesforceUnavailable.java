package dev.logindoctor.salesforce;

/** Salesforce did not answer usefully: a 5xx, a timeout, a reset connection. Worth a later retry. */
public final class SalesforceUnavailable extends SalesforceException {
    public SalesforceUnavailable(String message) {
        super(message);
    }

    public SalesforceUnavailable(String message, Throwable cause) {
        super(message, cause);
    }

    @Override
    public boolean retryable() {
        return true;
    }
}
