package dev.logindoctor.aws;

import com.fasterxml.jackson.databind.JsonNode;
import com.sforce.soap.partner.Connector;
import com.sforce.soap.partner.fault.LoginFault;
import com.sforce.ws.ConnectorConfig;
import dev.logindoctor.json.Json;
import dev.logindoctor.sim.IntegrationSpec;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.lambda.LambdaClient;

import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import java.io.IOException;
import java.net.URI;
import java.net.URLClassLoader;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The reporter snippets of docs/INTEGRATIONS.md, taken from the markdown and run: each sends the
 * refusal a real client got from the simulated org (a locked-out user) to a local Intake (Lambda's
 * Invoke API, or a function URL), and the diagnosis it starts carries Salesforce's code.
 */
@ExtendWith(MotoServer.class)
class IntegrationSnippetsTest {
    private static final Path DOC = Path.of("docs/INTEGRATIONS.md");
    private final SnippetIntake local;

    IntegrationSnippetsTest(MotoServer.Moto moto) {
        local = new SnippetIntake(moto);
    }

    @AfterEach
    void stopSim() {
        local.close();
    }

    @Test
    void theJavaReporterSendsTheLoginFaultWscThrewAndIsTakenAtItsWord() throws Exception {
        LoginFault fault = wscLoginFault();
        try (LambdaInvokeServer lambda = new LambdaInvokeServer().register("login-doctor-Intake", local.intake);
             LambdaClient client = LambdaClient.builder().endpointOverride(lambda.endpoint()).region(Region.US_EAST_1)
                     .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIDEXAMPLE", "test")))
                     .httpClient(UrlConnectionHttpClient.create()).build()) {
            Object reporter = javaReporter().getConstructor(LambdaClient.class, String.class)
                    .newInstance(client, "arn:aws:lambda:us-east-1:123456789012:function:login-doctor-Intake:live");
            boolean taken = (boolean) reporter.getClass().getMethod("report", Exception.class, Instant.class)
                    .invoke(reporter, fault, Instant.parse("2026-11-27T10:15:00Z"));
            assertTrue(taken, "the reporter saw its report taken: " + lambda.invocations());
            local.assertOneDiagnosisOf("INVALID_LOGIN");

            // The same reporter with an exception Salesforce did not send: refused, and the snippet says so.
            boolean refused = !(boolean) reporter.getClass().getMethod("report", Exception.class, Instant.class)
                    .invoke(reporter, new java.net.SocketTimeoutException("Read timed out"), Instant.parse("2026-11-27T10:15:00Z"));
            assertTrue(refused, "a refused report must be seen as refused by the snippet");
            assertEquals(1, local.executions().size(), "nothing started for the refused report");
        }
    }

    @Test
    void theCurlCallSignsTheSoapFaultForTheFunctionUrl() throws Exception {
        String fault = rawSoapFault();
        try (FunctionUrlServer url = new FunctionUrlServer(local.intake)) {
            Result taken = bash(block("```bash\njq -n"), url.url().toString(), fault);
            assertEquals(0, taken.exit(), taken.output());
            assertTrue(taken.output().startsWith("{"), taken.output());
            JsonNode answer = Json.MAPPER.readTree(taken.output());
            assertFalse(answer.path("executionArn").asText().isEmpty(), taken.output());
            local.assertOneDiagnosisOf("INVALID_LOGIN");

            Result refused = bash(block("```bash\njq -n"), url.url().toString(), "<html>502 Bad Gateway</html>");
            assertEquals(22, refused.exit(), "curl --fail-with-body exits 22 on HTTP 400: " + refused.output());
            assertEquals("rawError", Json.MAPPER.readTree(refused.output()).path("field").asText(), refused.output());
        }
    }

    /** Salesforce's own Java client logging in to the sim as the scenario's integration. */
    private LoginFault wscLoginFault() throws Exception {
        IntegrationSpec spec = local.integration();
        ConnectorConfig config = new ConnectorConfig();
        config.setUsername(spec.username());
        config.setPassword(local.passwordWithToken());
        config.setAuthEndpoint(local.org.baseUrl() + "/services/Soap/u/" + spec.soapApiVersion());
        try {
            Connector.newConnection(config);
        } catch (LoginFault e) {
            return e;
        }
        return fail("the sim let a locked-out user in");
    }

    /** The fault body as a shell integration's own curl login would have received it. */
    private String rawSoapFault() throws Exception {
        IntegrationSpec spec = local.integration();
        String envelope = "<soapenv:Envelope xmlns:soapenv=\"http://schemas.xmlsoap.org/soap/envelope/\" xmlns:urn=\"urn:partner.soap.sforce.com\">"
                + "<soapenv:Body><urn:login><urn:username>" + spec.username() + "</urn:username><urn:password>" + local.passwordWithToken()
                + "</urn:password></urn:login></soapenv:Body></soapenv:Envelope>";
        HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(local.org.baseUrl() + "/services/Soap/u/" + spec.soapApiVersion()))
                .header("Content-Type", "text/xml; charset=UTF-8").header("SOAPAction", "login")
                .POST(HttpRequest.BodyPublishers.ofString(envelope)).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(500, r.statusCode(), r.body());
        return r.body();
    }

    /** The fenced block that starts with the given text, without its fences. */
    static String block(String start) throws IOException {
        String doc = Files.readString(DOC);
        int from = doc.indexOf(start);
        assertTrue(from >= 0, "docs/INTEGRATIONS.md has no block starting " + start);
        int body = doc.indexOf('\n', from) + 1;
        return doc.substring(body, doc.indexOf("\n```", body) + 1);
    }

    /** Compiles the Java snippet (the block that declares LoginDoctorReporter) against the test classpath. */
    private static Class<?> javaReporter() throws Exception {
        String source = block("```java\nimport com.fasterxml");
        Path dir = Files.createTempDirectory("snippet");
        Files.writeString(dir.resolve("LoginDoctorReporter.java"), source);
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        int status = javac.run(null, null, System.err, "-proc:none", "-d", dir.toString(), "-classpath", System.getProperty("java.class.path"),
                dir.resolve("LoginDoctorReporter.java").toString());
        assertEquals(0, status, "the Java snippet compiles");
        URLClassLoader loader = new URLClassLoader(new java.net.URL[]{dir.toUri().toURL()}, IntegrationSnippetsTest.class.getClassLoader());
        return loader.loadClass("LoginDoctorReporter");
    }

    record Result(int exit, String output) {
    }

    private static Result bash(String script, String intakeUrl, String fault) throws Exception {
        ProcessBuilder builder = new ProcessBuilder("bash", "-euo", "pipefail", "-c", script)
                .redirectError(ProcessBuilder.Redirect.INHERIT); // curl's own "(22) ... 400" line stays out of the answer
        builder.environment().putAll(java.util.Map.of("INTAKE_URL", intakeUrl, "FAULT", fault, "AWS_REGION", "us-east-1",
                "AWS_ACCESS_KEY_ID", "AKIDEXAMPLE", "AWS_SECRET_ACCESS_KEY", "test"));
        builder.environment().remove("AWS_SESSION_TOKEN");
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(60, TimeUnit.SECONDS));
        return new Result(process.exitValue(), output);
    }
}
