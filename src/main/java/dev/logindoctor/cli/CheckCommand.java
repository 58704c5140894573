package dev.logindoctor.cli;

import dev.logindoctor.engine.FailureReportParser;
import dev.logindoctor.engine.InvalidReport;
import dev.logindoctor.engine.RiskCheckRunner;
import dev.logindoctor.engine.RiskSettings;
import dev.logindoctor.engine.SecretResolver;
import dev.logindoctor.model.FailureReport;
import dev.logindoctor.model.RiskReport;
import dev.logindoctor.probe.RegisteredIntegration;
import dev.logindoctor.probe.RiskSubject;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Set;

/**
 * {@code login-doctor check (--event FILE | --integration ID) --secrets SECRETS.json [--trust-url URL]
 * [--horizon-days N] [--json] [--store FILE]}: what will break the integration's login, before it
 * breaks ({@link RiskCheckRunner} does the work). Exit 0 when the check ran, with or without risks; 2
 * bad input; 3 the diagnostics connection failed. Never a login with the integration's credential.
 */
final class CheckCommand {
    static final String USAGE = "check (--event FILE | --integration ID) --secrets SECRETS.json [--trust-url URL] [--horizon-days N] [--json]";

    private final DiagnoseCommand.EvidenceSourcesFactory sourcesFactory;
    private final Clock clock;

    CheckCommand(DiagnoseCommand.EvidenceSourcesFactory sourcesFactory, Clock clock) {
        this.sourcesFactory = sourcesFactory;
        this.clock = clock;
    }

    int run(String[] argv, PrintStream out, PrintStream err) {
        Args args = Args.parse(argv, 1, Set.of("--event", "--integration", "--secrets", "--trust-url", "--horizon-days",
                "--probe-interval-minutes", "--store"), Set.of("--json"));
        if ((args.value("--event") == null) == (args.value("--integration") == null)) {
            throw new Args.UsageError("give exactly one of --event FILE or --integration ID");
        }
        RiskSettings settings = settings(args);
        FailureReport subject = args.value("--event") != null ? readSubject(Path.of(args.value("--event")))
                : registered(args.value("--integration"), args.value("--store"));
        SecretResolver secrets = args.value("--secrets") == null ? FileSecretResolver.empty()
                : FileSecretResolver.load(Path.of(args.value("--secrets")));
        String trustUrl = args.value("--trust-url", DiagnoseCommand.trustUrlFromEnvironment());
        RiskReport report = new RiskCheckRunner(sourcesFactory.create(secrets, trustUrl), secrets, clock, settings).check(subject);
        if (args.flag("--json")) {
            RiskPrinter.printJson(report, out);
        } else {
            RiskPrinter.printText(report, out);
        }
        if (report.diagnosticsFailure() != null) {
            err.println("login-doctor: the diagnostics connection failed: " + report.diagnosticsFailure());
            return LoginDoctor.EXIT_CONNECTION;
        }
        return LoginDoctor.EXIT_OK;
    }

    private static RiskSettings settings(Args args) {
        int days = args.intValue("--horizon-days", (int) RiskSettings.DEFAULT_HORIZON.toDays());
        int minutes = args.intValue("--probe-interval-minutes", (int) RiskSettings.DEFAULT_PROBE_INTERVAL.toMinutes());
        try {
            return new RiskSettings(RiskSettings.days(days).horizon(), java.time.Duration.ofMinutes(minutes));
        } catch (IllegalArgumentException e) {
            throw new Args.UsageError(e.getMessage().replace("the horizon", "--horizon-days").replace("the probe interval",
                    "--probe-interval-minutes"));
        }
    }

    private FailureReport readSubject(Path file) {
        String text;
        try {
            text = Files.readString(file);
        } catch (NoSuchFileException e) {
            throw new Args.UsageError("--event: no such file " + file);
        } catch (IOException e) {
            throw new Args.UsageError("--event: cannot read " + file + ": " + e.getClass().getSimpleName());
        }
        try {
            return FailureReportParser.forRiskCheck(clock).parse(text);
        } catch (InvalidReport e) {
            throw new Args.UsageError("invalid integration description " + file + ": " + e.getMessage());
        }
    }

    private FailureReport registered(String id, String store) {
        RegisteredIntegration r = IntegrationsCommand.localRegistry(store).find(id)
                .orElseThrow(() -> new Args.UsageError("--integration: no integration '" + id + "' is registered (see `integrations list`)"));
        return RiskSubject.of(r.integration(), clock.instant(), null);
    }
}
