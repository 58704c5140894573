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
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.concurrent.Callable;

/**
 * {@code login-doctor diagnose --event REPORT.json ...}. Exit 0 whenever a diagnosis is produced
 * (UNDETERMINED included), 2 for bad input, 3 when the diagnostics connection the report names
 * cannot be used and no cause could be confirmed without it.
 */
@Command(name = "diagnose", mixinStandardHelpOptions = true, versionProvider = LoginDoctor.Version.class,
        description = {"Diagnoses one failure report, as the state machine does.",
                "Evidence comes from the org (the diagnostics connection) and Salesforce's Trust API."},
        footer = {"%nExit codes:",
                "  0  a diagnosis was produced (UNDETERMINED included)",
                "  2  bad input, naming the field",
                "  3  the diagnostics connection failed and no cause could be confirmed without it",
                "     (a cause confirmed anyway exits 0; the connection failure is still printed on stderr)"})
final class DiagnoseCommand implements Callable<Integer> {
    static final String DEFAULT_TRUST_URL = "https://api.status.salesforce.com";

    @Spec
    CommandSpec spec;

    @Option(names = "--event", required = true, paramLabel = "REPORT.json", description = "the failure report the integration sent")
    Path event;

    @Option(names = "--secrets", paramLabel = "SECRETS.json",
            description = "{secretName: secretValue}: the values Secrets Manager holds on AWS (the diagnostics connection)")
    Path secretsFile;

    @Option(names = "--trust-url", paramLabel = "URL",
            description = "the Trust API base (default: $LOGIN_DOCTOR_TRUST_URL, else " + DEFAULT_TRUST_URL + ")")
    String trustUrl;

    @Option(names = "--json", description = "print the diagnosis as one JSON object")
    boolean json;

    @Option(names = "--store", paramLabel = "FILE",
            description = "keep the diagnosis in FILE (default: " + LocalDiagnosisStore.DEFAULT_PLACE + ")")
    String store;

    @Option(names = "--no-store", description = "keep no record of this diagnosis")
    boolean noStore;

    private final Wiring wiring;

    DiagnoseCommand(Wiring wiring) {
        this.wiring = wiring;
    }

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        FailureReport report = readReport(event);
        SecretResolver secrets = secretsFile == null ? FileSecretResolver.empty() : FileSecretResolver.load(secretsFile);
        EvidenceSources sources = wiring.evidenceSources().create(secrets, wiring.trustUrl(trustUrl));

        LocalDiagnosisEngine engine = new LocalDiagnosisEngine(sources, wiring.clock());
        DiagnosisState finished = engine.run(report);
        Diagnosis diagnosis = engine.assemble(finished);
        if (!noStore) {
            wiring.store(store).append(diagnosis);
        }
        if (json) {
            DiagnosisPrinter.printJson(diagnosis, out);
        } else {
            DiagnosisPrinter.printText(diagnosis, out, spec.commandLine().getColorScheme().ansi());
        }
        String unread = report.diagnosticsSecret() == null ? null : unread(finished);
        if (unread != null) {
            spec.commandLine().getErr().println("login-doctor: " + unread);
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
            throw new UsageError("--event: no such file " + file);
        } catch (IOException e) {
            throw new UsageError("--event: cannot read " + file + ": " + e.getClass().getSimpleName());
        }
        try {
            return new FailureReportParser(wiring.clock()).parse(text);
        } catch (InvalidReport e) {
            throw new UsageError("invalid failure report " + file + ": " + e.getMessage());
        }
    }
}
