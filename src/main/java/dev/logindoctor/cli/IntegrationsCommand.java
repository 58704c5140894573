package dev.logindoctor.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.logindoctor.aws.DynamoDbIntegrationRegistry;
import dev.logindoctor.json.Json;
import dev.logindoctor.model.LoginFlow;
import dev.logindoctor.probe.FileIntegrationRegistry;
import dev.logindoctor.probe.Integration;
import dev.logindoctor.probe.IntegrationRegistry;
import dev.logindoctor.probe.InvalidIntegration;
import dev.logindoctor.probe.ProbeRecord;
import dev.logindoctor.probe.RegisteredIntegration;

import java.io.PrintStream;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * {@code login-doctor integrations add|list|remove}: the integrations the health probe logs in as.
 * Locally they live in {@code integrations.json} beside the diagnoses store ({@code --store} names
 * that store's file); with {@code --table NAME} in the DynamoDB table, the same items.
 * Registrations name secrets; a credential is never passed on the command line.
 */
final class IntegrationsCommand {
    static final String USAGE = """
            integrations add --id ID --login-url URL --username USER --flow FLOW --credential-secret NAME
                             [--diagnostics-secret NAME] [--instance KEY] [--disabled] [--store FILE | --table NAME]
            integrations list [--json] [--store FILE | --table NAME]
            integrations remove --id ID [--store FILE | --table NAME]""";
    private static final Set<String> WHERE = Set.of("--store", "--table");

    private final Function<String, IntegrationRegistry> tables;

    IntegrationsCommand() {
        this(DynamoDbIntegrationRegistry::forTable);
    }

    /** @param tables the registry in a DynamoDB table, by table name (the tests point it at moto) */
    IntegrationsCommand(Function<String, IntegrationRegistry> tables) {
        this.tables = tables;
    }

    int run(String[] argv, PrintStream out, PrintStream err) {
        String action = argv.length > 1 ? argv[1] : "";
        return switch (action) {
            case "help", "--help", "-h" -> {
                out.print("usage: login-doctor ...\n" + USAGE.indent(2));
                yield LoginDoctor.EXIT_OK;
            }
            case "add" -> add(argv, out);
            case "list" -> list(argv, out);
            case "remove" -> remove(argv, out, err);
            default -> throw new Args.UsageError("expected add, list or remove:\n" + USAGE);
        };
    }

    private int add(String[] argv, PrintStream out) {
        Args args = Args.parse(argv, 2, with("--id", "--login-url", "--username", "--flow", "--credential-secret",
                "--diagnostics-secret", "--instance"), Set.of("--disabled"));
        Integration integration;
        try {
            integration = new Integration(args.required("--id"), args.required("--login-url"), args.required("--username"),
                    flow(args.required("--flow")), args.required("--credential-secret"), args.value("--diagnostics-secret"),
                    args.value("--instance"), !args.flag("--disabled"));
        } catch (InvalidIntegration e) {
            throw new Args.UsageError(e.getMessage());
        }
        IntegrationRegistry registry = registry(args);
        boolean existed = registry.find(integration.id()).isPresent();
        registry.put(integration);
        out.println((existed ? "updated " : "registered ") + integration.id() + " (" + integration.flow() + " as " + integration.username()
                + " via " + integration.loginUrl() + (integration.enabled() ? "" : ", disabled") + ") in " + where(args));
        return LoginDoctor.EXIT_OK;
    }

    private int list(String[] argv, PrintStream out) {
        Args args = Args.parse(argv, 2, WHERE, Set.of("--json"));
        List<RegisteredIntegration> all = new ArrayList<>(registry(args).list());
        all.sort(Comparator.comparing(r -> r.integration().id()));
        if (args.flag("--json")) {
            List<Map<String, Object>> rows = new ArrayList<>();
            for (RegisteredIntegration r : all) {
                Map<String, Object> row = new LinkedHashMap<>();
                row.put("integration", r.integration());
                row.put("lastProbe", r.lastProbe().revision() == 0 ? null : r.lastProbe());
                rows.add(row);
            }
            try {
                out.println(Json.MAPPER.writeValueAsString(rows));
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("cannot write the registry as JSON", e);
            }
            return LoginDoctor.EXIT_OK;
        }
        if (all.isEmpty()) {
            out.println("no integrations registered in " + where(args));
            return LoginDoctor.EXIT_OK;
        }
        out.printf("%-24s %-24s %-32s %-8s %-20s %-22s %s%n", "id", "flow", "username", "enabled", "last probe", "probed at", "failures");
        for (RegisteredIntegration r : all) {
            Integration i = r.integration();
            ProbeRecord p = r.lastProbe();
            out.printf("%-24s %-24s %-32s %-8s %-20s %-22s %d%n", i.id(), i.flow(), i.username(), i.enabled() ? "yes" : "no",
                    p.outcome() == null ? "-" : p.outcome(), p.probedAt() == null ? "-" : p.probedAt().truncatedTo(ChronoUnit.SECONDS), p.consecutiveFailures());
            if (p.detail() != null) {
                out.println("    " + p.detail());
            }
        }
        return LoginDoctor.EXIT_OK;
    }

    private int remove(String[] argv, PrintStream out, PrintStream err) {
        Args args = Args.parse(argv, 2, with("--id"), Set.of());
        String id = args.required("--id");
        if (!registry(args).remove(id)) {
            err.println("login-doctor integrations: no integration '" + id + "' in " + where(args));
            return LoginDoctor.EXIT_FAILED;
        }
        out.println("removed " + id + " and its probe record from " + where(args));
        return LoginDoctor.EXIT_OK;
    }

    /** The registry a command works on: the DynamoDB table named by --table, else the local file. */
    private IntegrationRegistry registry(Args args) {
        String table = args.value("--table");
        if (table != null && args.value("--store") != null) {
            throw new Args.UsageError("--store and --table name two different registries: give one");
        }
        if (table != null) {
            return tables.apply(table);
        }
        return localRegistry(args.value("--store"));
    }

    static FileIntegrationRegistry localRegistry(String store) {
        return FileIntegrationRegistry.besideStore(LocalDiagnosisStore.at(store).file());
    }

    private static String where(Args args) {
        return args.value("--table") != null ? "DynamoDB table " + args.value("--table") : localRegistry(args.value("--store")).file().toString();
    }

    private static LoginFlow flow(String text) {
        try {
            return LoginFlow.valueOf(text.strip().toUpperCase(Locale.ROOT).replace('-', '_'));
        } catch (IllegalArgumentException e) {
            throw new Args.UsageError("--flow must be one of SOAP, OAUTH_PASSWORD, OAUTH_JWT, OAUTH_REFRESH_TOKEN, OAUTH_CLIENT_CREDENTIALS");
        }
    }

    private static Set<String> with(String... options) {
        Set<String> all = new java.util.HashSet<>(WHERE);
        all.addAll(List.of(options));
        return all;
    }
}
