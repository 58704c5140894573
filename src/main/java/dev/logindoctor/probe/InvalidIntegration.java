package dev.logindoctor.probe;

/** A registration that cannot be probed; the message names the field, never echoes a value. */
public final class InvalidIntegration extends RuntimeException {
    private final String field;

    public InvalidIntegration(String field, String message) {
        super("field '" + field + "': " + message, null, false, false);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
