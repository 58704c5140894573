package dev.logindoctor.aws;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import dev.logindoctor.engine.Json;
import dev.logindoctor.probe.Deadline;
import dev.logindoctor.probe.ProbeRun;
import dev.logindoctor.probe.ProbeSummary;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/**
 * The scheduled health probe (EventBridge Scheduler; the event's content is ignored): one
 * {@link ProbeRun} over the registered integrations, stopped in time by the Lambda deadline. Logs
 * one JSON line with the run's summary (outcomes, what it left for the next run) and returns it.
 * No credential reaches the summary, the log or the table.
 */
public final class ProbeHandler implements RequestStreamHandler {
    private final ProbeRun probe;

    public ProbeHandler(ProbeRun probe) {
        this.probe = probe;
    }

    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        input.readAllBytes();
        Deadline deadline = context == null ? Deadline.unlimited() : Deadline.of(context::getRemainingTimeInMillis);
        ProbeSummary summary = probe.run(deadline);
        if (context != null && context.getLogger() != null) {
            context.getLogger().log(Json.MAPPER.writeValueAsString(java.util.Map.of("probeRun", summary)) + "\n");
        }
        Json.MAPPER.writeValue(output, summary);
    }
}
