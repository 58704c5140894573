package dev.logindoctor.probe;

import dev.logindoctor.salesforce.AccessToken;
import dev.logindoctor.salesforce.LoginRejected;
import dev.logindoctor.salesforce.LoginSuccess;
import dev.logindoctor.salesforce.SalesforceUnavailable;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Stands in for the Salesforce login clients in the probe's logic tests: a login succeeds when the
 * credential is the one the "org" expects for that username, and every attempt is counted the way
 * the simulated org's /_sim/attempts counts them. It also records the most logins in flight per org,
 * and can hold logins inside until the test releases them (a latch, not a sleep).
 */
public final class FakeOrgLogins implements ProbeLogin {
    private final Map<String, String> accepted = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> attempts = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> inFlight = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> mostInFlight = new ConcurrentHashMap<>();
    private final AtomicInteger mostInFlightEverywhere = new AtomicInteger();
    private final AtomicInteger inFlightEverywhere = new AtomicInteger();
    private final Semaphore entered = new Semaphore(0);
    private volatile CountDownLatch gate;
    private volatile boolean unavailable;

    public void accept(String username, String credential) {
        accepted.put(username, credential);
    }

    public void unavailable(boolean on) {
        unavailable = on;
    }

    /** From now on every login waits inside the "org" until {@link #releaseLogins()}, so a test sees them in flight together. */
    void holdLogins() {
        gate = new CountDownLatch(1);
    }

    /** Waits until {@code n} logins have entered the org since it started holding them; false after {@code timeout}. */
    boolean awaitLoginsInFlight(int n, Duration timeout) throws InterruptedException {
        return entered.tryAcquire(n, timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    void releaseLogins() {
        gate.countDown();
    }

    public int attempts(String username) {
        AtomicInteger n = attempts.get(username);
        return n == null ? 0 : n.get();
    }

    public int totalAttempts() {
        return attempts.values().stream().mapToInt(AtomicInteger::get).sum();
    }

    int mostInFlight(String orgKey) {
        AtomicInteger n = mostInFlight.get(orgKey);
        return n == null ? 0 : n.get();
    }

    int mostInFlightEverywhere() {
        return mostInFlightEverywhere.get();
    }

    @Override
    public LoginSuccess login(Integration integration, String credential) {
        attempts.computeIfAbsent(integration.username(), k -> new AtomicInteger()).incrementAndGet();
        AtomicInteger org = inFlight.computeIfAbsent(integration.orgKey(), k -> new AtomicInteger());
        mostInFlight.computeIfAbsent(integration.orgKey(), k -> new AtomicInteger()).accumulateAndGet(org.incrementAndGet(), Math::max);
        mostInFlightEverywhere.accumulateAndGet(inFlightEverywhere.incrementAndGet(), Math::max);
        try {
            entered.release();
            CountDownLatch held = gate;
            if (held != null && !held.await(30, TimeUnit.SECONDS)) {
                throw new SalesforceUnavailable("the test never released the held logins");
            }
            if (unavailable) {
                throw new SalesforceUnavailable("SOAP login to " + integration.orgKey() + " timed out after 15 s");
            }
            if (!credential.equals(accepted.get(integration.username()))) {
                throw new LoginRejected("INVALID_LOGIN", "Invalid username, password, security token; or user locked out.", 500);
            }
            return new LoginSuccess(integration.loginUrl(), "0055g00000Ab1CdAAJ", "00D5g000004SxQlEAK", false, false,
                    new AccessToken("00D5g000004SxQl!AQ4AQFakeSessionForTests"));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SalesforceUnavailable("interrupted");
        } finally {
            org.decrementAndGet();
            inFlightEverywhere.decrementAndGet();
        }
    }
}
