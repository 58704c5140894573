package dev.logindoctor.salesforce;

/**
 * A URL we refuse to send credentials or session ids to: not https, and not a loopback simulator.
 * Not a {@link SalesforceException}: nothing was sent, and the fix is in configuration.
 */
public final class InsecureEndpoint extends IllegalArgumentException {
    public InsecureEndpoint(String message) {
        super(message);
    }
}
