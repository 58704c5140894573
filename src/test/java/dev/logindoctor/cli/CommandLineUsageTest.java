package dev.logindoctor.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import picocli.CommandLine;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every command, found from the command line's own registry (so a new command is covered without
 * touching this test): --help and -h exit 0 with its usage on stdout; an unknown option or a stray
 * argument exits 2 with one message on stderr, never a stack trace.
 */
class CommandLineUsageTest {
    @TempDir
    Path home;

    /** "diagnose", "integrations add", ...: every command and subcommand under login-doctor. */
    static List<String> commands() {
        List<String> names = new ArrayList<>();
        collect(LoginDoctor.commandLine(Wiring.real(), false), names);
        return names;
    }

    private static void collect(CommandLine command, List<String> names) {
        command.getSubcommands().forEach((name, sub) -> {
            if (sub.getCommandSpec().userObject() instanceof CommandLine.HelpCommand) {
                return;
            }
            String qualified = sub.getCommandSpec().qualifiedName(" ").substring("login-doctor ".length());
            if (!names.contains(qualified)) {
                names.add(qualified);
                collect(sub, names);
            }
        });
    }

    private Cli.Run cli(String command, String... more) {
        List<String> args = new ArrayList<>(List.of(command.split(" ")));
        args.addAll(List.of(more));
        return Cli.run(Cli.at(home), args.toArray(String[]::new));
    }

    @Test
    void theRegistryHoldsEveryCommandTheReadmeDocuments() {
        assertTrue(commands().containsAll(List.of("diagnose", "history", "sim", "demo", "probe",
                "integrations", "integrations add", "integrations list", "integrations remove")), commands().toString());
    }

    @ParameterizedTest(name = "{0} --help")
    @MethodSource("commands")
    void everyCommandAnswersHelpWithItsUsage(String command) {
        for (String help : List.of("--help", "-h")) {
            Cli.Run r = cli(command, help);
            assertEquals(0, r.exit(), command + " " + help + ": " + r.err());
            assertTrue(r.out().startsWith("Usage: login-doctor " + command), r.out());
            assertEquals("", r.err());
        }
    }

    @ParameterizedTest(name = "{0} --no-such-flag")
    @MethodSource("commands")
    void anUnknownOptionExitsTwoWithoutAStackTrace(String command) {
        Cli.Run r = cli(command, "--no-such-flag");
        assertEquals(2, r.exit(), r.out() + r.err());
        assertTrue(r.err().contains("Unknown option") && r.err().contains("'--no-such-flag'"), r.err());
        assertTrue(r.err().contains("--help"), "points at the help: " + r.err());
        assertNoStackTrace(r.err());
    }

    @ParameterizedTest(name = "{0} stray")
    @MethodSource("commands")
    void aStrayArgumentExitsTwoWithoutAStackTrace(String command) {
        Cli.Run r = cli(command, "stray-argument");
        assertEquals(2, r.exit(), r.out() + r.err());
        assertTrue(r.err().contains("1 unexpected argument"), r.err());
        assertFalse(r.err().contains("stray-argument"), "never echoed: a stray argument may be a password");
        assertNoStackTrace(r.err());
    }

    @Test
    void aPasswordTypedAsAnOptionIsNeverEchoed() {
        for (String[] typed : List.of(new String[] {"diagnose", "--event", "r.json", "--password", "Hunter2!"},
                new String[] {"probe", "--password=Hunter2!"}, new String[] {"history", "Hunter2!"})) {
            Cli.Run r = Cli.run(Cli.at(home), typed);
            assertEquals(2, r.exit(), r.err());
            assertFalse(r.err().contains("Hunter2!") || r.out().contains("Hunter2!"), r.err());
        }
    }

    @Test
    void noCommandIsAUsageError() {
        Cli.Run r = Cli.run(Cli.at(home));
        assertEquals(2, r.exit());
        assertTrue(r.err().contains("a command is required"), r.err());
    }

    @Test
    void theVersionIsThePomsVersion() {
        Cli.Run r = Cli.run(Cli.at(home), "--version");
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.out().matches("login-doctor \\d+\\.\\d+\\.\\d+(-SNAPSHOT)? \\(Java .*\\)\\R"), r.out());
    }

    @Test
    void anUnknownDemoScenarioExitsTwoListingTheScenarios() {
        Cli.Run r = cli("demo", "--scenario", "nope");
        assertEquals(2, r.exit(), r.out() + r.err());
        assertTrue(r.err().contains("no scenario 'nope'") && r.err().contains("user-locked-out") && r.err().contains("healthy"), r.err());
        assertNoStackTrace(r.err());
        assertEquals("", r.out(), "nothing ran");
    }

    @Test
    void aNonNumberWhereANumberIsExpectedExitsTwo() {
        Cli.Run r = cli("history", "--limit", "many");
        assertEquals(2, r.exit());
        assertTrue(r.err().contains("--limit"), r.err());
        assertNoStackTrace(r.err());
    }

    @Test
    void theUsageDocumentsEveryOptionTheReadmeNames() {
        String all = String.join("\n", commands().stream().map(c -> cli(c, "--help").out()).toList()) + cli("--help").out();
        for (String documented : List.of("--report-out", "--scenario-time", "--ready-file", "--save", "--limit", "--table",
                "--store", "--no-store", "--trust-url", "LOGIN_DOCTOR_HOME", "LOGIN_DOCTOR_TRUST_URL")) {
            assertTrue(all.contains(documented), documented + " is in some usage");
        }
        assertFalse(all.contains("\u001B["), "no colour when the output is not a terminal");
    }

    private static void assertNoStackTrace(String err) {
        assertFalse(err.contains("\tat ") || err.contains("Exception"), "no stack trace: " + err);
    }
}
