package dev.logindoctor.cli;

import dev.logindoctor.engine.ReportFuzzInputs;
import dev.logindoctor.engine.SecretResolver;
import dev.logindoctor.salesforce.DiagnosticsCredentials;
import dev.logindoctor.salesforce.IntegrationCredentials;
import dev.logindoctor.salesforce.UnusableCredentials;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Generated --secrets files: each loads or is refused naming --secrets; each secret in a loaded file
 * becomes diagnostics or integration credentials or a clean {@link UnusableCredentials} — never another
 * exception — and no refusal quotes a value from the file.
 */
class SecretsFileFuzzTest {
    static final int INPUTS = 1000;

    @TempDir
    Path dir;

    private static String file(ReportFuzzInputs inputs) {
        int pick = inputs.pick(List.of(0, 0, 0, 0, 1, 1, 1, 1, 2, 3));
        if (pick >= 2) {
            return pick == 2 ? inputs.tokenSoup() : inputs.text(200) + ReportFuzzInputs.CANARY;
        }
        String document = "{\"loginUrl\":" + json(value(inputs)) + ",\"username\":" + json(value(inputs)) + ",\"clientId\":\"3MVG9\",\""
                + inputs.pick(List.of("privateKey", "password", "securityToken", "refreshToken", "clientSecret", "x")) + "\":"
                + json(value(inputs) + ReportFuzzInputs.CANARY) + "}";
        return "{\"login-doctor/diagnostics\":" + (pick == 0 ? document : json(document)) + "}";
    }

    private static String value(ReportFuzzInputs inputs) {
        return inputs.coin() ? inputs.text(80) : inputs.pick(List.of("https://login.salesforce.com", "http://10.0.0.1", "file:///etc/passwd",
                "https://u:" + ReportFuzzInputs.CANARY + "@x.example", "not a url", "",
                "-----BEGIN PRIVATE KEY-----\n" + ReportFuzzInputs.CANARY + "\n-----END PRIVATE KEY-----"));
    }

    @Test
    void everySecretsFileLoadsOrIsRefusedAndEverySecretParsesOrIsUnusable() throws IOException {
        ReportFuzzInputs inputs = new ReportFuzzInputs(20261203L);
        Map<String, Integer> outcomes = new TreeMap<>();
        for (int i = 0; i < INPUTS; i++) {
            // Lossy on purpose: a lone surrogate becomes '?', as an editor would save it.
            Path path = Files.write(dir.resolve("secrets.json"), file(inputs).getBytes(StandardCharsets.UTF_8));
            FileSecretResolver resolver;
            try {
                resolver = FileSecretResolver.load(path);
            } catch (Args.UsageError refused) {
                assertTrue(refused.getMessage().startsWith("--secrets"), refused.getMessage());
                assertFalse(refused.getMessage().contains(ReportFuzzInputs.CANARY), refused.getMessage());
                outcomes.merge("file refused", 1, Integer::sum);
                continue;
            }
            String value;
            try {
                value = resolver.secretValue("login-doctor/diagnostics");
            } catch (SecretResolver.SecretUnavailable missing) {
                assertFalse(missing.getMessage().contains(ReportFuzzInputs.CANARY));
                outcomes.merge("secret missing", 1, Integer::sum);
                continue;
            }
            outcomes.merge("diagnostics " + outcome(() -> DiagnosticsCredentials.parse(value)), 1, Integer::sum);
            outcomes.merge("integration " + outcome(() -> IntegrationCredentials.parse(value)), 1, Integer::sum);
        }
        System.out.println("SecretsFileFuzzTest: " + INPUTS + " files -> " + outcomes + ", crashes 0");
        assertTrue(outcomes.containsKey("file refused") && outcomes.containsKey("integration unusable"), outcomes.toString());
    }

    private static String outcome(Runnable parse) {
        try {
            parse.run();
            return "usable";
        } catch (UnusableCredentials e) {
            assertFalse(e.getMessage().contains(ReportFuzzInputs.CANARY), e.getMessage());
            return "unusable";
        }
    }

    private static String json(String s) {
        return ReportFuzzInputs.quote(s);
    }
}
