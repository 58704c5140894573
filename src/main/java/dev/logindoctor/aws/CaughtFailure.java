package dev.logindoctor.aws;

import com.fasterxml.jackson.databind.JsonNode;
import dev.logindoctor.json.Json;
import dev.logindoctor.engine.StepFailure;

import java.util.regex.Pattern;

/**
 * Turns what a Catch left in {@code $.failure} into a {@link StepFailure}. Step Functions writes
 * {@code {Error, Cause}} (Cause may be missing, e.g. for States.Timeout) and the ASL's Pass state adds
 * {@code step}; for a Java Lambda, Error is the exception's full class name and Cause is Lambda's
 * error JSON with a stack trace. Findings should say "SourceUnavailable: Salesforce answered 503", not that.
 */
final class CaughtFailure {
    /** A Java class name with its package, e.g. dev.logindoctor.engine.SourceUnavailable (not States.Timeout). */
    private static final Pattern JAVA_CLASS = Pattern.compile("(?:[a-z_][A-Za-z0-9_]*\\.)+([A-Z][A-Za-z0-9_$]*)");

    private CaughtFailure() {
    }

    static StepFailure from(JsonNode failure) {
        String step = text(failure, "step");
        String error = text(failure, "error");
        if (error == null) {
            error = text(failure, "Error");
        }
        String cause = text(failure, "cause");
        if (cause == null) {
            cause = text(failure, "Cause");
        }
        return new StepFailure(step, readableError(error), readableCause(cause));
    }

    static String readableError(String error) {
        if (error == null) {
            return "unknown error";
        }
        var matcher = JAVA_CLASS.matcher(error);
        return matcher.matches() ? matcher.group(1) : error;
    }

    /** Lambda's {"errorMessage", "errorType", "stackTrace"} becomes its message; other text stays as it is. */
    static String readableCause(String cause) {
        if (cause == null || !cause.stripLeading().startsWith("{")) {
            return cause;
        }
        try {
            JsonNode lambdaError = Json.MAPPER.readTree(cause);
            JsonNode message = lambdaError.get("errorMessage");
            return message != null && message.isTextual() ? message.asText() : cause;
        } catch (java.io.IOException e) {
            return cause;
        }
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node == null ? null : node.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }
}
