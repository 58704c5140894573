package dev.logindoctor.cli;

import dev.logindoctor.sim.SimScenarios;
import dev.logindoctor.sim.StandaloneSim;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.nio.file.Path;
import java.util.concurrent.Callable;

/** {@code login-doctor sim}: a simulated Salesforce org (and its Trust API) on localhost, until stopped. */
@Command(name = "sim", mixinStandardHelpOptions = true, versionProvider = LoginDoctor.Version.class,
        description = {"Serves a simulated Salesforce org and Trust API on localhost until stopped.",
                "Its scenario happens now (every instant moved by the same amount), because",
                "diagnose signs its JWT on the real clock; --scenario-time keeps the file's times."},
        footer = {"%nIn a script, wait for the ready file before using the other files:",
                "  rm -f /tmp/sim.ready",
                "  login-doctor sim --scenario user-locked-out --ready-file /tmp/sim.ready \\",
                "    --secrets-out /tmp/secrets.json --report-out /tmp/report.json &",
                "  until [ -f /tmp/sim.ready ]; do sleep 0.2; done"})
final class SimCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--port", paramLabel = "N", description = "the port to serve on (default: any free port, printed)")
    int port;

    @Option(names = "--scenario", paramLabel = "NAME|FILE", description = "a scenario (default ${DEFAULT-VALUE}): ${COMPLETION-CANDIDATES}",
            defaultValue = SimScenarios.DEFAULT, completionCandidates = Scenarios.class)
    String scenario;

    @Option(names = "--secrets-out", paramLabel = "FILE", description = "write {\"diagnostics\": <the diagnostics connection>} here (owner-only)")
    Path secretsOut;

    @Option(names = "--report-out", paramLabel = "FILE",
            description = "let the scenario's integration make its one failing login, and write the failure report it would send here")
    Path reportOut;

    @Option(names = "--scenario-time", description = "keep the scenario file's own times instead of moving them to now")
    boolean scenarioTime;

    @Option(names = "--ready-file", paramLabel = "FILE",
            description = "write the base URL here once the other files are written and the org serves; removed when the sim stops")
    Path readyFile;

    @Override
    public Integer call() {
        return StandaloneSim.serve(new StandaloneSim.Options(port, scenario, secretsOut, reportOut, scenarioTime, readyFile),
                spec.commandLine().getOut(), spec.commandLine().getErr());
    }

    /** The catalog's names, for the usage text. */
    static final class Scenarios implements Iterable<String> {
        @Override
        public java.util.Iterator<String> iterator() {
            return SimScenarios.catalog().iterator();
        }
    }
}
