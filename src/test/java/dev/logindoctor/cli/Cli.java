package dev.logindoctor.cli;

import dev.logindoctor.salesforce.HttpTransport;
import dev.logindoctor.salesforce.SalesforceEvidenceSources;
import dev.logindoctor.salesforce.TokenCache;
import dev.logindoctor.sim.SimulatedOrg;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;

/** Runs the command line in-process as {@code main} would, with the tests' collaborators, capturing its output. */
final class Cli {
    record Run(int exit, String out, String err) {
    }

    private Cli() {
    }

    /** The real wiring, except that HOME is {@code home}: no test writes into the real ~/.login-doctor. */
    static Wiring at(Path home) {
        return Wiring.real().withEnv(Map.of("HOME", home.toString()));
    }

    /** As {@link #at}, with the org's clock: the sim stands at the scenario's time, so JWTs and failure times must agree with it. */
    static Wiring on(SimulatedOrg org, Path home) {
        Clock clock = org.clock().asClock();
        return at(home).withClock(clock)
                .withEvidenceSources((secrets, trustUrl) -> new SalesforceEvidenceSources(secrets, trustUrl, new HttpTransport(), clock, new TokenCache()));
    }

    static Run run(Wiring wiring, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit;
        try (PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8); PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8)) {
            exit = LoginDoctor.run(args, o, e, wiring);
        }
        return new Run(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }
}
