package dev.logindoctor.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.logindoctor.json.Json;
import dev.logindoctor.model.Cause;
import dev.logindoctor.model.Diagnosis;

import java.io.PrintStream;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** {@code login-doctor history [--integration ID] [--cause CAUSE] [--json] [--store FILE]}: newest first. */
final class HistoryCommand {

    int run(String[] argv, PrintStream out, PrintStream err) {
        Args args = Args.parse(argv, 1, Set.of("--integration", "--cause", "--store", "--limit"), Set.of("--json"));
        String integration = args.value("--integration");
        Cause cause = cause(args.value("--cause"));
        int limit = args.intValue("--limit", 50);
        LocalDiagnosisStore store = LocalDiagnosisStore.at(args.value("--store"));
        List<Diagnosis> rows = store.readAll().stream()
                .filter(d -> integration == null || integration.equals(d.integrationId()))
                .filter(d -> cause == null || cause == d.cause())
                .sorted(Comparator.comparing(Diagnosis::diagnosedAt, Comparator.nullsLast(Comparator.reverseOrder())))
                .limit(limit)
                .toList();
        if (args.flag("--json")) {
            try {
                out.println(Json.MAPPER.writeValueAsString(rows));
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("cannot write history as JSON", e);
            }
            return LoginDoctor.EXIT_OK;
        }
        if (rows.isEmpty()) {
            out.println("no diagnoses in " + store.file());
            return LoginDoctor.EXIT_OK;
        }
        out.printf("%-22s %-24s %-34s %-32s %s%n", "failed at", "integration", "cause", "confirmed by", "user");
        for (Diagnosis d : rows) {
            out.printf("%-22s %-24s %-34s %-32s %s%n", d.failedAt(), d.integrationId(), d.cause(),
                    d.confirmedBy() == null ? "-" : d.confirmedBy(), d.username());
        }
        return LoginDoctor.EXIT_OK;
    }

    private static Cause cause(String text) {
        if (text == null) {
            return null;
        }
        try {
            return Cause.valueOf(text.toUpperCase(Locale.ROOT).replace('-', '_'));
        } catch (IllegalArgumentException e) {
            throw new Args.UsageError("--cause must be one of " + java.util.Arrays.toString(Cause.values()));
        }
    }
}
