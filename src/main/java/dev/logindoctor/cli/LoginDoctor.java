package dev.logindoctor.cli;

import dev.logindoctor.engine.HeldSecrets;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Help.Ansi;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.Callable;

/** The {@code login-doctor} command line: the same steps as the state machine, on a laptop. */
@Command(name = "login-doctor", mixinStandardHelpOptions = true, versionProvider = LoginDoctor.Version.class,
        description = "Finds out why a Salesforce login failed, by elimination over evidence.",
        subcommands = {DiagnoseCommand.class, CheckCommand.class, HistoryCommand.class, SimCommand.class, DemoCommand.class,
                ProbeCommand.class, IntegrationsCommand.class, CommandLine.HelpCommand.class},
        footerHeading = "%nEnvironment:%n",
        footer = {"  LOGIN_DOCTOR_HOME       where diagnoses are kept (default: ~/.login-doctor)",
                "  LOGIN_DOCTOR_TRUST_URL  the Trust API base (default: api.status.salesforce.com)",
                "  NO_COLOR                no colour, even on a terminal",
                "%nExit codes: 0 done, 1 a failure the output explains, 2 bad input (usage),",
                "3 the diagnostics connection failed (diagnose --help)."})
public final class LoginDoctor implements Callable<Integer> {
    static final int EXIT_OK = 0;
    static final int EXIT_FAILED = 1;
    static final int EXIT_USAGE = 2;
    static final int EXIT_CONNECTION = 3;

    @Spec
    CommandSpec spec;

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err, Wiring.real()));
    }

    static int run(String[] args, PrintStream out, PrintStream err, Wiring wiring) {
        // Colour only when a person reads the real terminal (and NO_COLOR is not set).
        boolean terminal = out == System.out && System.getenv("NO_COLOR") == null && Ansi.AUTO.enabled();
        PrintWriter o = new PrintWriter(out, true, StandardCharsets.UTF_8);
        PrintWriter e = new PrintWriter(err, true, StandardCharsets.UTF_8);
        try {
            return commandLine(wiring, terminal).setOut(o).setErr(e).execute(args);
        } finally {
            o.flush();
            e.flush();
        }
    }

    /** Every command, built with these collaborators; usage errors exit 2 with one message and a pointer to --help. */
    static CommandLine commandLine(Wiring wiring, boolean terminal) {
        CommandLine cli = new CommandLine(LoginDoctor.class, new WiringFactory(wiring));
        // picocli's default scheme, but command names in cyan instead of bold (it ends bold with SGR 21,
        // which some terminals draw as a double underline).
        cli.setColorScheme(new CommandLine.Help.ColorScheme.Builder(CommandLine.Help.defaultColorScheme(terminal ? Ansi.ON : Ansi.OFF))
                .commands(CommandLine.Help.Ansi.Style.fg_cyan)
                .build());
        cli.setParameterExceptionHandler(LoginDoctor::usageError);
        cli.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
            if (ex instanceof UsageError usage) {
                return usageError(new CommandLine.ParameterException(commandLine, usage.getMessage()), null);
            }
            // One line, no stack trace: a trace can quote values, and a script reads the exit code.
            commandLine.getErr().println(qualifiedName(commandLine) + ": failed: " + ex.getClass().getSimpleName()
                    + (ex.getMessage() == null ? "" : ": " + HeldSecrets.redact(ex.getMessage())));
            return EXIT_FAILED;
        });
        return cli;
    }

    private static int usageError(CommandLine.ParameterException ex, String[] args) {
        CommandLine command = ex.getCommandLine();
        PrintWriter err = command.getErr();
        List<String> unmatched = command.getUnmatchedArguments();
        // picocli checks required options before it complains about unknown ones; the typo is the news.
        String message = ex instanceof CommandLine.UnmatchedArgumentException
                || ex instanceof CommandLine.MissingParameterException && !unmatched.isEmpty()
                ? unexpected(unmatched) : ex.getMessage();
        err.println(qualifiedName(command) + ": " + HeldSecrets.redact(message));
        CommandLine.UnmatchedArgumentException.printSuggestions(ex, err);
        err.println("Try '" + qualifiedName(command) + " --help' for more information.");
        return EXIT_USAGE;
    }

    /**
     * Names the unknown options but never echoes an argument or an option's value: what was typed there
     * may be a password ({@code --password Hunter2!}), and a secret never reaches the output.
     */
    static String unexpected(List<String> unmatched) {
        List<String> options = new ArrayList<>();
        int arguments = 0;
        for (String token : unmatched) {
            if (token.startsWith("-")) {
                options.add("'" + token.split("=", 2)[0] + "'");
            } else {
                arguments++;
            }
        }
        List<String> parts = new ArrayList<>();
        if (!options.isEmpty()) {
            parts.add("Unknown option" + (options.size() > 1 ? "s " : " ") + String.join(", ", options));
        }
        if (arguments > 0) {
            parts.add(arguments + " unexpected argument" + (arguments > 1 ? "s" : "") + " (not shown: it may be a secret)");
        }
        return parts.isEmpty() ? "unexpected input" : String.join("; ", parts);
    }

    private static String qualifiedName(CommandLine command) {
        return command.getCommandSpec().qualifiedName();
    }

    @Override
    public Integer call() {
        throw new CommandLine.ParameterException(spec.commandLine(), "a command is required");
    }

    /** The version the pom builds (filled into version.properties at build time). */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() throws IOException {
            Properties p = new Properties();
            try (InputStream in = LoginDoctor.class.getResourceAsStream("version.properties")) {
                if (in != null) {
                    p.load(in);
                }
            }
            return new String[] {"login-doctor " + p.getProperty("version", "unknown") + " (Java " + Runtime.version() + ")"};
        }
    }

    /** Builds each command with the collaborators it declares in its constructor. */
    private record WiringFactory(Wiring wiring) implements CommandLine.IFactory {
        @Override
        public <K> K create(Class<K> type) throws Exception {
            try {
                return type.getDeclaredConstructor(Wiring.class).newInstance(wiring);
            } catch (NoSuchMethodException noWiring) {
                return CommandLine.defaultFactory().create(type);
            }
        }
    }
}
