package dev.logindoctor.cli;

import dev.logindoctor.engine.HeldSecrets;
import java.io.PrintStream;
import java.time.Clock;

/** The {@code login-doctor} command line: the same steps as the state machine, on a laptop. */
public final class LoginDoctor {
    static final int EXIT_OK = 0;
    static final int EXIT_FAILED = 1;
    static final int EXIT_USAGE = 2;
    static final int EXIT_CONNECTION = 3;

    private static final String USAGE = """
            usage: login-doctor <command> [options]

              demo                                   run every cause against the embedded simulated org
              diagnose --event REPORT.json [--secrets SECRETS.json] [--trust-url URL] [--json] [--store FILE]
              sim [--port N] [--scenario NAME|FILE] [--secrets-out FILE]
              check (--event FILE | --integration ID) --secrets SECRETS.json [--trust-url URL] [--horizon-days N] [--json]
                                                     what will break the integration's login, before it breaks
              history [--integration ID] [--cause CAUSE] [--json] [--store FILE]
              probe [--secrets SECRETS.json] [--store FILE] [--trust-url URL] [--max-per-org N] [--json]
              integrations add|list|remove ...       the integrations the probe logs in as (`integrations help`)
            """;

    private LoginDoctor() {
    }

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    static int run(String[] args, PrintStream out, PrintStream err) {
        if (args.length == 0 || args[0].equals("--help") || args[0].equals("-h") || args[0].equals("help")) {
            (args.length == 0 ? err : out).print(USAGE);
            return args.length == 0 ? EXIT_USAGE : EXIT_OK;
        }
        try {
            return switch (args[0]) {
                case "diagnose" -> new DiagnoseCommand(Wiring::evidenceSources, Clock.systemUTC()).run(args, out, err);
                case "check" -> new CheckCommand(Wiring::evidenceSources, Clock.systemUTC()).run(args, out, err);
                case "history" -> new HistoryCommand().run(args, out, err);
                case "sim" -> Wiring.sim(args, out, err);
                case "demo" -> Wiring.demo(args, out, err);
                case "probe" -> new ProbeCommand(Clock.systemUTC()).run(args, out, err);
                case "integrations" -> new IntegrationsCommand().run(args, out, err);
                default -> {
                    err.println("login-doctor: unknown command '" + args[0] + "'");
                    err.print(USAGE);
                    yield EXIT_USAGE;
                }
            };
        } catch (Args.UsageError e) {
            err.println("login-doctor " + args[0] + ": " + HeldSecrets.redact(e.getMessage()));
            return EXIT_USAGE;
        } catch (RuntimeException e) {
            // One line, no stack trace: a trace can quote values, and a script reads the exit code.
            err.println("login-doctor " + args[0] + ": failed: " + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : ": " + HeldSecrets.redact(e.getMessage())));
            return EXIT_FAILED;
        }
    }
}
