package dev.logindoctor.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.logindoctor.model.Cause;
import dev.logindoctor.salesforce.HttpTransport;
import dev.logindoctor.salesforce.SalesforceEvidenceSources;
import dev.logindoctor.salesforce.TokenCache;
import dev.logindoctor.sim.FaultProxy;
import dev.logindoctor.sim.IntegrationSpec;
import dev.logindoctor.sim.SimIntegration;
import dev.logindoctor.sim.SimScenario;
import dev.logindoctor.sim.SimulatedOrg;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * One scenario's simulated org behind a {@link FaultProxy}, its integration's login failed once,
 * with the failure report and the secrets file written: what `diagnose` is run against, many times.
 * The clients get short timeouts, so a hang or a drip ends in well under a second.
 */
final class ProxiedOrg implements AutoCloseable {
    static final Duration CONNECT_TIMEOUT = Duration.ofMillis(600);
    static final Duration REQUEST_TIMEOUT = Duration.ofMillis(800);
    /** Marks every session token the clients are handed: found anywhere it must not be, it is a leak. */
    static final String SESSION_CANARY = "CANARYsession";
    private static final ObjectMapper JSON = new ObjectMapper();

    final SimulatedOrg sim;
    final FaultProxy proxy;
    final IntegrationSpec spec;
    final Cause expected;
    final Path report;
    final Path secrets;
    /** Secret values the diagnostics secret and the integration's secret hold (parts of the key included). */
    final List<String> heldSecrets = new ArrayList<>();
    private final int loginsBefore;

    private ProxiedOrg(SimScenario scenario, Path dir) throws IOException {
        sim = SimulatedOrg.start(scenario);
        proxy = FaultProxy.inFrontOf(sim).canarySessions(SESSION_CANARY);
        spec = sim.scenario().integration();
        expected = spec.expectedCause() == null ? Cause.UNDETERMINED : spec.expectedCause();
        SimIntegration.LoginError error = SimIntegration.attemptLogin(sim, spec);
        report = Files.writeString(dir.resolve(scenario.name() + "-report.json"),
                SimIntegration.failureReportJson(sim, spec, error, DemoCommand.DIAGNOSTICS_SECRET));
        JsonNode diagnostics = JSON.readTree(sim.diagnosticsSecretJson());
        JsonNode integration = JSON.readTree(sim.integrationSecretJson());
        secrets = Files.writeString(dir.resolve(scenario.name() + "-secrets.json"), JSON.createObjectNode()
                .<com.fasterxml.jackson.databind.node.ObjectNode>set(DemoCommand.DIAGNOSTICS_SECRET, diagnostics)
                .set(SimIntegration.credentialSecretName(spec), integration).toString());
        String key = diagnostics.get("privateKey").asText().replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
        heldSecrets.add(key.substring(100, 160));
        integration.properties().forEach(e -> {
            if (!e.getKey().equals("updatedAt") && !e.getKey().equals("clientId") && e.getValue().asText().length() >= 8) {
                heldSecrets.add(e.getValue().asText());
            }
        });
        loginsBefore = sim.attempts(spec.username()).attempts();
    }

    static ProxiedOrg start(SimScenario scenario, Path dir) {
        try {
            return new ProxiedOrg(scenario, dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** `diagnose --json` against this org through the proxy, in-process, with fresh clients and no token cached. */
    Cli.Run diagnose(Path home, Path store) {
        return diagnose(home, store, true);
    }

    /** As {@link #diagnose(Path, Path)}; {@code json} false prints the text a person reads. */
    Cli.Run diagnose(Path home, Path store, boolean json) {
        Clock clock = sim.clock().asClock();
        Wiring wiring = Cli.at(home).withClock(clock).withEvidenceSources((resolver, trustUrl) -> new SalesforceEvidenceSources(
                resolver, trustUrl, new HttpTransport(CONNECT_TIMEOUT, REQUEST_TIMEOUT, HttpTransport.DEFAULT_MAX_RESPONSE_BYTES),
                clock, new TokenCache()));
        List<String> args = new ArrayList<>(List.of("diagnose", "--event", report.toString(), "--secrets", secrets.toString(),
                "--trust-url", sim.baseUrl(), "--store", store.toString()));
        if (json) {
            args.add("--json");
        }
        return Cli.run(wiring, args.toArray(String[]::new));
    }

    /** Logins the integration's username saw since the org started: Login Doctor must add none. */
    int integrationLoginsSince() {
        return sim.attempts(spec.username()).attempts() - loginsBefore;
    }

    @Override
    public void close() {
        proxy.close();
        sim.close();
    }
}
