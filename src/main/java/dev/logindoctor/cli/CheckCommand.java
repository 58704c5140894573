package dev.logindoctor.cli;

import dev.logindoctor.engine.FailureReportParser;
import dev.logindoctor.engine.InvalidReport;
import dev.logindoctor.engine.RiskCheckRunner;
import dev.logindoctor.engine.RiskSettings;
import dev.logindoctor.engine.SecretResolver;
import dev.logindoctor.model.FailureReport;
import dev.logindoctor.model.RiskReport;
import dev.logindoctor.probe.FileIntegrationRegistry;
import dev.logindoctor.probe.RegisteredIntegration;
import dev.logindoctor.probe.RiskSubject;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.Callable;

/**
 * {@code login-doctor check}: what will break the integration's login, before it breaks
 * ({@link RiskCheckRunner} does the work). Exit 0 when the check ran, with or without risks; 2 bad
 * input; 3 the diagnostics connection failed. Never a login with the integration's credential.
 */
@Command(name = "check", mixinStandardHelpOptions = true, versionProvider = LoginDoctor.Version.class,
        description = {"Finds what will break an integration's login, before it breaks.",
                "Never logs in with the integration's credential. Exit 0 when the check ran (risks or not),",
                "2 bad input, 3 the diagnostics connection failed."})
final class CheckCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--event", paramLabel = "FILE", description = "the integration, described as a failure report would (no error needed)")
    Path event;

    @Option(names = "--integration", paramLabel = "ID", description = "a registered integration instead (`integrations list`)")
    String integration;

    @Option(names = "--secrets", paramLabel = "SECRETS.json", description = "{secretName: secretValue}: the diagnostics connection")
    Path secretsFile;

    @Option(names = "--trust-url", paramLabel = "URL",
            description = "the Trust API base (default: $LOGIN_DOCTOR_TRUST_URL, else " + DiagnoseCommand.DEFAULT_TRUST_URL + ")")
    String trustUrl;

    @Option(names = "--horizon-days", paramLabel = "N", description = "how far ahead to look (default ${DEFAULT-VALUE} days)")
    int horizonDays = (int) RiskSettings.DEFAULT_HORIZON.toDays();

    @Option(names = "--probe-interval-minutes", paramLabel = "N", description = "how often the probe runs (default ${DEFAULT-VALUE})")
    int probeIntervalMinutes = (int) RiskSettings.DEFAULT_PROBE_INTERVAL.toMinutes();

    @Option(names = "--store", paramLabel = "FILE", description = "with --integration: the diagnoses store whose folder holds integrations.json")
    String store;

    @Option(names = "--json", description = "print the risk report as JSON")
    boolean json;

    private final Wiring wiring;

    CheckCommand(Wiring wiring) {
        this.wiring = wiring;
    }

    @Override
    public Integer call() {
        if ((event == null) == (integration == null)) {
            throw new UsageError("give exactly one of --event FILE or --integration ID");
        }
        Clock clock = wiring.clock();
        RiskSettings settings = settings();
        FailureReport subject = event != null ? readSubject(event) : registered(integration);
        SecretResolver secrets = secretsFile == null ? FileSecretResolver.empty() : FileSecretResolver.load(secretsFile);
        RiskReport report = new RiskCheckRunner(wiring.evidenceSources().create(secrets, wiring.trustUrl(trustUrl)), secrets, clock, settings)
                .check(subject);
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            RiskPrinter.printJson(report, out);
        } else {
            RiskPrinter.printText(report, out);
        }
        if (report.diagnosticsFailure() != null) {
            spec.commandLine().getErr().println("login-doctor: the diagnostics connection failed: " + report.diagnosticsFailure());
            return LoginDoctor.EXIT_CONNECTION;
        }
        return LoginDoctor.EXIT_OK;
    }

    private RiskSettings settings() {
        try {
            return new RiskSettings(RiskSettings.days(horizonDays).horizon(), java.time.Duration.ofMinutes(probeIntervalMinutes));
        } catch (IllegalArgumentException e) {
            throw new UsageError(e.getMessage().replace("the horizon", "--horizon-days").replace("the probe interval",
                    "--probe-interval-minutes"));
        }
    }

    private FailureReport readSubject(Path file) {
        String text;
        try {
            text = Files.readString(file);
        } catch (NoSuchFileException e) {
            throw new UsageError("--event: no such file " + file);
        } catch (IOException e) {
            throw new UsageError("--event: cannot read " + file + ": " + e.getClass().getSimpleName());
        }
        try {
            return FailureReportParser.forRiskCheck(wiring.clock()).parse(text);
        } catch (InvalidReport e) {
            throw new UsageError("invalid integration description " + file + ": " + e.getMessage());
        }
    }

    private FailureReport registered(String id) {
        RegisteredIntegration r = FileIntegrationRegistry.besideStore(wiring.store(store).file()).find(id)
                .orElseThrow(() -> new UsageError("--integration: no integration '" + id + "' is registered (see `integrations list`)"));
        return RiskSubject.of(r.integration(), wiring.clock().instant(), null);
    }
}
