package dev.logindoctor.cli;

import dev.logindoctor.engine.EvidenceSources;
import dev.logindoctor.engine.SecretResolver;

import java.io.PrintStream;

/** Builds the real collaborators for the command line: the Salesforce clients and the simulator. */
final class Wiring {
    private Wiring() {
    }

    static EvidenceSources evidenceSources(SecretResolver secrets, String trustUrl) {
        throw new Args.UsageError("diagnose is not wired to the Salesforce clients yet");
    }

    static int sim(String[] args, PrintStream out, PrintStream err) {
        throw new Args.UsageError("sim is not wired yet");
    }

    static int demo(String[] args, PrintStream out, PrintStream err) {
        throw new Args.UsageError("demo is not wired yet");
    }
}
