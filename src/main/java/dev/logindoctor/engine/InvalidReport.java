package dev.logindoctor.engine;

/** A failure report that cannot be diagnosed; the message names the field and never echoes a value. */
public final class InvalidReport extends RuntimeException {
    private final String field;

    public InvalidReport(String field, String message) {
        super(field == null ? message : "field '" + field + "': " + message, null, false, false);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
