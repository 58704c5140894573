package dev.logindoctor.sim;

/** A query Salesforce would refuse: becomes HTTP 400 with {@code errorCode} (MALFORMED_QUERY, INVALID_FIELD, INVALID_TYPE). */
final class SoqlException extends RuntimeException {
    final String errorCode;

    SoqlException(String errorCode, String message) {
        super(message, null, false, false);
        this.errorCode = errorCode;
    }

    static SoqlException malformed(String message) {
        return new SoqlException("MALFORMED_QUERY", message);
    }

    static SoqlException noSuchColumn(String field, String object) {
        return new SoqlException("INVALID_FIELD", "No such column '" + field + "' on entity '" + object + "'. If you are attempting"
                + " to use a custom field, be sure to append the '__c' after the custom field name. Please reference your WSDL"
                + " or the describe call for the appropriate names.");
    }
}
