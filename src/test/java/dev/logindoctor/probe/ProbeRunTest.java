package dev.logindoctor.probe;

import dev.logindoctor.json.Json;
import dev.logindoctor.model.FailureReport;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The probe's rules over a real local registry file, with the login clients and Trust stood in for. */
class ProbeRunTest extends ProbeRunFixture {
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

