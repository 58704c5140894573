package dev.logindoctor.aws;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import dev.logindoctor.engine.EvidenceSources;
import dev.logindoctor.engine.RiskCheckRunner;
import dev.logindoctor.engine.RiskSettings;
import dev.logindoctor.engine.SecretResolver;
import dev.logindoctor.json.Json;
import dev.logindoctor.probe.Deadline;
import dev.logindoctor.probe.IntegrationRegistry;
import dev.logindoctor.probe.ProbeRun;
import dev.logindoctor.probe.ProbeSettings;
import dev.logindoctor.probe.ProbeSummary;
import dev.logindoctor.probe.RiskChecker;
import dev.logindoctor.probe.RiskNotifier;
import dev.logindoctor.probe.RiskWatch;
import dev.logindoctor.probe.SalesforceProbeLogin;
import dev.logindoctor.probe.TrustMaintenanceCheck;
import dev.logindoctor.salesforce.HttpTransport;
import dev.logindoctor.salesforce.TrustClient;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Clock;

/**
 * The scheduled health probe (EventBridge Scheduler; the event's content is ignored): one
 * {@link ProbeRun} over the registered integrations, stopped in time by the Lambda deadline. Logs
 * one JSON line with the run's summary (outcomes, what it left for the next run) and returns it.
 * No credential reaches the summary, the log or the table.
 */
public final class ProbeHandler implements RequestStreamHandler {
    private final ProbeRun probe;

    /** Lambda's constructor: the table, Secrets Manager, the Salesforce login and Trust clients, the Intake path. */
    public ProbeHandler() {
        this(FunctionEnvironment.system());
    }

    /** On the instance's one HTTP client, which a SnapStart init has primed ({@link ProbePriming}). */
    private ProbeHandler(FunctionEnvironment env) {
        this(wired(env, LambdaEvidenceSources.transport(), Clock.systemUTC()));
        ProbePriming.probeHandler();
    }

    static ProbeRun wired(FunctionEnvironment env, HttpTransport transport, Clock clock) {
        AwsJsonApi stepFunctions = AwsJsonApi.fromEnvironment(AwsJsonApi.Service.STEP_FUNCTIONS, transport);
        IntakeHandler intake = new IntakeHandler(new StepFunctionsStarter(() -> stepFunctions, env.stateMachineArn()),
                SecretPrefixes.from(env), clock, null);
        DynamoDbIntegrationRegistry registry = new DynamoDbIntegrationRegistry(
                AwsJsonApi.fromEnvironment(AwsJsonApi.Service.DYNAMODB, transport), env.tableName());
        SecretsManagerHttp secretsManager = SecretsManagerHttp.fromEnvironment(transport);
        return new ProbeRun(
                registry,
                new SecretsManagerCredentialStore(() -> secretsManager, env.secretPrefix()),
                new SalesforceProbeLogin(transport, clock),
                new TrustMaintenanceCheck(new TrustClient(env.trustUrl(), transport)),
                new IntakeDiagnosisStarter(intake),
                clock,
                ProbeSettings.DEFAULT.withNoVerdictRetry(env.probeNoVerdictRetry().orElse(ProbeSettings.DEFAULT_NO_VERDICT_RETRY)),
                riskWatch(env, registry, new RiskEvents(AwsJsonApi.fromEnvironment(AwsJsonApi.Service.EVENTBRIDGE, transport),
                        env.eventBusName()), clock));
    }

    /**
     * The risk check after each healthy login, over the same diagnostics connection (and token cache)
     * the steps of this instance use: never a login with the integration's credential.
     */
    static RiskWatch riskWatch(FunctionEnvironment env, IntegrationRegistry registry, RiskNotifier notifier, Clock clock) {
        SecretsManagerResolver secrets = new SecretsManagerResolver(LambdaEvidenceSources::secretsManager, env.secretPrefix(), clock);
        return riskWatch(LambdaEvidenceSources.shared(), secrets, env.probeInterval(), registry, notifier, clock, System.out);
    }

    /** The same over given sources, with the risk metrics written to {@code metrics} (init priming: nowhere). */
    static RiskWatch riskWatch(EvidenceSources sources, SecretResolver secrets, java.time.Duration probeInterval,
                               IntegrationRegistry registry, RiskNotifier notifier, Clock clock, java.io.PrintStream metrics) {
        RiskCheckRunner runner = new RiskCheckRunner(sources, secrets, clock, new RiskSettings(RiskSettings.DEFAULT_HORIZON, probeInterval));
        RiskChecker checker = new RiskMetrics(metrics).metering(RiskChecker.of(runner, clock));
        return new RiskWatch(checker, registry, notifier, RiskWatch.DEFAULT_CLOSER_THRESHOLD);
    }

    public ProbeHandler(ProbeRun probe) {
        this.probe = probe;
    }

    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        input.readAllBytes();
        Deadline deadline = context == null ? Deadline.unlimited() : Deadline.of(context::getRemainingTimeInMillis);
        ProbeSummary summary = probe.run(deadline);
        if (context != null && context.getLogger() != null) {
            context.getLogger().log(Json.MAPPER.writeValueAsString(java.util.Map.of("probeRun", summary)) + "\n");
        }
        Json.MAPPER.writeValue(output, summary);
    }
}
