package dev.logindoctor.salesforce;

/** Salesforce (or something in between) answered with a body we cannot read; says what was wrong. */
public final class MalformedResponse extends SalesforceException {
    public MalformedResponse(String message) {
        super(message);
    }

    @Override
    public boolean retryable() {
        return false;
    }
}
