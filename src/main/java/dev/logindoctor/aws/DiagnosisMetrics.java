package dev.logindoctor.aws;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.logindoctor.json.Json;
import dev.logindoctor.model.Diagnosis;

import java.io.PrintStream;
import java.time.Instant;

/**
 * One CloudWatch Embedded Metric Format line per diagnosis, printed to stdout where Lambda sends it
 * to CloudWatch Logs, which extracts the metrics (namespace LoginDoctor, dimension Cause:
 * Diagnoses, DurationMs, SalesforceRequests). Written by hand: a metrics library would cost more
 * cold start than this one line.
 */
public final class DiagnosisMetrics {
    public static final String NAMESPACE = "LoginDoctor";

    private final PrintStream out;

    public DiagnosisMetrics(PrintStream out) {
        this.out = out;
    }

    public void record(Diagnosis diagnosis, Instant at) {
        out.println(line(diagnosis, at));
        out.flush();
    }

    static String line(Diagnosis diagnosis, Instant at) {
        ObjectNode root = Json.MAPPER.createObjectNode();
        ObjectNode directive = root.putObject("_aws").put("Timestamp", at.toEpochMilli())
                .putArray("CloudWatchMetrics").addObject();
        directive.put("Namespace", NAMESPACE);
        directive.putArray("Dimensions").addArray().add("Cause");
        ArrayNode metrics = directive.putArray("Metrics");
        metrics.addObject().put("Name", "Diagnoses").put("Unit", "Count");
        metrics.addObject().put("Name", "DurationMs").put("Unit", "Milliseconds");
        metrics.addObject().put("Name", "SalesforceRequests").put("Unit", "Count");
        root.put("Cause", diagnosis.cause().name());
        root.put("Diagnoses", 1);
        root.put("DurationMs", diagnosis.durationMs());
        root.put("SalesforceRequests", diagnosis.salesforceRequests());
        root.put("diagnosisId", diagnosis.diagnosisId());
        return root.toString();
    }
}
