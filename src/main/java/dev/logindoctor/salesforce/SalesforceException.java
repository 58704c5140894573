package dev.logindoctor.salesforce;

/**
 * A failure talking to Salesforce. Messages say what went wrong and what to do; they never carry
 * a password, token, private key, assertion or session id.
 */
public abstract sealed class SalesforceException extends RuntimeException
        permits LoginRejected, SalesforceUnavailable, Throttled, SessionExpired, MalformedResponse, RequestRejected {

    protected SalesforceException(String message) {
        super(message, null, false, false);
    }

    protected SalesforceException(String message, Throwable cause) {
        // No stack-trace suppression here: the cause chain helps diagnose transport faults.
        super(message, cause);
    }

    /** True when trying again later may succeed (throttling, 5xx, timeouts). */
    public abstract boolean retryable();
}
