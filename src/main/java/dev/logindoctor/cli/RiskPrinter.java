package dev.logindoctor.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.logindoctor.json.Json;
import dev.logindoctor.model.RiskAssessment;
import dev.logindoctor.model.RiskFinding;
import dev.logindoctor.model.RiskReport;

import java.io.PrintWriter;

/**
 * Prints a risk check: as text for people, or as the one JSON object of the CLI contract
 * {@code {"risks": [{risk, dueAt, evidence, fix}], "salesforceRequests": N}}, plus {@code "gaps"}:
 * the risk kinds that could not be judged and why.
 */
final class RiskPrinter {
    private RiskPrinter() {
    }

    static ObjectNode json(RiskReport report) {
        ObjectNode root = Json.MAPPER.createObjectNode();
        ArrayNode risks = root.putArray("risks");
        for (RiskFinding f : report.risks()) {
            ObjectNode r = risks.addObject().put("risk", f.risk().name());
            if (f.dueAt() == null) {
                r.putNull("dueAt");
            } else {
                r.put("dueAt", f.dueAt().toString());
            }
            ArrayNode evidence = r.putArray("evidence");
            f.evidence().forEach(evidence::add);
            r.put("fix", f.fix());
        }
        root.put("salesforceRequests", report.salesforceRequests());
        ArrayNode gaps = root.putArray("gaps");
        for (RiskAssessment g : report.gaps()) {
            gaps.addObject().put("risk", g.risk().name()).put("reason", g.note());
        }
        return root;
    }

    static void printJson(RiskReport report, PrintWriter out) {
        try {
            out.println(Json.MAPPER.writeValueAsString(json(report)));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the risk check as JSON", e);
        }
    }

    static void printText(RiskReport report, PrintWriter out) {
        out.println("Risks ahead for " + report.integrationId() + " (checked " + report.checkedAt() + ", "
                + report.salesforceRequests() + " org API request(s), no login):");
        if (report.risks().isEmpty()) {
            out.println("  none found");
        }
        for (RiskFinding f : report.risks()) {
            out.println();
            out.println("  " + f.risk() + "   due " + (f.dueAt() == null ? "(no date)" : f.dueAt()));
            f.evidence().forEach(line -> out.println("    - " + line));
            out.println("    fix: " + f.fix());
        }
        if (!report.gaps().isEmpty()) {
            out.println();
            out.println("  Could not be judged (a gap, not a clean bill):");
            report.gaps().forEach(g -> out.println("    " + g.risk() + ": " + g.note()));
        }
    }

    /** One short cell for tables: the nearest risk and its date, or "-". */
    static String nearest(RiskFinding f) {
        return f == null ? "-" : f.risk() + (f.dueAt() == null ? "" : " " + f.dueAt().truncatedTo(java.time.temporal.ChronoUnit.MINUTES));
    }
}
