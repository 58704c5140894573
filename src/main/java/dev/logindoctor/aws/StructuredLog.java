package dev.logindoctor.aws;

import com.amazonaws.services.lambda.runtime.Context;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.logindoctor.json.Json;

import java.time.Clock;
import java.util.Map;
import java.util.function.Consumer;

/**
 * One JSON object per line on stdout, with the fields an admin filters on (step, verdict, cause,
 * integrationId, executionName) at the top level. The function logs its own JSON line rather than
 * through the LambdaLogger: under Lambda's JSON log format the LambdaLogger puts whatever it is
 * given, JSON or not, into the {@code message} string, where Logs Insights cannot see the fields
 * (README, "Read the answer"). Lines carry conclusions only, never evidence or report values.
 */
public final class StructuredLog {
    private final Consumer<String> sink;
    private final Clock clock;

    public StructuredLog(Consumer<String> sink, Clock clock) {
        this.sink = sink;
        this.clock = clock;
    }

    /** What Lambda reads: the function's stdout. */
    public static StructuredLog stdout() {
        return new StructuredLog(System.out::println, Clock.systemUTC());
    }

    /** Null values are left out: a missing field is absent, never the text "null". */
    public void info(Context context, String message, Map<String, ?> fields) {
        ObjectNode line = Json.MAPPER.createObjectNode()
                .put("timestamp", clock.instant().toString())
                .put("level", "INFO")
                .put("message", message);
        if (context != null && context.getAwsRequestId() != null) {
            line.put("requestId", context.getAwsRequestId());
        }
        fields.forEach((name, value) -> {
            if (value instanceof Number n) {
                line.put(name, n.longValue());
            } else if (value != null) {
                line.put(name, value.toString());
            }
        });
        sink.accept(line.toString());
    }
}
