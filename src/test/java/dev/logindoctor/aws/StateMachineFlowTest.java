package dev.logindoctor.aws;

import dev.logindoctor.engine.DiagnosisState;
import dev.logindoctor.engine.EvidenceSources;
import dev.logindoctor.engine.SourceUnavailable;
import dev.logindoctor.json.Json;
import dev.logindoctor.model.Cause;
import dev.logindoctor.model.Diagnosis;
import dev.logindoctor.model.Evidence;
import dev.logindoctor.model.FailureReport;
import dev.logindoctor.model.Finding;
import dev.logindoctor.model.LoginFlow;
import dev.logindoctor.model.OrgEvidence;
import dev.logindoctor.model.ReportedError;
import dev.logindoctor.model.TrustEvidence;
import dev.logindoctor.model.Verdict;
import dev.logindoctor.steps.EliminationStep;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.stream.StreamSupport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The state machine's wiring, executed for real (aws-local-stepfunctions, Node 22) over the real
 * StepHandler and RecordHandler classes and moto's DynamoDB, with scripted steps: where it stops,
 * what Retry and Catch do, what happens when Record itself fails. The real steps against the
 * simulated org are {@link DiagnosisScenariosTest}'s business.
 */
@ExtendWith(MotoServer.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class StateMachineFlowTest {
    private static final FailureReport REPORT = new FailureReport("billing-sync", "https://acme.my.salesforce.com", "integration@acme.com",
            LoginFlow.SOAP, new ReportedError("INVALID_LOGIN", "Invalid username, password, security token; or user locked out."),
            Instant.parse("2026-11-27T10:15:00Z"), "203.0.113.7", null, null, "login-doctor/diagnostics");

    private final List<String> stepNames = StreamSupport.stream(StateMachineDefinition.json().get("States").properties().spliterator(), false)
            .filter(e -> e.getValue().path("Type").asText().equals("Task") && !e.getKey().equals("Record"))
            .map(Map.Entry::getKey).toList();
    private final Map<String, Function<Evidence, Finding>> script = new ConcurrentHashMap<>();
    private final ScriptedSources sources = new ScriptedSources();
    private final String table = "flow-" + UUID.randomUUID();
    private LambdaInvokeServer lambda;
    private LocalStateMachine stateMachine;
    private DynamoDbDiagnosisStore store;

    /** Org evidence that throws SourceUnavailable (as on a throttled org) for the first {@code throttledFetches} requests. */
    private static final class ScriptedSources implements EvidenceSources {
        final AtomicInteger orgFetches = new AtomicInteger();
        volatile int throttledFetches;

        @Override
        public OrgEvidence fetchOrg(FailureReport report) {
            if (orgFetches.incrementAndGet() <= throttledFetches) {
                throw new SourceUnavailable("Salesforce answered 403 REQUEST_LIMIT_EXCEEDED");
            }
            return OrgEvidence.unavailable("scripted", 2);
        }

        @Override
        public TrustEvidence fetchTrust(FailureReport report, OrgEvidence org) {
            return TrustEvidence.unavailable("scripted");
        }
    }

    /** A step whose finding the test scripts; only the first step reads the org, as in the real list. */
    private record ScriptedStep(String name, boolean needsOrg, Function<Evidence, Finding> behaviour) implements EliminationStep {
        @Override
        public Cause cause() {
            return Cause.USER_LOCKED_OUT;
        }

        @Override
        public boolean needsTrust() {
            return false;
        }

        @Override
        public Finding check(Evidence evidence) {
            return behaviour.apply(evidence);
        }
    }

    @BeforeAll
    void start(MotoServer.Moto moto) throws IOException {
        DiagnosisTable.create(moto.dynamoDb(), table);
        store = new DynamoDbDiagnosisStore(moto.api(AwsJsonApi.Service.DYNAMODB), table, Duration.ofDays(1));
        DiagnosisEventsQueue events = new DiagnosisEventsQueue(moto.eventBridge(), moto.sqs(), table);
        lambda = new LambdaInvokeServer();
        for (String name : stepNames) {
            Function<Evidence, Finding> behaviour = evidence -> script.getOrDefault(name, e -> ruledOut(name)).apply(evidence);
            lambda.register(name, new StepHandler(new ScriptedStep(name, name.equals(stepNames.get(0)), behaviour), sources));
        }
        lambda.register("Record", new RecordHandler(store, new DiagnosisEvents(moto.api(AwsJsonApi.Service.EVENTBRIDGE), events.busName),
                new DiagnosisMetrics(new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8)), Clock.systemUTC()));
        stateMachine = new LocalStateMachine(lambda);
    }

    @AfterAll
    void stop() {
        lambda.close();
    }

    @BeforeEach
    void clearScript() {
        script.clear();
        sources.orgFetches.set(0);
        sources.throttledFetches = 0;
        lambda.reset();
    }

    private static Finding ruledOut(String step) {
        return Finding.ruledOut(step, Cause.USER_LOCKED_OUT, List.of("scripted: ruled out"));
    }

    private LocalStateMachine.Execution run(String executionName) {
        return stateMachine.run(Json.MAPPER.valueToTree(DiagnosisState.start(REPORT, Instant.now())), executionName);
    }

    private Diagnosis stored(String executionName) {
        return store.queryByIntegration("billing-sync", 100).stream()
                .filter(d -> d.diagnosisId().equals(executionName)).findFirst().orElseThrow();
    }

    private List<String> tasks() {
        List<String> tasks = new ArrayList<>(stepNames);
        tasks.add("Record");
        return tasks;
    }

    @Test
    void theStepListIsTheOneTheContractNames() {
        assertEquals(List.of("CheckUsername", "CheckSecurityToken", "CheckIpRestriction", "CheckLockout", "CheckMaintenance", "CheckMfa",
                "CheckFrozen", "CheckInactive", "CheckOrgStatus", "CheckClientSupport", "CheckApiAccess", "CheckPasswordExpiry",
                "CheckLoginHours", "CheckLoginFlow", "CheckLoginRate", "CheckLoginEndpoint",
                "CheckConnectedAppApproval", "CheckJwtAssertion", "CheckDelegatedAuth",
                "CheckRefreshToken", "CheckConnectedAppClient", "CheckConnectedAppAccess", "CheckMyDomainLogin", "CheckPassword"), stepNames);
    }

    @Test
    void aConfirmedStepEndsTheRunAtRecord() {
        script.put("CheckLockout", e -> Finding.confirmed("CheckLockout", Cause.USER_LOCKED_OUT, List.of("IsPasswordLocked"), "Unlock"));
        LocalStateMachine.Execution execution = run("confirmed-run");

        assertEquals("SUCCEEDED", execution.status(), execution.cause());
        assertEquals(List.of("CheckUsername", "CheckSecurityToken", "CheckIpRestriction", "CheckLockout", "Record"),
                execution.tasksEntered(tasks()));
        assertEquals("USER_LOCKED_OUT", execution.output().get("cause").asText());
        assertEquals("CheckLockout", execution.output().get("confirmedBy").asText());
        Diagnosis stored = stored("confirmed-run");
        assertEquals(Cause.USER_LOCKED_OUT, stored.cause());
        assertEquals(4, stored.findings().size());
        assertEquals(1, sources.orgFetches.get(), "evidence fetched once, then handed on in the state");
    }

    @Test
    void withoutAConfirmationEveryStepRunsAndTheDiagnosisIsUndetermined() {
        LocalStateMachine.Execution execution = run("undetermined-run");
        assertEquals("SUCCEEDED", execution.status(), execution.cause());
        assertEquals(tasks(), execution.tasksEntered(tasks()));
        assertEquals(Cause.UNDETERMINED, stored("undetermined-run").cause());
        assertEquals(stepNames.size(), stored("undetermined-run").findings().size());
    }

    @Test
    void aStepThatThrowsIsCaughtAndTheNextStepRecordsIt() {
        script.put("CheckSecurityToken", e -> {
            throw new IllegalStateException("the step tripped over its own evidence");
        });
        script.put("CheckMfa", e -> Finding.confirmed("CheckMfa", Cause.MFA_REQUIRED, List.of("Multi-factor required"), "API Only User"));
        LocalStateMachine.Execution execution = run("caught-run");

        assertEquals("SUCCEEDED", execution.status(), execution.cause());
        assertEquals(1, execution.count("StateEntered", "CheckSecurityToken"), "an error that is not ours to retry is not retried");
        assertEquals(1, execution.count("StateCaught", "CheckSecurityToken"));
        assertEquals(1, execution.count("StateEntered", "CheckSecurityTokenFailed"));
        Diagnosis stored = stored("caught-run");
        assertEquals(Cause.MFA_REQUIRED, stored.cause(), "the diagnosis still completes with the later confirmation");
        Finding caught = stored.findings().get(1);
        assertEquals("CheckSecurityToken", caught.step());
        assertEquals(Verdict.INCONCLUSIVE, caught.verdict());
        assertEquals(List.of("the step could not run: IllegalStateException: the step tripped over its own evidence"), caught.evidence());
    }

    @Test
    void aThrottledOrgIsAskedOnceMoreByTheNextStepNotByAStateMachineRetryThatWouldForgetTheCount() {
        sources.throttledFetches = 1;
        LocalStateMachine.Execution execution = run("throttled-once-run");
        assertEquals("SUCCEEDED", execution.status(), execution.cause());
        assertEquals(0, execution.count("StateRetried", "CheckUsername"));
        assertEquals(0, execution.count("StateCaught", "CheckUsername"));
        assertTrue(sources.orgFetches.get() >= 1 && sources.orgFetches.get() <= 2, "fetches: " + sources.orgFetches.get());
        assertEquals("CheckUsername", stored("throttled-once-run").findings().get(0).step());
    }

    @Test
    void throttlingThatPersistsIsAskedTwiceThenTheOrgIsUnavailable() {
        sources.throttledFetches = 100;
        LocalStateMachine.Execution execution = run("throttled-run");
        assertEquals("SUCCEEDED", execution.status(), execution.cause());
        assertEquals(0, execution.count("StateRetried", "CheckUsername"), "no retry with the old count");
        assertEquals(0, execution.count("StateCaught", "CheckUsername"));
        assertTrue(sources.orgFetches.get() <= 2, "each try spends org requests: two at most, not " + sources.orgFetches.get());
        Finding first = stored("throttled-run").findings().get(0);
        assertEquals("CheckUsername", first.step());
    }

    @Test
    void theStateStaysFarBelowTheStepFunctionsLimit() {
        run("size-run");
        int largest = lambda.invocations().stream().mapToInt(i -> Math.max(i.request().length(), i.response().length())).max().orElseThrow();
        assertTrue(largest > 0 && largest < 256 * 1024, "largest state " + largest + " bytes");
    }

    @Test
    void aRecordThatKeepsFailingFailsTheExecutionSoTheAlarmFires() throws IOException {
        AtomicInteger attempts = new AtomicInteger();
        try (LambdaInvokeServer broken = new LambdaInvokeServer()) {
            for (String name : stepNames) {
                broken.register(name, new StepHandler(new ScriptedStep(name, false, e -> ruledOut(name)), sources));
            }
            broken.register("Record", (in, out, context) -> {
                attempts.incrementAndGet();
                throw new IllegalStateException("DynamoDB is unreachable");
            });
            LocalStateMachine.Execution execution = new LocalStateMachine(broken).run(
                    Json.MAPPER.valueToTree(DiagnosisState.start(REPORT, Instant.now())), "record-fails");
            assertEquals("FAILED", execution.status());
            assertEquals("java.lang.IllegalStateException", execution.error());
            assertEquals(5, attempts.get(), "one try and four retries");
        }
    }
}
