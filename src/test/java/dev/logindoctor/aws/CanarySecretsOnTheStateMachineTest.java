package dev.logindoctor.aws;

import dev.logindoctor.engine.DiagnosisState;
import dev.logindoctor.engine.EvidenceSources;
import dev.logindoctor.engine.StepOrder;
import dev.logindoctor.json.Json;
import dev.logindoctor.model.Cause;
import dev.logindoctor.model.Diagnosis;
import dev.logindoctor.model.FailureReport;
import dev.logindoctor.model.ReportedError;
import dev.logindoctor.salesforce.HttpTransport;
import dev.logindoctor.salesforce.SalesforceEvidenceSources;
import dev.logindoctor.salesforce.TokenCache;
import dev.logindoctor.sim.CanaryScenario;
import dev.logindoctor.sim.FaultProxy;
import dev.logindoctor.sim.IntegrationSpec;
import dev.logindoctor.sim.Leaks;
import dev.logindoctor.sim.SimIntegration;
import dev.logindoctor.sim.SimulatedOrg;
import dev.logindoctor.sim.TransportFault;
import dev.logindoctor.steps.EliminationStep;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Canary secrets on the AWS path with real engines: the integration's and the diagnostics
 * connection's secrets (canaries, in moto's Secrets Manager) and canary session tokens handed out
 * by a {@link FaultProxy}; the state machine (aws-local-stepfunctions) runs the real step handlers
 * and Record (moto's DynamoDB and EventBridge), with the org answering right or failing and echoing
 * what it was sent. No canary, secret or token may reach a state document passed between steps, the
 * execution's output or history, a log line, a DynamoDB item, an event or a metric, and the
 * diagnosis must count exactly the org requests the proxy saw.
 */
@ExtendWith(MotoServer.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CanarySecretsOnTheStateMachineTest {
    private static final String PREFIX = "login-doctor/";

    @TempDir
    static Path dir;

    private final List<String> stepNames = StepOrder.steps().stream().map(EliminationStep::name).toList();
    private final String table = "canaries-" + UUID.randomUUID();
    private final ByteArrayOutputStream metrics = new ByteArrayOutputStream();
    private final StringBuffer stepLogs = new StringBuffer();
    private SecretsManagerClient secretsManager;
    private DynamoDbClient dynamoDb;
    private DynamoDbDiagnosisStore store;
    private DiagnosisEventsQueue events;
    private LambdaInvokeServer lambda;
    private LocalStateMachine stateMachine;
    private SimulatedOrg sim;
    private FaultProxy proxy;
    private String diagnosticsSecret;
    private String credentialSecret;
    private final List<String> secrets = new ArrayList<>(CanaryScenario.VALUES);

    private MotoServer.Moto moto;

    @BeforeAll
    void start(MotoServer.Moto moto) throws IOException {
        this.moto = moto;
        secretsManager = moto.secretsManager();
        dynamoDb = moto.dynamoDb();
        DiagnosisTable.create(dynamoDb, table);
        store = new DynamoDbDiagnosisStore(moto.api(AwsJsonApi.Service.DYNAMODB), table, Duration.ofDays(30));
        events = new DiagnosisEventsQueue(moto.eventBridge(), moto.sqs(), table);
        lambda = new LambdaInvokeServer();
        lambda.register("Record", new RecordHandler(store, new DiagnosisEvents(moto.api(AwsJsonApi.Service.EVENTBRIDGE), events.busName),
                new DiagnosisMetrics(new PrintStream(metrics, true, StandardCharsets.UTF_8)), Clock.systemUTC()));
        stateMachine = new LocalStateMachine(lambda);

        sim = SimulatedOrg.start(CanaryScenario.write(dir));
        proxy = FaultProxy.inFrontOf(sim).canarySessions("CANARYsession");
        IntegrationSpec spec = sim.scenario().integration();
        diagnosticsSecret = PREFIX + "canaries/diagnostics-" + UUID.randomUUID();
        secretsManager.createSecret(c -> c.name(diagnosticsSecret).secretString(sim.diagnosticsSecretJson()));
        credentialSecret = PREFIX + "canaries/credential-" + UUID.randomUUID();
        secretsManager.createSecret(c -> c.name(credentialSecret).secretString(sim.integrationSecretJson()));
        String key = Json.MAPPER.readTree(sim.diagnosticsSecretJson()).get("privateKey").asText()
                .replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
        secrets.add(key.substring(100, 160));
        SimIntegration.attemptLogin(sim, spec);
    }

    @AfterAll
    void stop() {
        proxy.close();
        sim.close();
        lambda.close();
    }

    @ParameterizedTest(name = "{0} on {1}")
    @CsvSource({"NONE, COMPOSITE", "UNAUTHORIZED_401, COMPOSITE", "HTML_500, TOKEN", "INVALID_JSON, TOKEN"})
    void noCanaryReachesAStateDocumentTheHistoryALogAnItemAnEventOrAMetric(String fault, TransportFault.Target target) throws IOException {
        lambda.reset();
        events.drain();
        metrics.reset();
        stepLogs.setLength(0);
        proxy.clear();
        if (!fault.equals("NONE")) {
            proxy.inject(TransportFault.valueOf(fault), target);
        }
        IntegrationSpec spec = sim.scenario().integration();
        int loginsBefore = sim.attempts(spec.username()).attempts();
        FailureReport report = new FailureReport(spec.integrationId(), sim.baseUrl(), spec.username(), spec.flow(),
                new ReportedError("invalid_grant", "authentication failure"), sim.now(), spec.sourceIp(),
                spec.credentialUpdatedAt(), credentialSecret, diagnosticsSecret);
        Clock simClock = sim.clock().asClock();
        // Built after the proxy is in front of the sim, so its clients go through it; short timeouts as in the CLI suites.
        EvidenceSources sources = new SalesforceEvidenceSources(new SecretsManagerResolver(moto::secrets, PREFIX, simClock),
                sim.baseUrl(), new HttpTransport(Duration.ofMillis(600), Duration.ofMillis(800), HttpTransport.DEFAULT_MAX_RESPONSE_BYTES),
                simClock, new TokenCache());
        for (String step : stepNames) {
            lambda.register(step, new StepHandler(StepOrder.byName(step).orElseThrow(), sources,
                    new StructuredLog(stepLogs::append, Clock.systemUTC())));
        }
        String executionName = "canaries-" + UUID.randomUUID();
        LocalStateMachine.Execution execution = stateMachine.run(Json.MAPPER.valueToTree(DiagnosisState.start(report, sim.now())), executionName);
        assertEquals("SUCCEEDED", execution.status(), execution.cause());
        Diagnosis diagnosis = store.queryByIntegration(report.integrationKey(), 100).stream()
                .filter(d -> d.diagnosisId().equals(executionName)).findFirst().orElseThrow();

        assertTrue(diagnosis.cause() == Cause.WRONG_PASSWORD || (!fault.equals("NONE") && diagnosis.cause() == Cause.UNDETERMINED),
                fault + ": " + diagnosis.cause() + " " + diagnosis.findings());
        assertEquals(proxy.orgRequests(), diagnosis.salesforceRequests(), "the diagnosis counts what the org was asked");
        assertTrue(diagnosis.salesforceRequests() <= 4);
        assertEquals(loginsBefore, sim.attempts(spec.username()).attempts(), "no login as the integration");
        if (fault.equals("NONE")) {
            assertFalse(proxy.sessionTokens().isEmpty(), "the step functions held canary sessions");
        }

        List<String> known = new ArrayList<>(secrets);
        known.addAll(proxy.sessionTokens());
        List<String> places = new ArrayList<>();
        lambda.invocations().forEach(i -> {
            places.add("the state sent to " + i.function() + "\n" + i.request());
            places.add("the state " + i.function() + " returned\n" + i.response());
        });
        places.add("the execution's output and history\n" + execution.output() + execution.cause() + execution.events());
        places.add("the functions' logs\n" + lambda.logs() + stepLogs);
        places.add("the DynamoDB items\n" + dynamoDb.scan(s -> s.tableName(table)).items());
        places.add("the events\n" + events.drain());
        places.add("the metrics\n" + metrics.toString(StandardCharsets.UTF_8));
        for (String place : places) {
            assertNull(Leaks.find(place.substring(0, place.indexOf('\n')), place, known));
        }
    }
}
