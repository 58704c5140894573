package dev.logindoctor.sim;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.concurrent.CountDownLatch;

/**
 * {@code login-doctor sim [--port N] [--scenario NAME|FILE] [--secrets-out FILE]}: starts a simulated
 * org (the healthy default without --scenario), prints its base URL, writes
 * {@code {"diagnostics": <diagnostics secret>}} to --secrets-out, and serves until killed.
 * Exit codes: 0 stopped, 1 could not start, 2 usage error.
 */
public final class SimCommand {
    static final int EXIT_OK = 0;
    static final int EXIT_FAILED = 1;
    static final int EXIT_USAGE = 2;
    private static final String USAGE = "usage: login-doctor sim [--port N] [--scenario NAME|FILE] [--secrets-out FILE] [--report-out FILE] [--scenario-time]";

    private final CountDownLatch stop;

    SimCommand(CountDownLatch stop) {
        this.stop = stop;
    }

    /** Runs the command (args[0] is "sim"); returns only when the process is told to stop. */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        CountDownLatch stop = new CountDownLatch(1);
        return new SimCommand(stop).execute(args, out, err);
    }

    int execute(String[] args, PrintStream out, PrintStream err) {
        int port = 0;
        String scenario = SimScenarios.DEFAULT;
        Path secretsOut = null;
        Path reportOut = null;
        boolean scenarioTime = false;
        for (int i = 1; i < args.length; i++) {
            String a = args[i];
            String value;
            String name = a;
            int eq = a.indexOf('=');
            if (eq > 0) {
                name = a.substring(0, eq);
                value = a.substring(eq + 1);
            } else if (i + 1 < args.length && (a.equals("--port") || a.equals("--scenario") || a.equals("--secrets-out") || a.equals("--report-out"))) {
                value = args[++i];
            } else {
                value = null;
            }
            switch (name) {
                case "--port" -> {
                    try {
                        port = Integer.parseInt(String.valueOf(value));
                    } catch (NumberFormatException e) {
                        err.println("login-doctor sim: --port must be a whole number from 0 to 65535");
                        return EXIT_USAGE;
                    }
                    if (port < 0 || port > 65535) {
                        err.println("login-doctor sim: --port must be a whole number from 0 to 65535");
                        return EXIT_USAGE;
                    }
                }
                case "--scenario" -> scenario = value;
                case "--secrets-out" -> secretsOut = value == null ? null : Path.of(value);
                case "--report-out" -> reportOut = value == null ? null : Path.of(value);
                case "--scenario-time" -> {
                    scenarioTime = true;
                    continue;
                }
                case "--help", "-h" -> {
                    out.println(USAGE);
                    out.println("scenarios: " + String.join(", ", SimScenarios.catalog()));
                    return EXIT_OK;
                }
                default -> {
                    err.println("login-doctor sim: unknown option " + a);
                    err.println(USAGE);
                    return EXIT_USAGE;
                }
            }
            if (value == null) {
                err.println("login-doctor sim: " + name + " needs a value");
                return EXIT_USAGE;
            }
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
            org.close();
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException shuttingDown) {
                // the JVM is already stopping; the hook closes the org
            }
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
