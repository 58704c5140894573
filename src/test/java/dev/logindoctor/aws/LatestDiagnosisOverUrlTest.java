package dev.logindoctor.aws;

import com.fasterxml.jackson.databind.JsonNode;
import dev.logindoctor.json.Json;
import dev.logindoctor.model.Cause;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The GET snippet of docs/INTEGRATIONS.md against a local function URL over a moto table. */
@ExtendWith(MotoServer.class)
class LatestDiagnosisOverUrlTest {
    private static final Instant T0 = Instant.parse("2026-11-27T10:15:00Z");
    private final IntakeHandler intake;

    LatestDiagnosisOverUrlTest(MotoServer.Moto moto) {
        String table = "latest-" + UUID.randomUUID();
        DiagnosisTable.create(moto.dynamoDb(), table);
        DynamoDbDiagnosisStore store = new DynamoDbDiagnosisStore(moto.api(AwsJsonApi.Service.DYNAMODB), table, Duration.ofDays(30));
        store.put(Diagnoses.of("exec-old", "billing-sync", Cause.USER_LOCKED_OUT, T0));
        store.put(Diagnoses.of("exec-new", "billing-sync", Cause.USER_FROZEN, T0.plusSeconds(3600)));
        store.put(Diagnoses.of("exec-other", "billing-sync-2", Cause.USERNAME_NOT_FOUND, T0.plusSeconds(7200)));
        intake = new IntakeHandler(new StepFunctionsStarter(() -> moto.api(AwsJsonApi.Service.STEP_FUNCTIONS), "arn:aws:states:us-east-1:123456789012:stateMachine:unused"),
                "login-doctor/", Clock.fixed(T0, ZoneOffset.UTC), new LatestDiagnosis(() -> store));
    }

    @Test
    void theSignedGetAnswersWithTheIntegrationsNewestDiagnosis() throws Exception {
        try (FunctionUrlServer url = new FunctionUrlServer(intake)) {
            String script = IntegrationSnippetsTest.block("```bash\ncurl --silent --show-error --fail-with-body \\\n  --aws-sigv4 \"aws:amz:${AWS_REGION:-us-east-1}:lambda\" \\\n  --user \"$AWS_ACCESS_KEY_ID:$AWS_SECRET_ACCESS_KEY\" \\\n  ${AWS_SESSION_TOKEN:+-H \"x-amz-security-token: $AWS_SESSION_TOKEN\"} \\\n  \"${INTAKE_URL}?integrationId=");
            String[] found = run(script, url.url().toString());
            assertEquals("0", found[0], found[1]);
            JsonNode diagnosis = Json.MAPPER.readTree(found[1]);
            assertEquals("exec-new", diagnosis.get("diagnosisId").asText(), "the newest, and only this integration's");
            assertEquals("USER_FROZEN", diagnosis.get("cause").asText());

            String[] none = run(script.replace("billing-sync", "never-diagnosed"), url.url().toString());
            assertEquals("22", none[0], none[1]);
            assertEquals("NotFound", Json.MAPPER.readTree(none[1]).get("error").asText());

            String[] unsigned = run("curl --silent --fail-with-body \"${INTAKE_URL}?integrationId=billing-sync\"", url.url().toString());
            assertTrue(unsigned[1].contains("Forbidden"), "an unsigned GET is refused by IAM auth: " + unsigned[1]);
        }
    }

    private static String[] run(String script, String intakeUrl) throws Exception {
        ProcessBuilder builder = new ProcessBuilder("bash", "-euo", "pipefail", "-c", script).redirectError(ProcessBuilder.Redirect.INHERIT);
        builder.environment().putAll(Map.of("INTAKE_URL", intakeUrl, "AWS_REGION", "us-east-1",
                "AWS_ACCESS_KEY_ID", "AKIDEXAMPLE", "AWS_SECRET_ACCESS_KEY", "test"));
        builder.environment().remove("AWS_SESSION_TOKEN");
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(60, TimeUnit.SECONDS));
        return new String[]{String.valueOf(process.exitValue()), output};
    }
}
