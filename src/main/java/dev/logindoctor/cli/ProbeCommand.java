package dev.logindoctor.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.logindoctor.engine.EvidenceSources;
import dev.logindoctor.json.Json;
import dev.logindoctor.engine.SecretResolver;
import dev.logindoctor.probe.Deadline;
import dev.logindoctor.probe.FileIntegrationRegistry;
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
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.EnumSet;
import java.util.Set;
import java.util.concurrent.Callable;

/**
 * {@code login-doctor probe}: one run of the health probe over the local registry ({@code integrations
 * add}), as the scheduled Lambda does it: one login per credential version, a diagnosis (local engine,
 * stored beside the registry) for each new failure. A credential version is the secret's
 * {@code "version"} field or a fingerprint of its value; {@code "updatedAt"} dates it.
 */
@Command(name = "probe", mixinStandardHelpOptions = true, versionProvider = LoginDoctor.Version.class,
        description = {"Logs in once per credential version as each registered integration.",
                "Diagnoses each new failure; a version that failed is never tried again.",
                "Exit 0 when every probed integration is healthy (or waits for maintenance), 1 when any is failing",
                "or its credential cannot be used."})
final class ProbeCommand implements Callable<Integer> {
    private static final Set<ProbeOutcome> FAILING = EnumSet.of(ProbeOutcome.FAILED, ProbeOutcome.SKIPPED_UNCHANGED,
            ProbeOutcome.CREDENTIAL_UNREADABLE, ProbeOutcome.CREDENTIAL_UNUSABLE);

    @Spec
    CommandSpec spec;

    @Option(names = "--secrets", paramLabel = "SECRETS.json",
            description = "{secretName: secretValue}: the integrations' credentials and the diagnostics connection")
    Path secretsFile;

    @Option(names = "--store", paramLabel = "FILE",
            description = "the diagnoses store; the registry is integrations.json beside it (default: $LOGIN_DOCTOR_HOME, else ~/.login-doctor/)")
    String store;

    @Option(names = "--trust-url", paramLabel = "URL",
            description = "the Trust API base (default: $LOGIN_DOCTOR_TRUST_URL, else " + DiagnoseCommand.DEFAULT_TRUST_URL + ")")
    String trustUrl;

    @Option(names = "--max-per-org", paramLabel = "N", description = "at most N logins per org in this run (default ${DEFAULT-VALUE})")
    int maxPerOrg = ProbeSettings.DEFAULT.maxPerOrg();

    @Option(names = "--json", description = "print the run's summary as JSON")
    boolean json;

    private final Wiring wiring;

    ProbeCommand(Wiring wiring) {
        this.wiring = wiring;
    }

    @Override
    public Integer call() {
        if (maxPerOrg < 1) {
            throw new UsageError("--max-per-org must be at least 1");
        }
        Clock clock = wiring.clock();
        SecretResolver secrets = secretsFile == null ? FileSecretResolver.empty() : FileSecretResolver.load(secretsFile);
        String trust = wiring.trustUrl(trustUrl);
        LocalDiagnosisStore diagnoses = wiring.store(store);
        HttpTransport transport = new HttpTransport();
        ProbeLogin login = new SalesforceProbeLogin(transport, clock);
        MaintenanceCheck maintenance = new TrustMaintenanceCheck(new TrustClient(trust, transport));
        EvidenceSources sources = new SalesforceEvidenceSources(secrets, trust, transport, clock, new TokenCache());
        ProbeRun probe = new ProbeRun(FileIntegrationRegistry.besideStore(diagnoses.file()), new FingerprintedCredentials(secrets),
                login, maintenance, new LocalDiagnosisStarter(sources, clock, diagnoses::append), clock,
                new ProbeSettings(maxPerOrg, ProbeSettings.DEFAULT.maxConcurrent(), ProbeSettings.DEFAULT.reserve()));

        ProbeSummary summary = probe.run(Deadline.unlimited());
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
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

    private static void print(ProbeSummary summary, PrintWriter out) {
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
}
