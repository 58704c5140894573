package dev.logindoctor.aws;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.logindoctor.json.Json;
import dev.logindoctor.model.RiskFinding;
import dev.logindoctor.model.RiskReport;
import dev.logindoctor.probe.RiskChecker;

import java.io.PrintStream;

/**
 * One CloudWatch Embedded Metric Format line per risk found by a probe's risk check (namespace
 * LoginDoctor, dimension Risk, metric RisksAhead = 1): the dashboard's "risks ahead" widget counts
 * the integrations at each risk. Carries the integration id, never evidence or secrets.
 */
public final class RiskMetrics {
    private final PrintStream out;

    public RiskMetrics(PrintStream out) {
        this.out = out;
    }

    /** The checker, with a metric line for each risk it finds. */
    public RiskChecker metering(RiskChecker checker) {
        return (integration, credential) -> {
            RiskReport report = checker.check(integration, credential);
            report.risks().forEach(f -> out.println(line(report, f)));
            out.flush();
            return report;
        };
    }

    static String line(RiskReport report, RiskFinding finding) {
        ObjectNode root = Json.MAPPER.createObjectNode();
        ObjectNode directive = root.putObject("_aws").put("Timestamp", report.checkedAt().toEpochMilli())
                .putArray("CloudWatchMetrics").addObject();
        directive.put("Namespace", DiagnosisMetrics.NAMESPACE);
        directive.putArray("Dimensions").addArray().add("Risk");
        ArrayNode metrics = directive.putArray("Metrics");
        metrics.addObject().put("Name", "RisksAhead").put("Unit", "Count");
        root.put("Risk", finding.risk().name());
        root.put("RisksAhead", 1);
        root.put("integrationId", report.integrationId());
        if (finding.dueAt() != null) {
            root.put("dueAt", finding.dueAt().toString());
        }
        return root.toString();
    }
}
