package dev.logindoctor.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.logindoctor.aws.DynamoDbDiagnosisStore;
import dev.logindoctor.json.Json;
import dev.logindoctor.model.Cause;
import dev.logindoctor.model.Diagnosis;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

/** {@code login-doctor history}: past diagnoses, newest diagnosis first, from the local store or the table. */
@Command(name = "history", mixinStandardHelpOptions = true, versionProvider = LoginDoctor.Version.class,
        description = {"Lists past diagnoses, newest diagnosis first.",
                "Columns: id, diagnosed at, failed at, integration, cause, confirmed by, user."})
final class HistoryCommand implements Callable<Integer> {
    static final String ORDER = "newest diagnosis first";

    @Spec
    CommandSpec spec;

    @Option(names = "--integration", paramLabel = "ID", description = "only this integration's diagnoses")
    String integration;

    @Option(names = "--cause", paramLabel = "CAUSE", description = "only diagnoses of this cause (e.g. user-locked-out)")
    String cause;

    @Option(names = "--limit", paramLabel = "N", defaultValue = "50", description = "at most N diagnoses (default ${DEFAULT-VALUE})")
    int limit;

    @Option(names = "--json", description = "print the diagnoses as a JSON array")
    boolean json;

    @Option(names = "--store", paramLabel = "FILE",
            description = "read FILE (default: " + LocalDiagnosisStore.DEFAULT_PLACE + ")")
    String store;

    @Option(names = "--table", paramLabel = "NAME",
            description = "read the DynamoDB table NAME (the stack's DiagnosisTableName) with your AWS profile's credentials")
    String table;

    private final Wiring wiring;

    HistoryCommand(Wiring wiring) {
        this.wiring = wiring;
    }

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        if (table != null && store != null) {
            throw new UsageError("--store and --table name two different histories: give one");
        }
        if (limit < 1) {
            throw new UsageError("--limit must be at least 1");
        }
        Cause only = cause(cause);
        List<Diagnosis> rows = (table != null ? fromTable(only) : wiring.store(store).readAll()).stream()
                .filter(d -> integration == null || integration.equals(d.integrationId()))
                .filter(d -> only == null || only == d.cause())
                .sorted(DynamoDbDiagnosisStore.NEWEST_DIAGNOSIS_FIRST)
                .limit(limit)
                .toList();
        if (json) {
            try {
                out.println(Json.MAPPER.writeValueAsString(rows));
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("cannot write history as JSON", e);
            }
            return LoginDoctor.EXIT_OK;
        }
        String where = table != null ? "DynamoDB table " + table : wiring.store(store).file().toString();
        if (rows.isEmpty()) {
            out.println("no diagnoses in " + where);
            return LoginDoctor.EXIT_OK;
        }
        out.println(rows.size() + " diagnoses in " + where + ", " + ORDER + ":");
        String format = "%-36s %-20s %-20s %-22s %-30s %-26s %s%n";
        out.printf(format, "id", "diagnosed at", "failed at", "integration", "cause", "confirmed by", "user");
        for (Diagnosis d : rows) {
            out.printf(format, d.diagnosisId(), seconds(d.diagnosedAt()), seconds(d.failedAt()), d.integrationId(), d.cause(),
                    d.confirmedBy() == null ? "-" : d.confirmedBy(), d.username());
        }
        return LoginDoctor.EXIT_OK;
    }

    /** One query on the table: by integration, by cause, or the latest of every cause. */
    private List<Diagnosis> fromTable(Cause only) {
        DynamoDbDiagnosisStore diagnoses = wiring.diagnosisTables().apply(table);
        if (integration != null) {
            return diagnoses.queryByIntegration(integration, only == null ? limit : Math.max(limit, 200));
        }
        if (only != null) {
            return diagnoses.queryByCause(only, Instant.EPOCH, Instant.parse("9999-12-31T23:59:59Z"), limit);
        }
        return diagnoses.latest(limit);
    }

    private static String seconds(Instant t) {
        return t == null ? "-" : t.truncatedTo(ChronoUnit.SECONDS).toString();
    }

    private static Cause cause(String text) {
        if (text == null) {
            return null;
        }
        try {
            return Cause.valueOf(text.strip().toUpperCase(Locale.ROOT).replace('-', '_'));
        } catch (IllegalArgumentException e) {
            throw new UsageError("--cause must be one of " + Arrays.toString(Cause.values()));
        }
    }
}
