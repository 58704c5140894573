package dev.logindoctor.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.logindoctor.json.Json;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * {@code BenchResults OUT PART.json…}: merges the benchmarks' outputs into one results file whose
 * first keys are the headline numbers (lower is better), the details after them.
 */
public final class BenchResults {
    static final List<String> HEADLINE = List.of("roundTripsPerDiagnosisMax", "firstRequestAfterInitMsMax", "coldStartRatioMax",
            "stepArtifactMB", "orgRequestsMax", "tokenRequestsMax", "startExecutionCallsPer1000IdenticalReports");

    private BenchResults() {
    }

    public static void main(String[] args) throws Exception {
        ObjectNode details = Json.MAPPER.createObjectNode();
        for (int i = 1; i < args.length; i++) {
            Path file = Path.of(args[i]);
            if (!Files.exists(file)) {
                // BENCH_ONLY before any full run: say what is missing instead of failing on it.
                System.err.println("not measured yet: " + file + " (run bench/run.sh without BENCH_ONLY once)");
                continue;
            }
            JsonNode part = Json.MAPPER.readTree(Files.readString(file));
            part.fields().forEachRemaining(e -> details.set(e.getKey(), e.getValue()));
        }
        ObjectNode out = Json.MAPPER.createObjectNode();
        for (String key : HEADLINE) {
            JsonNode value = details.remove(key);
            out.set(key, value == null ? Json.MAPPER.nullNode() : value);
        }
        out.set("details", details);
        Files.writeString(Path.of(args[0]), Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(out) + "\n");
        for (String key : HEADLINE) {
            System.out.printf("%-44s %s%n", key, out.get(key));
        }
    }
}
