package dev.logindoctor.aws;

import dev.logindoctor.probe.Deadline;
import dev.logindoctor.probe.Integration;
import dev.logindoctor.probe.IntegrationRegistry;
import dev.logindoctor.probe.MaintenanceCheck;
import dev.logindoctor.probe.ProbeOutcome;
import dev.logindoctor.probe.ProbeRecord;
import dev.logindoctor.probe.ProbeRun;
import dev.logindoctor.probe.ProbeSettings;
import dev.logindoctor.probe.ProbeSummary;
import dev.logindoctor.probe.RegisteredIntegration;
import dev.logindoctor.probe.RiskRecord;
import dev.logindoctor.probe.SalesforceProbeLogin;
import dev.logindoctor.salesforce.HttpTransport;
import dev.logindoctor.sim.FaultSpec;
import dev.logindoctor.sim.IntegrationSpec;
import dev.logindoctor.sim.SimulatedOrg;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.BrokenBarrierException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Two probe runs at once (the schedule and a manual run, two Lambda invocations overlapping), each
 * with its own DynamoDB client on moto's table, logging in to the simulated org over HTTP. Both
 * runs are held until each has read the registry, then both send their claim at the same moment:
 * the conditional write lets exactly one log in, and the org counts that one. The moto here handles
 * one request at a time, as DynamoDB applies conditional writes to an item atomically
 * ({@link MotoServer#startOneRequestAtATime()} says why the shared, threaded one cannot).
 */
class ProbeRunsRacingOnMotoTest {
    private static final int ROUNDS = 20;
    private static MotoServer.Running server;

    private final String run = UUID.randomUUID().toString().substring(0, 8);
    private final String table = "login-doctor-race-" + run;
    private final String prefix = "login-doctor-" + run + "/";
    private final MotoServer.Moto moto = server.moto;
    private final AtomicInteger diagnosesStarted = new AtomicInteger();

    @BeforeAll
    static void startMoto() {
        server = MotoServer.startOneRequestAtATime();
    }

    @AfterAll
    static void stopMoto() throws InterruptedException {
        server.close();
    }

    ProbeRunsRacingOnMotoTest() {
        DiagnosisTable.create(moto.dynamoDb(), table);
    }

    private Integration register(SimulatedOrg org) {
        IntegrationSpec spec = org.scenario().integration();
        moto.secretsManager().createSecret(c -> c.name(prefix + spec.integrationId()).secretString(org.integrationSecretJson()));
        Integration integration = new Integration(spec.integrationId(), org.baseUrl(), spec.username(), spec.flow(),
                prefix + spec.integrationId(), prefix + "diagnostics", null, true);
        new DynamoDbIntegrationRegistry(moto.api(AwsJsonApi.Service.DYNAMODB), table).put(integration);
        return integration;
    }

    /** One probe run as a Lambda invocation would build it: its own clients, the real table, the real login. */
    private ProbeRun invocation(SimulatedOrg org, IntegrationRegistry registry) {
        Clock clock = org.clock().asClock();
        return new ProbeRun(registry, new SecretsManagerCredentialStore(moto::secrets, prefix),
                new SalesforceProbeLogin(new HttpTransport(), clock), MaintenanceCheck.never(), report -> {
                    diagnosesStarted.incrementAndGet();
                    return "arn:aws:states:us-east-1:123456789012:execution:login-doctor:" + report.integrationId();
                }, clock, ProbeSettings.DEFAULT);
    }

    /** Starts two runs on a latch and returns both summaries. */
    private List<ProbeSummary> twoRunsAtOnce(SimulatedOrg org) throws Exception {
        CyclicBarrier read = new CyclicBarrier(2);
        CyclicBarrier claim = new CyclicBarrier(2);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<ProbeSummary>> runs = new ArrayList<>();
        try (ExecutorService threads = Executors.newFixedThreadPool(2)) {
            for (int i = 0; i < 2; i++) {
                ProbeRun probe = invocation(org, new RacingRegistry(new DynamoDbIntegrationRegistry(moto.api(AwsJsonApi.Service.DYNAMODB), table), read, claim));
                runs.add(threads.submit(() -> {
                    start.await();
                    return probe.run(Deadline.unlimited());
                }));
            }
            start.countDown();
            List<ProbeSummary> summaries = new ArrayList<>();
            for (Future<ProbeSummary> r : runs) {
                summaries.add(r.get(60, TimeUnit.SECONDS));
            }
            return summaries;
        }
    }

    private static List<ProbeOutcome> outcomes(List<ProbeSummary> runs, String id) {
        return runs.stream().map(s -> s.result(id).outcome()).sorted().toList();
    }

    @Test
    void twoRunsStartedTogetherLogInOnceEachRoundAndTheOtherStandsAside() throws Exception {
        try (SimulatedOrg org = SimulatedOrg.start("healthy")) {
            Integration integration = register(org);
            for (int round = 1; round <= ROUNDS; round++) {
                List<ProbeSummary> runs = twoRunsAtOnce(org);
                assertEquals(List.of(ProbeOutcome.HEALTHY, ProbeOutcome.SKIPPED_BUSY), outcomes(runs, integration.id()), "round " + round);
                assertEquals(round, org.attempts(integration.username()).attempts(), "logins the org saw after round " + round);
                org.clock().advance(Duration.ofMinutes(15));
            }
            assertEquals(ROUNDS, org.requestCounts().soap() + org.requestCounts().token(), "one login request per round");
        }
    }

    @Test
    void twoRunsStartedTogetherOverAWrongPasswordSendOneLoginAndStartOneDiagnosis() throws Exception {
        try (SimulatedOrg org = SimulatedOrg.start("wrong-password")) {
            Integration integration = register(org);
            assertEquals(List.of(ProbeOutcome.FAILED, ProbeOutcome.SKIPPED_BUSY), outcomes(twoRunsAtOnce(org), integration.id()));
            org.clock().advance(Duration.ofMinutes(15));
            assertEquals(List.of(ProbeOutcome.SKIPPED_UNCHANGED, ProbeOutcome.SKIPPED_UNCHANGED), outcomes(twoRunsAtOnce(org), integration.id()));
            assertEquals(1, org.attempts(integration.username()).attempts());
            assertEquals(1, org.attempts(integration.username()).failed());
            assertEquals(1, diagnosesStarted.get());
        }
    }

    @Test
    void aVersionThatGotNoVerdictIsRetriedADayLaterByOneOfTwoRacingRunsAndThenHeld() throws Exception {
        try (SimulatedOrg org = SimulatedOrg.start("healthy")) {
            Integration integration = register(org);
            String kind = integration.flow().name().equals("SOAP") ? "soap" : "token";
            assertEquals(List.of(ProbeOutcome.HEALTHY, ProbeOutcome.SKIPPED_BUSY), outcomes(twoRunsAtOnce(org), integration.id()));

            // Salesforce answers the next login with a 503: no verdict.
            org.addFault(new FaultSpec(kind, "status", null, 503, null, 1));
            org.clock().advance(Duration.ofMinutes(15));
            assertEquals(List.of(ProbeOutcome.SKIPPED_BUSY, ProbeOutcome.UNREACHABLE), outcomes(twoRunsAtOnce(org), integration.id()));
            for (int i = 0; i < 4; i++) {
                org.clock().advance(Duration.ofMinutes(15));
                assertEquals(List.of(ProbeOutcome.SKIPPED_NO_VERDICT, ProbeOutcome.SKIPPED_NO_VERDICT), outcomes(twoRunsAtOnce(org), integration.id()));
            }
            assertEquals(2, requests(org, kind), "the healthy login and the one without a verdict");

            // A day later exactly one of the two runs retries; no verdict again, so the version is held.
            org.addFault(new FaultSpec(kind, "status", null, 503, null, 1));
            org.clock().advance(Duration.ofDays(1));
            assertEquals(List.of(ProbeOutcome.SKIPPED_BUSY, ProbeOutcome.UNREACHABLE), outcomes(twoRunsAtOnce(org), integration.id()));
            assertEquals(3, requests(org, kind));
            org.clock().advance(Duration.ofDays(2));
            assertEquals(List.of(ProbeOutcome.SKIPPED_UNCHANGED, ProbeOutcome.SKIPPED_UNCHANGED), outcomes(twoRunsAtOnce(org), integration.id()));
            assertEquals(3, requests(org, kind), "held: nothing more sent, though Salesforce answers again");
            assertEquals(1, org.attempts(integration.username()).attempts(), "the two 503s never reached the org's login logic");
        }
    }

    private static int requests(SimulatedOrg org, String kind) {
        return kind.equals("soap") ? org.requestCounts().soap() : org.requestCounts().token();
    }

    /**
     * The real registry, holding each run at the two points where overlapping runs race: after it has
     * read the registry, and just before it sends its claim.
     */
    private static final class RacingRegistry implements IntegrationRegistry {
        private final IntegrationRegistry real;
        private final CyclicBarrier read;
        private final CyclicBarrier claim;

        RacingRegistry(IntegrationRegistry real, CyclicBarrier read, CyclicBarrier claim) {
            this.real = real;
            this.read = read;
            this.claim = claim;
        }

        @Override
        public List<RegisteredIntegration> list() {
            List<RegisteredIntegration> all = real.list();
            meet(read);
            return all;
        }

        @Override
        public boolean recordProbe(ProbeRecord next) {
            if (next.outcome() == ProbeOutcome.PROBING) {
                meet(claim);
            }
            return real.recordProbe(next);
        }

        private static void meet(CyclicBarrier barrier) {
            try {
                barrier.await(20, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            } catch (BrokenBarrierException | TimeoutException e) {
                throw new AssertionError("the other run never got there", e);
            }
        }

        @Override
        public Optional<RegisteredIntegration> find(String integrationId) {
            return real.find(integrationId);
        }

        @Override
        public void put(Integration integration) {
            real.put(integration);
        }

        @Override
        public boolean remove(String integrationId) {
            return real.remove(integrationId);
        }

        @Override
        public Optional<RiskRecord> risks(String integrationId) {
            return real.risks(integrationId);
        }

        @Override
        public void recordRisks(RiskRecord risks) {
            real.recordRisks(risks);
        }
    }
}
