package dev.logindoctor.salesforce;

/** Salesforce refused a login: a SOAP LoginFault or an OAuth error response. */
public final class LoginRejected extends SalesforceException {
    private final String code;
    private final String description;
    private final int httpStatus;

    public LoginRejected(String code, String description, int httpStatus) {
        this(code, description, httpStatus, "login rejected by Salesforce (HTTP " + httpStatus + "): " + code
                + (description == null || description.isBlank() ? "" : ": " + description));
    }

    private LoginRejected(String code, String description, int httpStatus, String message) {
        super(message);
        this.code = code;
        this.description = description;
        this.httpStatus = httpStatus;
    }

    /**
     * The same rejection with a message that says what it means for the caller's setup, e.g.
     * "the diagnostics user's JWT login was refused (HTTP 400 invalid_grant: user hasn't approved
     * this consumer): pre-authorize ...". Code, description and status stay Salesforce's own.
     */
    public LoginRejected explained(String whose, String meaning) {
        String said = "HTTP " + httpStatus + " " + code + (description == null || description.isBlank() ? "" : ": " + description);
        return new LoginRejected(code, description, httpStatus, whose + " was refused (" + said + "): " + meaning);
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
