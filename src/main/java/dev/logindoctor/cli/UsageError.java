package dev.logindoctor.cli;

/** Bad input a person can fix (a missing file, an unknown scenario): exit 2 with the message, never a stack trace. */
final class UsageError extends RuntimeException {
    UsageError(String message) {
        super(message, null, false, false);
    }
}
