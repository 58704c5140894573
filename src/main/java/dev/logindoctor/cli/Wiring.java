package dev.logindoctor.cli;

import dev.logindoctor.engine.EvidenceSources;
import dev.logindoctor.engine.SecretResolver;
import dev.logindoctor.salesforce.SalesforceEvidenceSources;
import dev.logindoctor.sim.SimCommand;

import java.io.PrintStream;

/** Builds the real collaborators for the command line: the Salesforce clients and the simulator. */
final class Wiring {
    private Wiring() {
    }

    static EvidenceSources evidenceSources(SecretResolver secrets, String trustUrl) {
        return new SalesforceEvidenceSources(secrets, trustUrl);
    }

    static int sim(String[] args, PrintStream out, PrintStream err) {
        return SimCommand.run(args, out, err);
    }

    static int demo(String[] args, PrintStream out, PrintStream err) {
        return new DemoCommand().run(args, out, err);
    }
}
