package dev.logindoctor.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.logindoctor.json.Json;
import dev.logindoctor.model.LoginFlow;
import dev.logindoctor.probe.FileIntegrationRegistry;
import dev.logindoctor.probe.Integration;
import dev.logindoctor.probe.IntegrationRegistry;
import dev.logindoctor.probe.InvalidIntegration;
import dev.logindoctor.probe.ProbeRecord;
import dev.logindoctor.probe.RegisteredIntegration;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * {@code login-doctor integrations add|list|remove}: the integrations the health probe logs in as.
 * Locally they live in {@code integrations.json} beside the diagnoses store ({@code --store} names
 * that store's file); with {@code --table NAME} in the DynamoDB table, the same items.
 * Registrations name secrets; a credential is never passed on the command line.
 */
@Command(name = "integrations", mixinStandardHelpOptions = true, versionProvider = LoginDoctor.Version.class,
        description = "The integrations the probe logs in as, locally or in the DynamoDB table (--table).",
        subcommands = {IntegrationsCommand.Add.class, IntegrationsCommand.ListIntegrations.class, IntegrationsCommand.Remove.class})
final class IntegrationsCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        throw new ParameterException(spec.commandLine(), "expected add, list or remove");
    }

    /** Where a registration lives: the local file beside the store, or the table. */
    static final class Where {
        @Option(names = "--store", paramLabel = "FILE",
                description = "the diagnoses store whose folder holds integrations.json (default: $LOGIN_DOCTOR_HOME, else ~/.login-doctor/)")
        String store;

        @Option(names = "--table", paramLabel = "NAME", description = "the DynamoDB table NAME instead (the stack's DiagnosisTableName)")
        String table;

        IntegrationRegistry registry(Wiring wiring) {
            if (table != null && store != null) {
                throw new UsageError("--store and --table name two different registries: give one");
            }
            return table != null ? wiring.registryTables().apply(table) : local(wiring);
        }

        String describe(Wiring wiring) {
            return table != null ? "DynamoDB table " + table : local(wiring).file().toString();
        }

        private FileIntegrationRegistry local(Wiring wiring) {
            return FileIntegrationRegistry.besideStore(wiring.store(store).file());
        }
    }

    @Command(name = "add", mixinStandardHelpOptions = true, versionProvider = LoginDoctor.Version.class, description = "Registers (or updates) an integration.")
    static final class Add implements Callable<Integer> {
        @Spec
        CommandSpec spec;
        @Mixin
        Where where;
        @Option(names = "--id", required = true, paramLabel = "ID", description = "the integration's id, as its reports name it")
        String id;
        @Option(names = "--login-url", required = true, paramLabel = "URL", description = "where it logs in (its My Domain URL)")
        String loginUrl;
        @Option(names = "--username", required = true, paramLabel = "USER", description = "the user it logs in as")
        String username;
        @Option(names = "--flow", required = true, paramLabel = "FLOW",
                description = "SOAP, OAUTH_PASSWORD, OAUTH_JWT, OAUTH_REFRESH_TOKEN or OAUTH_CLIENT_CREDENTIALS")
        String flow;
        @Option(names = "--credential-secret", required = true, paramLabel = "NAME", description = "the secret holding its credential")
        String credentialSecret;
        @Option(names = "--diagnostics-secret", paramLabel = "NAME", description = "the diagnostics connection for its org")
        String diagnosticsSecret;
        @Option(names = "--instance", paramLabel = "KEY", description = "its org's instance (e.g. NA224), for maintenance checks")
        String instance;
        @Option(names = "--disabled", description = "registered, but not probed")
        boolean disabled;

        private final Wiring wiring;

        Add(Wiring wiring) {
            this.wiring = wiring;
        }

        @Override
        public Integer call() {
            Integration integration;
            try {
                integration = new Integration(id, loginUrl, username, flow(flow), credentialSecret, diagnosticsSecret, instance, !disabled);
            } catch (InvalidIntegration e) {
                throw new UsageError(e.getMessage());
            }
            IntegrationRegistry registry = where.registry(wiring);
            boolean existed = registry.find(integration.id()).isPresent();
            registry.put(integration);
            spec.commandLine().getOut().println((existed ? "updated " : "registered ") + integration.id() + " (" + integration.flow()
                    + " as " + integration.username() + " via " + integration.loginUrl() + (integration.enabled() ? "" : ", disabled")
                    + ") in " + where.describe(wiring));
            return LoginDoctor.EXIT_OK;
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, versionProvider = LoginDoctor.Version.class, description = "Lists the integrations and each one's last probe.")
    static final class ListIntegrations implements Callable<Integer> {
        @Spec
        CommandSpec spec;
        @Mixin
        Where where;
        @Option(names = "--json", description = "print them as a JSON array")
        boolean json;

        private final Wiring wiring;

        ListIntegrations(Wiring wiring) {
            this.wiring = wiring;
        }

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            List<RegisteredIntegration> all = new ArrayList<>(where.registry(wiring).list());
            all.sort(Comparator.comparing(r -> r.integration().id()));
            if (json) {
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
                out.println("no integrations registered in " + where.describe(wiring));
                return LoginDoctor.EXIT_OK;
            }
            String format = "%-24s %-24s %-32s %-8s %-20s %-22s %s%n";
            out.printf(format, "id", "flow", "username", "enabled", "last probe", "probed at", "failures");
            for (RegisteredIntegration r : all) {
                Integration i = r.integration();
                ProbeRecord p = r.lastProbe();
                out.printf(format, i.id(), i.flow(), i.username(), i.enabled() ? "yes" : "no", p.outcome() == null ? "-" : p.outcome(),
                        p.probedAt() == null ? "-" : p.probedAt().truncatedTo(ChronoUnit.SECONDS), p.consecutiveFailures());
                if (p.detail() != null) {
                    out.println("    " + p.detail());
                }
            }
            return LoginDoctor.EXIT_OK;
        }
    }

    @Command(name = "remove", mixinStandardHelpOptions = true, versionProvider = LoginDoctor.Version.class, description = "Removes an integration and its probe record. Exit 1 if there is none.")
    static final class Remove implements Callable<Integer> {
        @Spec
        CommandSpec spec;
        @Mixin
        Where where;
        @Option(names = "--id", required = true, paramLabel = "ID")
        String id;

        private final Wiring wiring;

        Remove(Wiring wiring) {
            this.wiring = wiring;
        }

        @Override
        public Integer call() {
            if (!where.registry(wiring).remove(id)) {
                spec.commandLine().getErr().println("login-doctor integrations: no integration '" + id + "' in " + where.describe(wiring));
                return LoginDoctor.EXIT_FAILED;
            }
            spec.commandLine().getOut().println("removed " + id + " and its probe record from " + where.describe(wiring));
            return LoginDoctor.EXIT_OK;
        }
    }

    private static LoginFlow flow(String text) {
        try {
            return LoginFlow.valueOf(text.strip().toUpperCase(Locale.ROOT).replace('-', '_'));
        } catch (IllegalArgumentException e) {
            throw new UsageError("--flow must be one of SOAP, OAUTH_PASSWORD, OAUTH_JWT, OAUTH_REFRESH_TOKEN, OAUTH_CLIENT_CREDENTIALS");
        }
    }
}
