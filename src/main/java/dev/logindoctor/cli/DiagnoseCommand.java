package dev.logindoctor.cli;

import dev.logindoctor.engine.DiagnosisState;
import dev.logindoctor.engine.EvidenceSources;
import dev.logindoctor.engine.FailureReportParser;
import dev.logindoctor.engine.InvalidReport;
import dev.logindoctor.engine.LocalDiagnosisEngine;
import dev.logindoctor.engine.SecretResolver;
import dev.logindoctor.model.Diagnosis;
import dev.logindoctor.model.FailureReport;
import dev.logindoctor.model.Lookup;
import dev.logindoctor.model.OrgEvidence;
import dev.logindoctor.salesforce.InsecureEndpoint;
import dev.logindoctor.salesforce.TrustClient;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Set;

/**
 * {@code login-doctor diagnose --event REPORT.json --secrets SECRETS.json [--trust-url URL] [--json] [--store FILE]}.
 * Exit 0 whenever a diagnosis is produced (UNDETERMINED included), 2 for bad input, 3 when the
 * diagnostics connection the report names cannot be used.
 */
final class DiagnoseCommand {
    static final String DEFAULT_TRUST_URL = "https://api.status.salesforce.com";

    private final EvidenceSourcesFactory sourcesFactory;
    private final Clock clock;

    DiagnoseCommand(EvidenceSourcesFactory sourcesFactory, Clock clock) {
        this.sourcesFactory = sourcesFactory;
        this.clock = clock;
    }

    int run(String[] argv, PrintStream out, PrintStream err) {
        Args args = Args.parse(argv, 1, Set.of("--event", "--secrets", "--trust-url", "--store"), Set.of("--json", "--no-store"));
        FailureReport report = readReport(Path.of(args.required("--event")));
        SecretResolver secrets = args.value("--secrets") == null ? FileSecretResolver.empty()
                : FileSecretResolver.load(Path.of(args.value("--secrets")));
        String trustUrl = trustUrl(args.value("--trust-url", envOr("LOGIN_DOCTOR_TRUST_URL", DEFAULT_TRUST_URL)));
        EvidenceSources sources = sourcesFactory.create(secrets, trustUrl);

        LocalDiagnosisEngine engine = new LocalDiagnosisEngine(sources, clock);
        DiagnosisState finished = engine.run(report);
        Diagnosis diagnosis = engine.assemble(finished);
        if (!args.flag("--no-store")) {
            LocalDiagnosisStore.at(args.value("--store")).append(diagnosis);
        }
        if (args.flag("--json")) {
            DiagnosisPrinter.printJson(diagnosis, out);
        } else {
            DiagnosisPrinter.printText(diagnosis, out);
        }
        String unread = report.diagnosticsSecret() == null ? null : unread(finished);
        if (unread != null) {
            err.println("login-doctor: " + unread);
            // A cause confirmed without the org (maintenance, a JWT claim) still answers the question.
            return diagnosis.confirmedBy() != null ? LoginDoctor.EXIT_OK : LoginDoctor.EXIT_CONNECTION;
        }
        return LoginDoctor.EXIT_OK;
    }

    /**
     * Why the org gave no evidence at all, or null when it gave some: the connection failed, the org
     * never answered, or every part of its answer failed. A script must tell "read nothing" from a
     * real UNDETERMINED.
     */
    private static String unread(DiagnosisState finished) {
        OrgEvidence org = finished.org();
        if (org == null) {
            return finished.salesforceRequests() == 0 ? null
                    : "the org could not be read: it did not answer any of " + finished.salesforceRequests() + " requests";
        }
        if (!org.available()) {
            return "the diagnostics connection failed, so the org could not be read: " + org.unavailableReason();
        }
        if (org.organization() == null && org.userLookup() == Lookup.UNKNOWN) {
            return "the org could not be read: every part of its answer failed (" + org.gap("user") + ")";
        }
        return null;
    }

    private FailureReport readReport(Path file) {
        String text;
        try {
            text = Files.readString(file);
        } catch (NoSuchFileException e) {
            throw new Args.UsageError("--event: no such file " + file);
        } catch (IOException e) {
            throw new Args.UsageError("--event: cannot read " + file + ": " + e.getClass().getSimpleName());
        }
        try {
            return new FailureReportParser(clock).parse(text);
        } catch (InvalidReport e) {
            throw new Args.UsageError("invalid failure report " + file + ": " + e.getMessage());
        }
    }

    /** {@code LOGIN_DOCTOR_TRUST_URL}, else Salesforce's Trust API. */
    static String trustUrlFromEnvironment() {
        return envOr("LOGIN_DOCTOR_TRUST_URL", DEFAULT_TRUST_URL);
    }

    /** The Trust base URL, refused (exit 2) unless https or loopback. */
    static String trustUrl(String url) {
        try {
            return TrustClient.checkBaseUrl(url);
        } catch (InsecureEndpoint e) {
            throw new Args.UsageError("--trust-url: " + e.getMessage());
        }
    }

    private static String envOr(String name, String fallback) {
        String v = System.getenv(name);
        return v == null || v.isBlank() ? fallback : v;
    }

    /** Builds the evidence sources for a run; the tests and the demo pass their own. */
    @FunctionalInterface
    interface EvidenceSourcesFactory {
        EvidenceSources create(SecretResolver secrets, String trustUrl);
    }
}
