package dev.logindoctor.salesforce;

/** A REST request refused for what it asked: 400 MALFORMED_QUERY, INVALID_FIELD, INVALID_TYPE, 403/404 access. */
public final class RequestRejected extends SalesforceException {
    private final String errorCode;
    private final int httpStatus;

    public RequestRejected(String errorCode, String message, int httpStatus) {
        super("Salesforce refused the request (HTTP " + httpStatus + " " + errorCode + "): " + message);
        this.errorCode = errorCode;
        this.httpStatus = httpStatus;
    }

    public String errorCode() {
        return errorCode;
    }

    public int httpStatus() {
        return httpStatus;
    }

    @Override
    public boolean retryable() {
        return false;
    }
}
