package dev.logindoctor.sim;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.concurrent.CountDownLatch;

/**
 * {@code login-doctor sim} (the command line parses the options): starts a simulated org (the healthy
 * default without a scenario), writes the diagnostics secret and the integration's failure report,
 * then the ready file, prints its base URL and serves until stopped. Exit codes: 0 stopped, 1 could
 * not start, 2 usage error.
 */
public final class StandaloneSim {
    public static final int EXIT_OK = 0;
    public static final int EXIT_FAILED = 1;
    public static final int EXIT_USAGE = 2;

    /**
     * @param port         0 for any free port
     * @param scenario     a catalog name or a scenario file
     * @param secretsOut   where {"diagnostics": secret} goes, or null
     * @param reportOut    where the integration's failure report goes, or null
     * @param scenarioTime keep the scenario's own instants instead of moving them to now
     * @param readyFile    written (the base URL) once every file is written and the org serves; removed on exit
     */
    public record Options(int port, String scenario, Path secretsOut, Path reportOut, boolean scenarioTime, Path readyFile) {
    }

    private final CountDownLatch stop;

    StandaloneSim(CountDownLatch stop) {
        this.stop = stop;
    }

    /** Serves until the process is told to stop. */
    public static int serve(Options options, PrintWriter out, PrintWriter err) {
        return new StandaloneSim(new CountDownLatch(1)).execute(options, out, err);
    }

    int execute(Options options, PrintWriter out, PrintWriter err) {
        if (options.port() < 0 || options.port() > 65535) {
            err.println("login-doctor sim: --port must be a whole number from 0 to 65535");
            return EXIT_USAGE;
        }
        String scenario = options.scenario() == null ? SimScenarios.DEFAULT : options.scenario();
        Path secretsOut = options.secretsOut();
        Path reportOut = options.reportOut();
        Path readyFile = options.readyFile();
        boolean scenarioTime = options.scenarioTime();
        int port = options.port();
        try {
            // A ready file left by an earlier run must not announce this one.
            if (readyFile != null) {
                Files.deleteIfExists(readyFile);
            }
        } catch (IOException e) {
            err.println("login-doctor sim: cannot remove the old ready file " + readyFile + ": " + e.getMessage());
            return EXIT_FAILED;
        }
        SimScenario loaded;
        try {
            loaded = SimScenarios.load(scenario);
            // Standalone, the story happens now: clients sign JWTs on the real clock (--scenario-time keeps the file's times).
            if (!scenarioTime) {
                loaded = SimScenarios.startingAt(loaded, java.time.Instant.now());
            }
        } catch (IllegalArgumentException e) {
            err.println("login-doctor sim: " + e.getMessage());
            return EXIT_USAGE;
        }
        SimulatedOrg org;
        try {
            org = SimulatedOrg.start(loaded, port);
        } catch (UncheckedIOException | IllegalArgumentException e) {
            err.println("login-doctor sim: cannot start: " + e.getMessage());
            return EXIT_FAILED;
        }
        Thread hook = new Thread(() -> {
            deleteQuietly(readyFile);
            org.close();
            stop.countDown();
        }, "sim-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        try {
            if (secretsOut != null) {
                writeSecret(secretsOut, "{\"diagnostics\":" + org.diagnosticsSecretJson() + "}");
            }
            if (reportOut != null && loaded.integration() != null) {
                // The integration's one failing login, and the report it would send about it.
                SimIntegration.LoginError error = SimIntegration.attemptLogin(org, loaded.integration());
                writeSecret(reportOut, SimIntegration.failureReportJson(org, loaded.integration(), error, "diagnostics"));
            }
            out.println("Simulated Salesforce org '" + loaded.name() + "' at " + org.baseUrl() + " (clock " + org.now() + ")");
            out.println("  login / instance URL: " + org.baseUrl() + "   Trust API: " + org.baseUrl() + "/v1");
            IntegrationSpec i = loaded.integration();
            if (i != null) {
                out.println("  integration " + i.integrationId() + ": " + i.username() + " via " + i.flow()
                        + (i.expectedCause() == null ? " (logs in)" : " (fails: " + i.expectedCause() + ")"));
            }
            if (secretsOut != null) {
                out.println("  diagnostics secret written to " + secretsOut);
            }
            if (reportOut != null) {
                out.println("  the integration's failure report written to " + reportOut);
                if (secretsOut != null) {
                    out.println("  try: login-doctor diagnose --event " + reportOut + " --secrets " + secretsOut + " --trust-url " + org.baseUrl());
                }
            }
            if (readyFile != null) {
                // Last: whoever waits for this file finds the secrets, the report and a listening org.
                writeAtomically(readyFile, org.baseUrl() + "\n");
                out.println("  ready file written to " + readyFile);
            }
            out.println("Serving until stopped (Ctrl-C).");
            out.flush();
            stop.await();
            return EXIT_OK;
        } catch (IOException e) {
            err.println("login-doctor sim: cannot write an output file: " + e.getMessage());
            return EXIT_FAILED;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return EXIT_OK;
        } finally {
            deleteQuietly(readyFile);
            org.close();
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException shuttingDown) {
                // the JVM is already stopping; the hook closes the org
            }
        }
    }

    /** Whole or not at all: a script polling for the file never reads half of it. */
    private static void writeAtomically(Path file, String text) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        Files.createDirectories(parent);
        Path partial = Files.createTempFile(parent, ".ready", ".tmp");
        Files.writeString(partial, text);
        Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    private static void deleteQuietly(Path file) {
        if (file == null) {
            return;
        }
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            // the process is ending; a stale ready file is removed by the next run
        }
    }

    /** Owner-only where the file system allows it: the file holds a private key. */
    private static void writeSecret(Path file, String json) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        Files.deleteIfExists(file);
        if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        }
        Files.writeString(file, json);
    }
}
