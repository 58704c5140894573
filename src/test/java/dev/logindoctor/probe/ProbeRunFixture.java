package dev.logindoctor.probe;

import dev.logindoctor.engine.SecretResolver;
import dev.logindoctor.model.FailureReport;
import dev.logindoctor.model.LoginFlow;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A probe over a real local registry file, with the login clients, Trust and the diagnosis starter stood in
 * for, on a clock the test moves: each {@link #run()} is one scheduled run, five minutes after the last.
 */
abstract class ProbeRunFixture {
    static final Duration SCHEDULE = Duration.ofMinutes(5);
    static final String WRONG = "{\"password\":\"Autumn2026!Wrong\",\"securityToken\":\"aK9fT3xQ2mV7pL4sR8wE1zYb\"}";
    static final String RIGHT = "{\"password\":\"Spring2026!Billing\",\"securityToken\":\"aK9fT3xQ2mV7pL4sR8wE1zYb\"}";

    @TempDir
    Path dir;

    final SteppingClock clock = new SteppingClock(Instant.parse("2026-11-27T10:00:00Z"));
    final Map<String, String> secrets = new ConcurrentHashMap<>();
    final FakeOrgLogins org = new FakeOrgLogins();
    final List<FailureReport> reports = Collections.synchronizedList(new ArrayList<>());
    final Map<String, List<String>> trustLookups = new ConcurrentHashMap<>();
    final Map<String, String> maintenanceByOrg = new ConcurrentHashMap<>();
    volatile boolean diagnosesDown;

    FileIntegrationRegistry registry() {
        return new FileIntegrationRegistry(dir.resolve("integrations.json"));
    }

    Integration register(String id, String username, String host) {
        Integration integration = new Integration(id, "https://" + host, username, LoginFlow.SOAP, "login-doctor/" + id,
                "login-doctor/diagnostics", null, true);
        registry().put(integration);
        return integration;
    }

    ProbeSummary run(ProbeSettings settings, Deadline deadline) {
        SecretResolver resolver = reference -> {
            String value = secrets.get(reference);
            if (value == null) {
                throw new SecretResolver.SecretUnavailable("secret '" + reference + "' does not exist");
            }
            return value;
        };
        MaintenanceCheck trust = integration -> {
            trustLookups.computeIfAbsent(integration.orgKey(), k -> Collections.synchronizedList(new ArrayList<>())).add(integration.id());
            return Optional.ofNullable(maintenanceByOrg.get(integration.orgKey()));
        };
        DiagnosisStarter starter = report -> {
            if (diagnosesDown) {
                throw new IllegalStateException("Step Functions did not answer");
            }
            reports.add(report);
            return "arn:aws:states:us-east-1:123456789012:execution:login-doctor:" + report.integrationId() + "-" + reports.size();
        };
        ProbeSummary summary = new ProbeRun(registry(), new FingerprintedCredentials(resolver), org, trust, starter, clock, settings)
                .run(deadline);
        clock.advance(SCHEDULE);
        return summary;
    }

    ProbeSummary run() {
        return run(ProbeSettings.DEFAULT, Deadline.unlimited());
    }

    ProbeRecord record(String id) {
        return registry().find(id).orElseThrow().lastProbe();
    }

}
