package dev.logindoctor.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.logindoctor.json.Json;
import dev.logindoctor.model.Diagnosis;
import dev.logindoctor.model.Finding;
import dev.logindoctor.model.Verdict;

import picocli.CommandLine.Help.Ansi;

import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.Map;

/** Prints a diagnosis for people (default) or as one JSON object (--json) that scripts rely on. */
final class DiagnosisPrinter {

    private DiagnosisPrinter() {
    }

    static void printJson(Diagnosis d, PrintWriter out) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("cause", d.cause());
        json.put("confirmedBy", d.confirmedBy());
        json.put("remediation", d.remediation());
        json.put("findings", d.findings());
        json.put("salesforceRequests", d.salesforceRequests());
        json.put("durationMs", d.durationMs());
        json.put("diagnosisId", d.diagnosisId());
        json.put("integrationId", d.integrationId());
        json.put("username", d.username());
        json.put("flow", d.flow());
        json.put("failedAt", d.failedAt());
        try {
            out.println(Json.MAPPER.writeValueAsString(json));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the diagnosis as JSON", e);
        }
    }

    /** @param ansi colours the cause and the verdicts when on (a terminal), plain text otherwise */
    static void printText(Diagnosis d, PrintWriter out, Ansi ansi) {
        // Colours only, no bold: picocli ends bold with SGR 21, which some terminals draw as a double underline.
        String cause = ansi.string((d.confirmedBy() == null ? "@|yellow " : "@|green ") + d.cause() + "|@");
        out.println("Cause:        " + cause + (d.confirmedBy() == null ? "" : "   (confirmed by " + d.confirmedBy() + ")"));
        out.println("Integration:  " + d.integrationId() + "   user " + d.username() + "   " + d.flow() + " via " + d.loginUrl());
        out.println("Failed at:    " + d.failedAt());
        out.println();
        out.println("Steps:");
        for (Finding f : d.findings()) {
            String first = f.evidence().isEmpty() ? "" : f.evidence().get(0);
            out.printf("  %-26s %s %s%n", f.step(), verdict(f.verdict(), ansi), first);
            for (int i = 1; i < f.evidence().size(); i++) {
                out.printf("  %-26s %-12s %s%n", "", "", f.evidence().get(i));
            }
        }
        out.println();
        out.println("Fix:          " + d.remediation());
        out.println();
        out.println("Org API requests: " + d.salesforceRequests() + "   time: " + d.durationMs() + " ms   id: " + d.diagnosisId());
    }

    /** The verdict padded to 12 columns, coloured on a terminal (the padding counts only the visible text). */
    private static String verdict(Verdict v, Ansi ansi) {
        String padded = String.format("%-12s", v);
        return switch (v) {
            case CONFIRMED -> ansi.string("@|green " + padded + "|@");
            case INCONCLUSIVE -> ansi.string("@|yellow " + padded + "|@");
            default -> padded;
        };
    }
}
