package dev.logindoctor.probe;

import dev.logindoctor.json.Json;
import dev.logindoctor.engine.SecretResolver;
import dev.logindoctor.model.FailureReport;
import dev.logindoctor.model.LoginFlow;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The probe's rules over a real local registry file, with the login clients and Trust stood in for. */
class ProbeRunTest {
    private static final Duration SCHEDULE = Duration.ofMinutes(5);
    private static final String WRONG = "{\"password\":\"Autumn2026!Wrong\",\"securityToken\":\"aK9fT3xQ2mV7pL4sR8wE1zYb\"}";
    private static final String RIGHT = "{\"password\":\"Spring2026!Billing\",\"securityToken\":\"aK9fT3xQ2mV7pL4sR8wE1zYb\"}";

    @TempDir
    Path dir;

    private final SteppingClock clock = new SteppingClock(Instant.parse("2026-11-27T10:00:00Z"));
    private final Map<String, String> secrets = new ConcurrentHashMap<>();
    private final FakeOrgLogins org = new FakeOrgLogins();
    private final List<FailureReport> reports = Collections.synchronizedList(new ArrayList<>());
    private final Map<String, List<String>> trustLookups = new ConcurrentHashMap<>();
    private final Map<String, String> maintenanceByOrg = new ConcurrentHashMap<>();
    private volatile boolean diagnosesDown;

    private FileIntegrationRegistry registry() {
        return new FileIntegrationRegistry(dir.resolve("integrations.json"));
    }

    private Integration register(String id, String username, String host) {
        Integration integration = new Integration(id, "https://" + host, username, LoginFlow.SOAP, "login-doctor/" + id,
                "login-doctor/diagnostics", null, true);
        registry().put(integration);
        return integration;
    }

    private ProbeSummary run(ProbeSettings settings, Deadline deadline) {
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

    private ProbeSummary run() {
        return run(ProbeSettings.DEFAULT, Deadline.unlimited());
    }

    private ProbeRecord record(String id) {
        return registry().find(id).orElseThrow().lastProbe();
    }

    @Test
    void tenScheduledRunsOverAFailingCredentialSendExactlyOneLogin() {
        register("billing-sync", "svc@acme.com", "acme.my.salesforce.com");
        secrets.put("login-doctor/billing-sync", WRONG);
        org.accept("svc@acme.com", RIGHT);

        List<ProbeSummary> runs = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            runs.add(run());
        }

        assertEquals(1, org.attempts("svc@acme.com"), "one failed login, never repeated");
        assertEquals(ProbeOutcome.FAILED, runs.get(0).result("billing-sync").outcome());
        for (ProbeSummary later : runs.subList(1, 10)) {
            ProbeSummary.Result r = later.result("billing-sync");
            assertEquals(ProbeOutcome.SKIPPED_UNCHANGED, r.outcome());
            assertTrue(r.detail().startsWith("skipped: credential unchanged since it failed"), r.detail());
            assertEquals(0, later.loginAttempts());
        }
        assertEquals(1, reports.size(), "one diagnosis for the failure");
        FailureReport report = reports.get(0);
        assertEquals("INVALID_LOGIN", report.error().code());
        assertEquals("billing-sync", report.integrationId());
        assertEquals("login-doctor/billing-sync", report.credentialSecret());
        assertEquals("login-doctor/diagnostics", report.diagnosticsSecret());
        assertEquals(Instant.parse("2026-11-27T10:00:00Z"), report.failedAt());

        ProbeRecord stored = record("billing-sync");
        assertTrue(stored.lastLoginFailed());
        assertEquals(1, stored.consecutiveFailures());
        assertEquals(Instant.parse("2026-11-27T10:45:00Z"), stored.probedAt(), "the tenth run looked at it");
        assertEquals(runs.get(0).result("billing-sync").diagnosis(), stored.diagnosis());
    }

    @Test
    void aRotatedCredentialIsProbedOnceOnTheNextRun() {
        register("billing-sync", "svc@acme.com", "acme.my.salesforce.com");
        secrets.put("login-doctor/billing-sync", WRONG);
        org.accept("svc@acme.com", RIGHT);
        run();
        run();
        assertEquals(1, org.attempts("svc@acme.com"));

        // Rotated, but to another wrong password: one more login, then quiet again.
        secrets.put("login-doctor/billing-sync", WRONG.replace("Wrong", "StillWrong"));
        assertEquals(ProbeOutcome.FAILED, run().result("billing-sync").outcome());
        assertEquals(ProbeOutcome.SKIPPED_UNCHANGED, run().result("billing-sync").outcome());
        assertEquals(2, org.attempts("svc@acme.com"));
        assertEquals(2, record("billing-sync").consecutiveFailures());
        assertEquals(2, reports.size(), "the new failure gets its own diagnosis");

        // Rotated to the right one: healthy, and probed every run from then on.
        secrets.put("login-doctor/billing-sync", RIGHT);
        assertEquals(ProbeOutcome.HEALTHY, run().result("billing-sync").outcome());
        assertEquals(ProbeOutcome.HEALTHY, run().result("billing-sync").outcome());
        assertEquals(4, org.attempts("svc@acme.com"));
        assertEquals(0, record("billing-sync").consecutiveFailures());
        assertFalse(record("billing-sync").lastLoginFailed());
    }

    @Test
    void anExplicitVersionFieldDecidesWhatCountsAsARotation() {
        register("billing-sync", "svc@acme.com", "acme.my.salesforce.com");
        secrets.put("login-doctor/billing-sync", "{\"version\":\"v1\",\"password\":\"Autumn2026!Wrong\"}");
        run();
        // The same version label with other content is, by the owner's word, the same version: no login.
        secrets.put("login-doctor/billing-sync", "{\"version\":\"v1\",\"password\":\"Autumn2026!Other\"}");
        run();
        assertEquals(1, org.attempts("svc@acme.com"));
        secrets.put("login-doctor/billing-sync", "{\"version\":\"v2\",\"password\":\"Autumn2026!Other\"}");
        run();
        assertEquals(2, org.attempts("svc@acme.com"));
        assertEquals("v2", record("billing-sync").credentialVersion());
    }

    @Test
    void aHealthyIntegrationIsProbedEveryRunAndNeverDiagnosed() {
        register("billing-sync", "svc@acme.com", "acme.my.salesforce.com");
        secrets.put("login-doctor/billing-sync", RIGHT);
        org.accept("svc@acme.com", RIGHT);
        for (int i = 0; i < 10; i++) {
            assertEquals(ProbeOutcome.HEALTHY, run().result("billing-sync").outcome());
        }
        assertEquals(10, org.attempts("svc@acme.com"));
        assertTrue(reports.isEmpty());
        assertEquals(0, record("billing-sync").consecutiveFailures());
    }

    @Test
    void anOrgInMaintenanceIsSkippedWholeAfterOneTrustLookup() {
        register("billing-sync", "svc@acme.com", "acme.my.salesforce.com");
        register("orders-sync", "orders@acme.com", "acme.my.salesforce.com");
        register("ledger-sync", "ledger@acme.com", "acme.my.salesforce.com");
        register("globex-sync", "svc@globex.com", "globex.my.salesforce.com");
        for (String id : List.of("billing-sync", "orders-sync", "ledger-sync", "globex-sync")) {
            secrets.put("login-doctor/" + id, RIGHT);
        }
        org.accept("svc@globex.com", RIGHT);
        maintenanceByOrg.put("acme.my.salesforce.com", "NA224: MAINTENANCE_CORE");

        ProbeSummary summary = run();

        assertEquals(1, trustLookups.get("acme.my.salesforce.com").size(), "one Trust lookup per org per run");
        assertEquals(1, trustLookups.get("globex.my.salesforce.com").size());
        assertEquals(3, summary.count(ProbeOutcome.SKIPPED_MAINTENANCE));
        assertEquals("skipped: NA224: MAINTENANCE_CORE", summary.result("orders-sync").detail());
        assertEquals(0, org.attempts("svc@acme.com") + org.attempts("orders@acme.com") + org.attempts("ledger@acme.com"));
        assertEquals(ProbeOutcome.HEALTHY, summary.result("globex-sync").outcome());
        assertTrue(reports.isEmpty(), "maintenance is not a failure to diagnose");

        maintenanceByOrg.clear();
        run();
        assertEquals(1, org.attempts("svc@acme.com"), "after the maintenance the org is probed again");
    }

    @Test
    void aRunThatRunsOutOfTimeLeavesTheRestAndTheNextRunStartsWithThem() {
        for (int i = 1; i <= 6; i++) {
            register("sync-" + i, "svc" + i + "@acme.com", "org" + i + ".my.salesforce.com");
            secrets.put("login-doctor/sync-" + i, RIGHT);
            org.accept("svc" + i + "@acme.com", RIGHT);
        }
        // Time for three integrations: each start costs 10 s of a 54 s budget with a 25 s reserve.
        AtomicInteger checks = new AtomicInteger();
        Deadline shortRun = () -> 54_000 - 10_000L * checks.getAndIncrement();
        ProbeSummary first = run(new ProbeSettings(1, 1, Duration.ofSeconds(25)), shortRun);

        assertEquals(3, first.results().size());
        assertEquals(List.of("sync-4", "sync-5", "sync-6"), first.notReached());
        assertEquals(3, org.totalAttempts());

        AtomicInteger checks2 = new AtomicInteger();
        ProbeSummary second = run(new ProbeSettings(1, 1, Duration.ofSeconds(25)), () -> 54_000 - 10_000L * checks2.getAndIncrement());
        assertEquals(List.of("sync-4", "sync-5", "sync-6"), second.results().stream().map(ProbeSummary.Result::integrationId).toList(),
                "the ones never probed are the oldest, so they go first");
    }

    @Test
    void loginsPerOrgStayWithinTheBoundWhileOrgsProceedInParallel() throws Exception {
        for (int i = 1; i <= 6; i++) {
            register("acme-" + i, "acme" + i + "@acme.com", "acme.my.salesforce.com");
            register("globex-" + i, "globex" + i + "@globex.com", "globex.my.salesforce.com");
            secrets.put("login-doctor/acme-" + i, RIGHT);
            secrets.put("login-doctor/globex-" + i, RIGHT);
            org.accept("acme" + i + "@acme.com", RIGHT);
            org.accept("globex" + i + "@globex.com", RIGHT);
        }
        // Logins wait inside the org until four are there at once: two per org, both orgs.
        org.holdLogins();
        CompletableFuture<ProbeSummary> running = CompletableFuture.supplyAsync(
                () -> run(new ProbeSettings(2, 16, Duration.ZERO), Deadline.unlimited()));
        boolean bothOrgsFull = org.awaitLoginsInFlight(4, Duration.ofSeconds(20));
        org.releaseLogins();
        ProbeSummary summary = running.get(30, TimeUnit.SECONDS);

        assertTrue(bothOrgsFull, "the dispatcher never had two logins in flight for each of the two orgs");
        assertEquals(12, summary.count(ProbeOutcome.HEALTHY));
        assertEquals(2, org.mostInFlight("acme.my.salesforce.com"), "per-org bound, reached and never passed");
        assertEquals(2, org.mostInFlight("globex.my.salesforce.com"), "per-org bound, reached and never passed");
        assertEquals(4, org.mostInFlightEverywhere(), "both orgs at once, each at its bound");
    }

    @Test
    void aDiagnosisThatCouldNotStartIsStartedByTheNextRunWithoutLoggingIn() {
        register("billing-sync", "svc@acme.com", "acme.my.salesforce.com");
        secrets.put("login-doctor/billing-sync", WRONG);
        diagnosesDown = true;
        ProbeSummary first = run();
        assertEquals(ProbeOutcome.FAILED, first.result("billing-sync").outcome());
        assertNull(first.result("billing-sync").diagnosis());
        assertTrue(first.result("billing-sync").detail().contains("diagnosis not started"), first.result("billing-sync").detail());

        diagnosesDown = false;
        ProbeSummary second = run();
        assertEquals(1, org.attempts("svc@acme.com"));
        assertEquals(ProbeOutcome.SKIPPED_UNCHANGED, second.result("billing-sync").outcome());
        assertNotNull(second.result("billing-sync").diagnosis());
        assertEquals(1, reports.size());
        assertEquals(Instant.parse("2026-11-27T10:00:00Z"), reports.get(0).failedAt(), "the report is the original failure's");
        assertEquals(second.result("billing-sync").diagnosis(), record("billing-sync").diagnosis());
    }

    @Test
    void noVerdictForAProvenCredentialWaitsADayForItsOneRetryAndThenHoldsItUntilItChanges() {
        register("billing-sync", "svc@acme.com", "acme.my.salesforce.com");
        secrets.put("login-doctor/billing-sync", RIGHT);
        org.accept("svc@acme.com", RIGHT);
        assertEquals(ProbeOutcome.HEALTHY, run().result("billing-sync").outcome());
        // Salesforce stops answering; the password may have been changed there meanwhile.
        org.unavailable(true);
        Instant firstNoVerdict = clock.instant();
        ProbeSummary.Result unanswered = run().result("billing-sync");
        assertEquals(ProbeOutcome.UNREACHABLE, unanswered.outcome());
        assertTrue(unanswered.detail().contains("login 1 of 2 without a verdict, next try not before 2026-11-28T10:05:00Z"),
                unanswered.detail());

        // Every scheduled run for the rest of the day: no login.
        while (clock.instant().isBefore(firstNoVerdict.plus(Duration.ofDays(1)))) {
            ProbeSummary.Result waiting = run().result("billing-sync");
            assertEquals(ProbeOutcome.SKIPPED_NO_VERDICT, waiting.outcome(), waiting.detail());
        }
        assertEquals(2, org.attempts("svc@acme.com"), "one healthy login and one without a verdict, not one per run");

        // A day later: one retry, again without a verdict, and that is the bound.
        ProbeSummary.Result retried = run().result("billing-sync");
        assertEquals(ProbeOutcome.UNREACHABLE, retried.outcome());
        assertEquals(3, org.attempts("svc@acme.com"));
        assertTrue(retried.detail().contains("2 login(s) in a row with this credential version got no verdict"), retried.detail());
        assertTrue(record("billing-sync").failedWith(record("billing-sync").credentialVersion()), "held like a refused version");

        // Held for good, even once Salesforce answers again: a week of runs sends nothing.
        org.unavailable(false);
        for (int day = 0; day < 7; day++) {
            clock.advance(Duration.ofDays(1));
            ProbeSummary.Result held = run().result("billing-sync");
            assertEquals(ProbeOutcome.SKIPPED_UNCHANGED, held.outcome());
            assertTrue(held.detail().contains("2 login(s) with it got no verdict"), held.detail());
        }
        assertEquals(3, org.attempts("svc@acme.com"));
        assertTrue(reports.isEmpty(), "no diagnosis without a real refusal");

        // A new version of the secret is what lets the probe try again.
        String rotated = RIGHT.replace("}", ",\"version\":\"rotated\"}");
        secrets.put("login-doctor/billing-sync", rotated);
        org.accept("svc@acme.com", rotated);
        assertEquals(ProbeOutcome.HEALTHY, run().result("billing-sync").outcome());
        assertEquals(4, org.attempts("svc@acme.com"));
    }

    @Test
    void aRetryAfterNoVerdictThatSucceedsStartsTheCountAfresh() {
        register("billing-sync", "svc@acme.com", "acme.my.salesforce.com");
        secrets.put("login-doctor/billing-sync", RIGHT);
        org.accept("svc@acme.com", RIGHT);
        run();
        for (int round = 0; round < 3; round++) {
            org.unavailable(true);
            assertEquals(ProbeOutcome.UNREACHABLE, run().result("billing-sync").outcome());
            org.unavailable(false);
            assertEquals(ProbeOutcome.SKIPPED_NO_VERDICT, run().result("billing-sync").outcome(), "waits even though Salesforce is back");
            clock.advance(Duration.ofDays(1));
            assertEquals(ProbeOutcome.HEALTHY, run().result("billing-sync").outcome(), "the verdict clears the count");
            assertEquals(0, record("billing-sync").noVerdictTries());
        }
        assertEquals(7, org.attempts("svc@acme.com"));
    }

    @Test
    void aRunThatDiedMidLoginWithAProvenCredentialCountsAsALoginWithoutAVerdict() {
        register("billing-sync", "svc@acme.com", "acme.my.salesforce.com");
        secrets.put("login-doctor/billing-sync", RIGHT);
        org.accept("svc@acme.com", RIGHT);
        run();
        String version = record("billing-sync").credentialVersion();
        // A run claimed the proven version and died before Salesforce answered: the claim counted the try.
        assertTrue(registry().recordProbe(record("billing-sync").claimed(clock.instant(), version)));
        assertEquals(1, record("billing-sync").noVerdictTries());
        clock.advance(ProbeRun.CLAIM_LEASE);

        assertEquals(ProbeOutcome.SKIPPED_NO_VERDICT, run().result("billing-sync").outcome());
        assertEquals(1, org.attempts("svc@acme.com"), "the dead run's login may have reached Salesforce: no second one today");
        clock.advance(Duration.ofDays(1));
        assertEquals(ProbeOutcome.HEALTHY, run().result("billing-sync").outcome());
    }

    @Test
    void aRunThatDiedMidLoginOnTheLastAllowedTryLeavesTheVersionHeld() {
        register("billing-sync", "svc@acme.com", "acme.my.salesforce.com");
        secrets.put("login-doctor/billing-sync", RIGHT);
        org.accept("svc@acme.com", RIGHT);
        run();
        org.unavailable(true);
        run();
        clock.advance(Duration.ofDays(1));
        String version = record("billing-sync").credentialVersion();
        assertTrue(registry().recordProbe(record("billing-sync").claimed(clock.instant(), version)), "the second try, claimed");
        clock.advance(ProbeRun.CLAIM_LEASE);
        org.unavailable(false);

        ProbeSummary.Result result = run().result("billing-sync");
        assertEquals(ProbeOutcome.SKIPPED_UNCHANGED, result.outcome(), result.detail());
        assertEquals(2, org.attempts("svc@acme.com"));
        clock.advance(Duration.ofDays(3));
        assertEquals(ProbeOutcome.SKIPPED_UNCHANGED, run().result("billing-sync").outcome());
        assertEquals(2, org.attempts("svc@acme.com"));
    }

    @Test
    void theNoVerdictRetryIsASettingWithinItsDocumentedBounds() {
        register("billing-sync", "svc@acme.com", "acme.my.salesforce.com");
        secrets.put("login-doctor/billing-sync", RIGHT);
        org.accept("svc@acme.com", RIGHT);
        ProbeSettings hourly = ProbeSettings.DEFAULT.withNoVerdictRetry(Duration.ofHours(1));
        run(hourly, Deadline.unlimited());
        org.unavailable(true);
        run(hourly, Deadline.unlimited());
        assertEquals(ProbeOutcome.SKIPPED_NO_VERDICT, run(hourly, Deadline.unlimited()).result("billing-sync").outcome());
        clock.advance(Duration.ofMinutes(50));
        assertEquals(ProbeOutcome.UNREACHABLE, run(hourly, Deadline.unlimited()).result("billing-sync").outcome(), "an hour after the last");
        assertEquals(3, org.attempts("svc@acme.com"));

        assertThrows(IllegalArgumentException.class, () -> ProbeSettings.DEFAULT.withNoVerdictRetry(Duration.ofMinutes(59)));
        assertThrows(IllegalArgumentException.class, () -> ProbeSettings.DEFAULT.withNoVerdictRetry(Duration.ofDays(8)));
        assertThrows(IllegalArgumentException.class, () -> new ProbeSettings(2, 16, Duration.ZERO, Duration.ofDays(1), 3),
                "three tries without a verdict could meet the lowest lockout threshold");
        assertThrows(IllegalArgumentException.class, () -> new ProbeSettings(2, 16, Duration.ZERO, Duration.ofDays(1), 0));
    }

    @Test
    void noVerdictForANeverProvenCredentialHoldsItUntilItChanges() {
        // The login may have been counted by Salesforce: a second unproven try could push toward lockout.
        register("billing-sync", "svc@acme.com", "acme.my.salesforce.com");
        secrets.put("login-doctor/billing-sync", WRONG);
        org.unavailable(true);
        assertEquals(ProbeOutcome.UNREACHABLE, run().result("billing-sync").outcome());
        org.unavailable(false);
        ProbeSummary.Result second = run().result("billing-sync");
        assertEquals(ProbeOutcome.SKIPPED_UNCHANGED, second.outcome());
        assertTrue(second.detail().contains("no verdict"), second.detail());
        assertEquals(1, org.attempts("svc@acme.com"));
        assertTrue(reports.isEmpty(), "no diagnosis without a real refusal");
        secrets.put("login-doctor/billing-sync", RIGHT);
        org.accept("svc@acme.com", RIGHT);
        assertEquals(ProbeOutcome.HEALTHY, run().result("billing-sync").outcome(), "a rotation is tried once");
    }

    @Test
    void anUnreadableSecretOrADisabledIntegrationSendsNoLogin() {
        register("billing-sync", "svc@acme.com", "acme.my.salesforce.com");
        registry().put(register("orders-sync", "orders@acme.com", "acme.my.salesforce.com").withEnabled(false));
        secrets.put("login-doctor/orders-sync", RIGHT);

        ProbeSummary summary = run();
        assertEquals(ProbeOutcome.CREDENTIAL_UNREADABLE, summary.result("billing-sync").outcome());
        assertTrue(summary.result("billing-sync").detail().contains("login-doctor/billing-sync"));
        assertNull(summary.result("orders-sync"), "disabled integrations are not probed");
        assertEquals(1, summary.enabled());
        assertEquals(0, org.totalAttempts());
    }

    @Test
    void aRunThatFindsAnotherRunsFreshClaimDoesNotLogIn() {
        register("billing-sync", "svc@acme.com", "acme.my.salesforce.com");
        secrets.put("login-doctor/billing-sync", WRONG);
        // Another run claimed it a minute ago and is still logging in.
        assertTrue(registry().recordProbe(ProbeRecord.none("billing-sync").claimed(clock.instant().minusSeconds(60), "v-other")));

        ProbeSummary summary = run();
        assertEquals(ProbeOutcome.SKIPPED_BUSY, summary.result("billing-sync").outcome());
        assertEquals(0, org.attempts("svc@acme.com"));

        // A claim past its lease belongs to a run that died: the integration is probed again.
        clock.advance(ProbeRun.CLAIM_LEASE);
        assertEquals(ProbeOutcome.FAILED, run().result("billing-sync").outcome());
        assertEquals(1, org.attempts("svc@acme.com"));
    }

    @Test
    void aRunThatDiedMidLoginWithAnUnprovenCredentialIsNotFollowedByASecondLogin() {
        register("billing-sync", "svc@acme.com", "acme.my.salesforce.com");
        secrets.put("login-doctor/billing-sync", WRONG);
        String version = new FingerprintedCredentials(secrets::get).read("login-doctor/billing-sync").version();
        // A run claimed this very version and died before Salesforce answered.
        assertTrue(registry().recordProbe(ProbeRecord.none("billing-sync").claimed(clock.instant(), version)));
        clock.advance(ProbeRun.CLAIM_LEASE);

        ProbeSummary.Result result = run().result("billing-sync");
        assertEquals(ProbeOutcome.SKIPPED_UNCHANGED, result.outcome());
        assertEquals(0, org.attempts("svc@acme.com"), "that login may have counted: no second one");
        assertTrue(reports.isEmpty());
    }

    @Test
    void aStaleReadCannotWriteOverAnotherRunsRecord() {
        register("billing-sync", "svc@acme.com", "acme.my.salesforce.com");
        ProbeRecord read = record("billing-sync");
        assertTrue(registry().recordProbe(read.claimed(clock.instant(), "v1")), "the first claim wins");
        assertFalse(registry().recordProbe(read.claimed(clock.instant(), "v1")), "the second, from the same read, loses");
    }

    @Test
    void credentialsNeverReachTheRegistryOrTheSummary() throws Exception {
        register("billing-sync", "svc@acme.com", "acme.my.salesforce.com");
        register("orders-sync", "orders@acme.com", "acme.my.salesforce.com");
        secrets.put("login-doctor/billing-sync", WRONG);
        secrets.put("login-doctor/orders-sync", RIGHT);
        org.accept("orders@acme.com", RIGHT);
        String summaries = Json.MAPPER.writeValueAsString(List.of(run(), run())) + run();
        String stored = Files.readString(dir.resolve("integrations.json"));
        for (String secret : List.of("Autumn2026!Wrong", "Spring2026!Billing", "aK9fT3xQ2mV7pL4sR8wE1zYb")) {
            assertFalse(summaries.contains(secret), "summary holds " + secret);
            assertFalse(stored.contains(secret), "registry holds " + secret);
            assertFalse(reports.toString().contains(secret), "report holds " + secret);
        }
    }
}
