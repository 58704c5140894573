package dev.logindoctor.salesforce;

/**
 * A credential secret that cannot be used as it is (missing field, a key in the wrong format).
 * The message names the field and the fix, never a value. Nothing was sent to Salesforce.
 */
public final class UnusableCredentials extends RuntimeException {
    public UnusableCredentials(String message) {
        super(message, null, false, false);
    }
}
