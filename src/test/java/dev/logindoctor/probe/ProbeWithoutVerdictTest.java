package dev.logindoctor.probe;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A login that got no verdict (timeout, 5xx, garbled answer) may have counted as a wrong attempt: how
 * often the probe may log in again with that credential version, on a fake clock.
 */
class ProbeWithoutVerdictTest extends ProbeRunFixture {
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

}
