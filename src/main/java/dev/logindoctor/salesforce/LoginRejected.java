package dev.logindoctor.salesforce;

/** Salesforce refused a login: a SOAP LoginFault or an OAuth error response. */
public final class LoginRejected extends SalesforceException {
    private final String code;
    private final String description;
    private final int httpStatus;

    public LoginRejected(String code, String description, int httpStatus) {
        super("login rejected by Salesforce (HTTP " + httpStatus + "): " + code
                + (description == null || description.isBlank() ? "" : ": " + description));
        this.code = code;
        this.description = description;
        this.httpStatus = httpStatus;
    }

    public String code() {
        return code;
    }

    public String description() {
        return description;
    }

    public int httpStatus() {
        return httpStatus;
    }

    @Override
    public boolean retryable() {
        return false;
    }
}
