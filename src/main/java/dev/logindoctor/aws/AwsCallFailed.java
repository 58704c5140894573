package dev.logindoctor.aws;

/**
 * An AWS call that did not succeed: the service, the operation, AWS's error code (null when AWS
 * never answered) and the HTTP status (0 then). The message is ours plus AWS's own short message,
 * which describes the request; nothing Login Doctor sends to AWS holds a secret value.
 */
public final class AwsCallFailed extends RuntimeException {
    private final String errorCode;
    private final int status;

    AwsCallFailed(String service, String operation, String errorCode, int status, String detail) {
        super(service + " " + operation + (errorCode == null ? "" : " failed: " + errorCode + " (HTTP " + status + ")")
                + (detail == null ? "" : (errorCode == null ? " " : ": ") + detail), null, false, false);
        this.errorCode = errorCode;
        this.status = status;
    }

    /** AWS's code without its namespace ("ConditionalCheckFailedException"), or null when AWS did not answer. */
    public String errorCode() {
        return errorCode;
    }

    public int status() {
        return status;
    }

    boolean is(String code) {
        return code.equals(errorCode);
    }
}
