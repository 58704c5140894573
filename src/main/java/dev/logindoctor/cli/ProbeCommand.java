package dev.logindoctor.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.logindoctor.engine.EvidenceSources;
import dev.logindoctor.json.Json;
import dev.logindoctor.engine.SecretResolver;
import dev.logindoctor.probe.Deadline;
import dev.logindoctor.probe.FingerprintedCredentials;
import dev.logindoctor.probe.LocalDiagnosisStarter;
import dev.logindoctor.probe.MaintenanceCheck;
import dev.logindoctor.probe.ProbeLogin;
import dev.logindoctor.probe.ProbeOutcome;
import dev.logindoctor.probe.ProbeRun;
import dev.logindoctor.probe.ProbeSettings;
import dev.logindoctor.probe.ProbeSummary;
import dev.logindoctor.probe.SalesforceProbeLogin;
import dev.logindoctor.probe.TrustMaintenanceCheck;
import dev.logindoctor.salesforce.HttpTransport;
import dev.logindoctor.salesforce.SalesforceEvidenceSources;
import dev.logindoctor.salesforce.TokenCache;
import dev.logindoctor.salesforce.TrustClient;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Clock;
import java.util.EnumSet;
import java.util.Set;

/**
 * {@code login-doctor probe [--secrets FILE] [--store FILE] [--trust-url URL] [--max-per-org N] [--json]}:
 * one run of the health probe over the local registry ({@code integrations add}), as the scheduled
 * Lambda does it: one login per credential version, a diagnosis (local engine, stored beside the
 * registry) for each new failure. A credential version is the secret's {@code "version"} field or a
 * fingerprint of its value; {@code "updatedAt"} dates it. Exit 0 when every probed integration is
 * healthy (or waits for maintenance), 1 when any is failing or its credential cannot be used.
 */
final class ProbeCommand {
    static final String USAGE = "probe [--secrets SECRETS.json] [--store FILE] [--trust-url URL] [--max-per-org N] [--json]";
    private static final Set<ProbeOutcome> FAILING = EnumSet.of(ProbeOutcome.FAILED, ProbeOutcome.SKIPPED_UNCHANGED,
            ProbeOutcome.CREDENTIAL_UNREADABLE, ProbeOutcome.CREDENTIAL_UNUSABLE);

    private final Clock clock;

    ProbeCommand(Clock clock) {
        this.clock = clock;
    }

    int run(String[] argv, PrintStream out, PrintStream err) {
        Args args = Args.parse(argv, 1, Set.of("--secrets", "--store", "--trust-url", "--max-per-org"), Set.of("--json"));
        SecretResolver secrets = args.value("--secrets") == null ? FileSecretResolver.empty()
                : FileSecretResolver.load(Path.of(args.value("--secrets")));
        String trustUrl = args.value("--trust-url", envOr("LOGIN_DOCTOR_TRUST_URL", DiagnoseCommand.DEFAULT_TRUST_URL));
        int maxPerOrg = args.intValue("--max-per-org", ProbeSettings.DEFAULT.maxPerOrg());
        if (maxPerOrg < 1) {
            throw new Args.UsageError("--max-per-org must be at least 1");
        }
        LocalDiagnosisStore store = LocalDiagnosisStore.at(args.value("--store"));
        HttpTransport transport = new HttpTransport();
        ProbeLogin login = new SalesforceProbeLogin(transport, clock);
        MaintenanceCheck trust = new TrustMaintenanceCheck(new TrustClient(trustUrl, transport));
        EvidenceSources sources = new SalesforceEvidenceSources(secrets, trustUrl, transport, clock, new TokenCache());
        ProbeRun probe = new ProbeRun(IntegrationsCommand.localRegistry(args.value("--store")), new FingerprintedCredentials(secrets),
                login, trust, new LocalDiagnosisStarter(sources, clock, store::append), clock,
                new ProbeSettings(maxPerOrg, ProbeSettings.DEFAULT.maxConcurrent(), ProbeSettings.DEFAULT.reserve()));

        ProbeSummary summary = probe.run(Deadline.unlimited());
        if (args.flag("--json")) {
            try {
                out.println(Json.MAPPER.writeValueAsString(summary));
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("cannot write the probe summary as JSON", e);
            }
        } else {
            print(summary, out);
        }
        return summary.results().stream().anyMatch(r -> FAILING.contains(r.outcome())) ? LoginDoctor.EXIT_FAILED : LoginDoctor.EXIT_OK;
    }

    private static void print(ProbeSummary summary, PrintStream out) {
        if (summary.enabled() == 0) {
            out.println("no enabled integrations: register one with `login-doctor integrations add`");
            return;
        }
        out.printf("%-24s %-20s %s%n", "integration", "outcome", "detail");
        for (ProbeSummary.Result r : summary.results()) {
            out.printf("%-24s %-20s %s%n", r.integrationId(), r.outcome(), r.detail());
            if (r.diagnosis() != null && r.outcome() == ProbeOutcome.FAILED) {
                out.printf("%-24s %-20s diagnosis %s (login-doctor history --integration %s)%n", "", "", r.diagnosis(), r.integrationId());
            }
        }
        out.println();
        out.println(summary.loginAttempts() + " login(s) sent for " + summary.enabled() + " enabled integration(s) in "
                + summary.durationMs() + " ms" + (summary.notReached().isEmpty() ? "" : "; not reached: " + summary.notReached()));
    }

    private static String envOr(String name, String fallback) {
        String v = System.getenv(name);
        return v == null || v.isBlank() ? fallback : v;
    }
}
