package dev.logindoctor.aws;

import com.fasterxml.jackson.databind.JsonNode;
import dev.logindoctor.json.Json;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The Node and Python reporter snippets of docs/INTEGRATIONS.md, taken from the markdown and run by
 * their own runtimes with the client libraries an integration uses: jsforce or simple-salesforce logs
 * in to the simulated org and is refused (a locked-out user), the snippet's call site catches that and
 * the reporter sends it with the AWS SDK (a SigV4-signed Lambda Invoke) to a local Intake. The SDKs
 * are pointed at it the way any deployment is configured, by environment, not by editing the snippet.
 */
@ExtendWith(MotoServer.class)
class ClientLibrarySnippetsTest {
    private static final String INTAKE_ARN = "arn:aws:lambda:us-east-1:123456789012:function:login-doctor-Intake:live";
    private final SnippetIntake local;

    ClientLibrarySnippetsTest(MotoServer.Moto moto) {
        local = new SnippetIntake(moto);
    }

    @AfterEach
    void stopSim() {
        local.close();
    }

    @Test
    void theNodeReporterSendsWhatJsforceCaughtFromTheRefusedLoginAndIsTakenAtItsWord() throws Exception {
        Path node = TestTools.runtime(TestTools.NODE, "node");
        // Under the project, so that the snippet's own imports resolve from its node_modules.
        Path dir = Files.createTempDirectory(Files.createDirectories(TestTools.PROJECT.resolve("target/snippets")), "node");
        Path reporter = Files.writeString(dir.resolve("login-doctor-reporter.mjs"), IntegrationSnippetsTest.block("```js\n// login-doctor-reporter.mjs"));
        Path callSite = Files.writeString(dir.resolve("call-site.js"), IntegrationSnippetsTest.block("```js\n// where the integration logs in"));

        JsonNode outcome = reportFromTheSnippet(List.of(node.toString(), TestTools.PROJECT.resolve("src/test/node/report-from-jsforce.mjs").toString(),
                reporter.toString(), callSite.toString()));

        assertEquals("Error: INVALID_LOGIN: " + SnippetIntake.LOCKED_OUT, outcome.path("caught").asText(), "jsforce's own error, as caught");
        assertTrue(outcome.path("rethrown").isTextual(), "the call site rethrows after reporting: " + outcome);
        local.assertOneDiagnosisOf("INVALID_LOGIN");
    }

    @Test
    void thePythonReporterSendsWhatSimpleSalesforceRaisedOnTheRefusedLoginAndIsTakenAtItsWord(@TempDir Path dir) throws Exception {
        Path python = TestTools.runtime(TestTools.PYTHON, "python3");
        Path reporter = Files.writeString(dir.resolve("login_doctor_reporter.py"), IntegrationSnippetsTest.block("```python\nimport json"));
        Path callSite = Files.writeString(dir.resolve("call_site.py"), IntegrationSnippetsTest.block("```python\ntry:"));

        JsonNode outcome = reportFromTheSnippet(List.of(python.toString(), TestTools.PROJECT.resolve("src/test/python/report_from_simple_salesforce.py").toString(),
                reporter.toString(), callSite.toString()));

        assertEquals("SalesforceAuthenticationFailed: Authentication failed (code: INVALID_LOGIN): " + SnippetIntake.LOCKED_OUT,
                outcome.path("caught").asText(), "simple-salesforce's own exception, as caught");
        assertTrue(outcome.path("rethrown").isTextual(), "the call site re-raises after reporting: " + outcome);
        local.assertOneDiagnosisOf("INVALID_LOGIN");
    }

    /**
     * Runs a driver that logs in through the snippet's call site, then hands the reporter an error
     * that is not Salesforce's. Asserts what every snippet must do: the real refusal taken, the other
     * one seen as refused, both sent as signed Invokes; returns the driver's account of it.
     */
    private JsonNode reportFromTheSnippet(List<String> command) throws Exception {
        try (LambdaInvokeServer lambda = new LambdaInvokeServer().register("login-doctor-Intake", local.intake)) {
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
            Map<String, String> env = builder.environment();
            List.of("AWS_PROFILE", "AWS_SESSION_TOKEN", "AWS_ENDPOINT_URL", "HTTP_PROXY", "HTTPS_PROXY", "http_proxy", "https_proxy").forEach(env::remove);
            env.putAll(Map.of("SIM_URL", local.org.baseUrl(), "SF_USERNAME", local.integration().username(),
                    "SF_PASSWORD", local.integration().credential().password(), "SF_SECURITY_TOKEN", local.securityToken(),
                    "INTAKE_ARN", INTAKE_ARN, "AWS_ENDPOINT_URL_LAMBDA", lambda.endpoint().toString()));
            env.putAll(Map.of("AWS_REGION", "us-east-1", "AWS_DEFAULT_REGION", "us-east-1",
                    "AWS_ACCESS_KEY_ID", "AKIDEXAMPLE", "AWS_SECRET_ACCESS_KEY", "test",
                    // this machine's own AWS configuration stays out of it
                    "AWS_CONFIG_FILE", "/nonexistent/aws-config", "AWS_SHARED_CREDENTIALS_FILE", "/nonexistent/aws-credentials",
                    "AWS_EC2_METADATA_DISABLED", "true"));
            Process process = builder.start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(process.waitFor(120, TimeUnit.SECONDS), output);
            assertEquals(0, process.exitValue(), output);
            String[] lines = output.strip().split("\n");
            JsonNode outcome = Json.MAPPER.readTree(lines[lines.length - 1]);

            assertFalse(outcome.path("loggedIn").asBoolean(), "the sim let a locked-out user in: " + output);
            assertTrue(outcome.path("taken").asBoolean(), "the reporter saw its report taken: " + output);
            assertFalse(outcome.path("notSalesforcesTaken").asBoolean(true), "a refused report must be seen as refused: " + output);
            assertEquals(1, local.executions().size(), "nothing started for the refused report");
            assertEquals(2, lambda.invocations().size(), output);
            assertTrue(lambda.invocations().stream().allMatch(LambdaInvokeServer.Invocation::signed), "each Invoke is SigV4-signed for lambda");
            return outcome;
        }
    }
}
