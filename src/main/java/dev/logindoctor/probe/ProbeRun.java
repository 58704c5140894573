package dev.logindoctor.probe;

import dev.logindoctor.engine.SecretResolver.SecretUnavailable;
import dev.logindoctor.model.FailureReport;
import dev.logindoctor.salesforce.LoginRejected;
import dev.logindoctor.salesforce.SalesforceException;
import dev.logindoctor.salesforce.UnusableCredentials;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * One scheduled pass of the health probe over the enabled integrations, oldest-probed first.
 * <ul>
 *   <li>An org whose instance Trust shows in maintenance is skipped whole (one Trust lookup per org).</li>
 *   <li>Each integration's credential is read with its version. If the last login with that same version
 *       was refused, no login is sent ("skipped: credential unchanged since it failed"): every wrong try
 *       counts toward the user's lockout. A new version (a rotation) is tried once.</li>
 *   <li>Otherwise exactly one login, with the integration's own flow; a refusal becomes a failure report
 *       and a diagnosis. Nothing is ever retried within a run.</li>
 *   <li>Before a login the run claims the integration with a conditional write of its probe record, so
 *       two overlapping runs never both log in.</li>
 *   <li>At most {@link ProbeSettings#maxPerOrg()} logins per org at once; no integration is started with
 *       less than {@link ProbeSettings#reserve()} left: the rest are left for the next run.</li>
 * </ul>
 */
public final class ProbeRun {
    static final String UNCHANGED = "skipped: credential unchanged since it failed";
    /**
     * How long a claim keeps other runs away: longer than any Lambda run (15 min). A claim older than
     * this belongs to a run that died mid-login; whether that login failed is unknown, so only a version that
     * has logged in before is tried again (an unproven one was held as tried when it was claimed).
     */
    static final Duration CLAIM_LEASE = Duration.ofMinutes(20);

    private final IntegrationRegistry registry;
    private final CredentialStore credentials;
    private final ProbeLogin login;
    private final MaintenanceCheck maintenance;
    private final DiagnosisStarter diagnoses;
    private final Clock clock;
    private final ProbeSettings settings;
    private final RiskWatch risks;

    public ProbeRun(IntegrationRegistry registry, CredentialStore credentials, ProbeLogin login,
                    MaintenanceCheck maintenance, DiagnosisStarter diagnoses, Clock clock, ProbeSettings settings) {
        this(registry, credentials, login, maintenance, diagnoses, clock, settings, null);
    }

    /** With a risk check after every healthy login ({@code risks} null: none). */
    public ProbeRun(IntegrationRegistry registry, CredentialStore credentials, ProbeLogin login,
                    MaintenanceCheck maintenance, DiagnosisStarter diagnoses, Clock clock, ProbeSettings settings, RiskWatch risks) {
        this.risks = risks;
        this.registry = registry;
        this.credentials = credentials;
        this.login = login;
        this.maintenance = maintenance;
        this.diagnoses = diagnoses;
        this.clock = clock;
        this.settings = settings;
    }

    public ProbeSummary run(Deadline deadline) {
        Instant started = clock.instant();
        List<RegisteredIntegration> due = registry.list().stream()
                .filter(r -> r.integration().enabled())
                .sorted(OLDEST_FIRST)
                .toList();
        Map<String, OrgStatus> orgs = new HashMap<>();
        for (RegisteredIntegration r : due) {
            orgs.computeIfAbsent(r.integration().orgKey(), k -> new OrgStatus(r.integration()));
        }
        Map<String, ProbeSummary.Result> results = new ConcurrentHashMap<>();
        List<String> notReached = new ArrayList<>();
        Slots slots = new Slots();
        List<RegisteredIntegration> pending = new ArrayList<>(due);
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            while (!pending.isEmpty()) {
                RegisteredIntegration next = slots.takeOldestStartable(pending);
                if (deadline.remainingMillis() < settings.reserve().toMillis()) {
                    slots.release(next);
                    notReached.add(next.integration().id());
                    pending.forEach(r -> notReached.add(r.integration().id()));
                    break;
                }
                pool.submit(() -> {
                    try {
                        results.put(next.integration().id(), probe(next, orgs.get(next.integration().orgKey())));
                    } catch (RuntimeException e) {
                        // A registry or store failure for one integration must not stop the others.
                        results.put(next.integration().id(), new ProbeSummary.Result(next.integration().id(),
                                ProbeOutcome.UNREACHABLE, "probe error: " + e.getClass().getSimpleName() + ": " + e.getMessage(), null));
                    } finally {
                        slots.release(next);
                    }
                });
            }
        }
        List<ProbeSummary.Result> ordered = new ArrayList<>();
        for (RegisteredIntegration r : due) {
            ProbeSummary.Result result = results.get(r.integration().id());
            if (result != null) {
                ordered.add(result);
            }
        }
        Collections.sort(notReached);
        return new ProbeSummary(started, Duration.between(started, clock.instant()).toMillis(), due.size(), ordered, notReached);
    }

    private static final Comparator<RegisteredIntegration> OLDEST_FIRST = Comparator
            .comparing((RegisteredIntegration r) -> r.lastProbe().probedAt(), Comparator.nullsFirst(Comparator.naturalOrder()))
            .thenComparing(r -> r.integration().id());

    /**
     * Login slots: at most maxConcurrent in flight, at most maxPerOrg per org. The dispatcher always
     * starts the oldest pending integration whose org has a free slot, so an org at its bound never
     * holds up the others, and a run cut short by the deadline has done the oldest first.
     */
    private final class Slots {
        private final ReentrantLock lock = new ReentrantLock();
        private final Condition freed = lock.newCondition();
        private final Map<String, Integer> perOrg = new HashMap<>();
        private int inFlight;

        RegisteredIntegration takeOldestStartable(List<RegisteredIntegration> pending) {
            lock.lock();
            try {
                while (true) {
                    if (inFlight < settings.maxConcurrent()) {
                        for (int i = 0; i < pending.size(); i++) {
                            String org = pending.get(i).integration().orgKey();
                            if (perOrg.getOrDefault(org, 0) < settings.maxPerOrg()) {
                                perOrg.merge(org, 1, Integer::sum);
                                inFlight++;
                                return pending.remove(i);
                            }
                        }
                    }
                    freed.awaitUninterruptibly();
                }
            } finally {
                lock.unlock();
            }
        }

        void release(RegisteredIntegration done) {
            lock.lock();
            try {
                perOrg.merge(done.integration().orgKey(), -1, Integer::sum);
                inFlight--;
                freed.signalAll();
            } finally {
                lock.unlock();
            }
        }
    }

    private ProbeSummary.Result probe(RegisteredIntegration entry, OrgStatus status) {
        Integration integration = entry.integration();
        ProbeRecord last = entry.lastProbe();
        Optional<String> down = status.maintenance();
        if (down.isPresent()) {
            return write(last.looked(clock.instant(), ProbeOutcome.SKIPPED_MAINTENANCE, "skipped: " + down.get()));
        }
        VersionedSecret secret;
        try {
            secret = credentials.read(integration.credentialSecret());
        } catch (SecretUnavailable e) {
            return write(last.looked(clock.instant(), ProbeOutcome.CREDENTIAL_UNREADABLE, e.getMessage()));
        }
        // A fresh claim first: its run is still logging in, and writing now would lose its answer.
        if (last.outcome() == ProbeOutcome.PROBING && last.probedAt() != null
                && clock.instant().isBefore(last.probedAt().plus(CLAIM_LEASE))) {
            return new ProbeSummary.Result(integration.id(), ProbeOutcome.SKIPPED_BUSY,
                    "skipped: another probe run is logging in (claimed at " + last.probedAt().truncatedTo(ChronoUnit.SECONDS) + ")",
                    last.diagnosis());
        }
        if (last.failedWith(secret.version())) {
            return write(skipUnchanged(integration, last, secret));
        }
        ProbeRecord claim = last.claimed(clock.instant(), secret.version());
        if (!registry.recordProbe(claim)) {
            return new ProbeSummary.Result(integration.id(), ProbeOutcome.SKIPPED_BUSY,
                    "skipped: another probe run claimed it first", last.diagnosis());
        }
        return write(loginOnce(integration, claim, secret, last.provenGood(secret.version())));
    }

    /** No login. If the diagnosis for that failure could not be started before, start it now from what was stored. */
    private ProbeRecord skipUnchanged(Integration integration, ProbeRecord last, VersionedSecret secret) {
        String why = last.errorCode() == null
                ? UNCHANGED + " (its only login got no verdict from Salesforce, and may have counted toward lockout)"
                : UNCHANGED + " (" + last.errorCode() + " at "
                + (last.failedAt() == null ? "an unknown time" : last.failedAt().truncatedTo(ChronoUnit.SECONDS)) + ")";
        ProbeRecord skipped = last.looked(clock.instant(), ProbeOutcome.SKIPPED_UNCHANGED, why);
        if (last.diagnosis() != null || last.failedAt() == null) {
            return skipped;
        }
        FailureReport report = ProbeFailureReport.of(integration, last.errorCode(), last.errorDescription(), last.failedAt(),
                secret.createdAt());
        try {
            return skipped.withDiagnosis(diagnoses.start(report));
        } catch (RuntimeException e) {
            return last.looked(clock.instant(), ProbeOutcome.SKIPPED_UNCHANGED, why + "; " + notStarted(e));
        }
    }

    private ProbeRecord loginOnce(Integration integration, ProbeRecord claim, VersionedSecret secret, boolean versionProven) {
        String version = secret.version();
        try {
            login.login(integration, secret.value());
            ProbeRecord healthy = claim.healthy(clock.instant(), version);
            return risks == null ? healthy : healthy.withDetail(healthy.detail() + "; " + riskCheck(integration, secret));
        } catch (LoginRejected e) {
            Instant failedAt = clock.instant();
            String said = e.code() + (e.description() == null || e.description().isBlank() ? "" : ": " + e.description());
            FailureReport report = ProbeFailureReport.of(integration, e.code(), e.description(), failedAt, secret.createdAt());
            try {
                String diagnosis = diagnoses.start(report);
                return claim.failed(failedAt, version, e.code(), e.description(), diagnosis, "login refused: " + said);
            } catch (RuntimeException notStarted) {
                return claim.failed(failedAt, version, e.code(), e.description(), null,
                        "login refused: " + said + "; " + notStarted(notStarted));
            }
        } catch (UnusableCredentials e) {
            return claim.looked(clock.instant(), ProbeOutcome.CREDENTIAL_UNUSABLE, e.getMessage());
        } catch (SalesforceException e) {
            return claim.unreachable(clock.instant(), version, "no verdict from Salesforce: " + e.getMessage(), versionProven);
        } catch (RuntimeException e) {
            // Whether a login went out is unknown: only a version that has logged in before is tried again.
            return claim.unreachable(clock.instant(), version, "login error: " + e.getClass().getSimpleName() + ": " + e.getMessage(),
                    versionProven);
        }
    }

    /** The risk check after a healthy login: no login of its own; its failure never changes the login's outcome. */
    private String riskCheck(Integration integration, VersionedSecret secret) {
        try {
            return risks.afterHealthyLogin(integration, secret);
        } catch (RuntimeException e) {
            return "risk check failed: " + e.getClass().getSimpleName() + ": " + e.getMessage();
        }
    }

    private static String notStarted(RuntimeException e) {
        return "diagnosis not started (" + e.getClass().getSimpleName() + ": " + e.getMessage()
                + "); the next run starts it without logging in";
    }

    private ProbeSummary.Result write(ProbeRecord next) {
        boolean written = registry.recordProbe(next);
        String detail = written ? next.detail() : next.detail() + " (not recorded: another run wrote this integration's record first)";
        return new ProbeSummary.Result(next.integrationId(), next.outcome(), detail, next.diagnosis());
    }

    /** The org's Trust status, asked once per run by whichever of its workers gets there first. */
    private final class OrgStatus {
        private final Integration representative;
        // A lock, not synchronized: on Java 21 a virtual thread blocking inside synchronized pins its carrier.
        private final ReentrantLock lock = new ReentrantLock();
        private Optional<String> answer;

        OrgStatus(Integration representative) {
            this.representative = representative;
        }

        Optional<String> maintenance() {
            lock.lock();
            try {
                if (answer == null) {
                    try {
                        answer = maintenance.maintenance(representative);
                    } catch (RuntimeException e) {
                        answer = Optional.empty();
                    }
                }
                return answer;
            } finally {
                lock.unlock();
            }
        }
    }
}
