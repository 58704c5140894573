package dev.logindoctor.aws;

import com.fasterxml.jackson.databind.JsonNode;
import dev.logindoctor.json.Json;
import dev.logindoctor.model.LoginFlow;
import dev.logindoctor.probe.Integration;
import dev.logindoctor.probe.IntegrationItems;
import dev.logindoctor.probe.ProbeRun;
import dev.logindoctor.probe.ProbeSettings;
import dev.logindoctor.probe.SalesforceProbeLogin;
import dev.logindoctor.probe.TrustMaintenanceCheck;
import dev.logindoctor.salesforce.HttpTransport;
import dev.logindoctor.salesforce.SalesforceEvidenceSources;
import dev.logindoctor.salesforce.TokenCache;
import dev.logindoctor.salesforce.TrustClient;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.time.Duration;

/**
 * The probe's first run, done once in a SnapStart init against {@link PrimingOrg} on loopback: the
 * registry's Query, the credential's GetSecretValue, a JWT login, the Trust check, the conditional
 * PutItem of the probe record and the risk check after a healthy login (diagnostics secret, token,
 * composite, the risk item, PutEvents), through the probe's own handleRequest on the instance's
 * shared HTTP client. Made-up integration, throwaway key and credentials; its metrics go nowhere.
 */
final class ProbePriming {
    private static final String PREFIX = "priming/";

    private ProbePriming() {
    }

    static void probeHandler() {
        if (InitPriming.snapStartInit()) {
            probeRuns(SnapStartPriming.ROUNDS);
        }
    }

    /** Probe runs of a single healthy integration on loopback (one throwaway key); returns the last summary (for the test that it went the whole way). */
    static JsonNode probeRuns(int rounds) {
        try (PrimingOrg aws = new PrimingOrg()) {
            Integration integration = new Integration("init-priming", aws.baseUrl(), "login-doctor@priming.example", LoginFlow.OAUTH_JWT,
                    PREFIX + "integration", PREFIX + "diagnostics", null, true);
            String registry = Json.MAPPER.createObjectNode().put("Count", 1)
                    .set("Items", Json.MAPPER.createArrayNode().add(DynamoDbValues.item(IntegrationItems.config(integration)))).toString();
            aws.answering("DynamoDB_20120810.Query", registry)
                    .answering("DynamoDB_20120810.GetItem", "{}")
                    .answering("DynamoDB_20120810.PutItem", "{}")
                    .answering("secretsmanager.GetSecretValue", SnapStartPriming.secretAnswer(SnapStartPriming.diagnosticsSecret(aws.baseUrl())))
                    .answering("AWSEvents.PutEvents", "{\"FailedEntryCount\":0,\"Entries\":[{\"EventId\":\"init-priming\"}]}")
                    .answering("AWSStepFunctions.StartExecution",
                            "{\"executionArn\":\"arn:aws:states:us-east-1:123456789012:execution:priming:priming\",\"startDate\":1.7648E9}");
            HttpTransport transport = LambdaEvidenceSources.transport();
            DynamoDbIntegrationRegistry table = new DynamoDbIntegrationRegistry(AwsCallPriming.onLoopback(AwsJsonApi.Service.DYNAMODB, aws), "init-priming");
            SecretsManagerHttp secretsManager = new SecretsManagerHttp(AwsCallPriming.onLoopback(AwsJsonApi.Service.SECRETS_MANAGER, aws));
            PrefixedSecrets secrets = new PrefixedSecrets(secretsManager::secretString, PREFIX, SnapStartPriming.CLOCK);
            AwsJsonApi stepFunctions = AwsCallPriming.onLoopback(AwsJsonApi.Service.STEP_FUNCTIONS, aws);
            IntakeHandler intake = new IntakeHandler(new StepFunctionsStarter(() -> stepFunctions,
                    "arn:aws:states:us-east-1:123456789012:stateMachine:priming", new RecentExecutions(SnapStartPriming.CLOCK)),
                    new SecretPrefixes(PREFIX, PREFIX), SnapStartPriming.CLOCK, null);
            ProbeRun run = new ProbeRun(table, new SecretsManagerCredentialStore(() -> secretsManager, PREFIX),
                    new SalesforceProbeLogin(transport, SnapStartPriming.CLOCK), new TrustMaintenanceCheck(new TrustClient(aws.baseUrl(), transport)),
                    new IntakeDiagnosisStarter(intake), SnapStartPriming.CLOCK, ProbeSettings.DEFAULT,
                    ProbeHandler.riskWatch(new SalesforceEvidenceSources(secrets, aws.baseUrl(), transport, SnapStartPriming.CLOCK, new TokenCache()),
                            secrets, Duration.ofMinutes(15), table, new RiskEvents(AwsCallPriming.onLoopback(AwsJsonApi.Service.EVENTBRIDGE, aws), "init-priming"),
                            SnapStartPriming.CLOCK, new PrintStream(OutputStream.nullOutputStream())));
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            for (int round = 0; round < rounds; round++) {
                out.reset();
                new ProbeHandler(run).handleRequest(new ByteArrayInputStream(new byte[0]), out, null);
            }
            return Json.MAPPER.readTree(out.toByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            SnapStartPriming.tlsClientHello();
        }
    }
}
