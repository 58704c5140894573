package dev.logindoctor.aws;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * template.yaml grants each function what it uses and no more: a step function can read the
 * diagnostics secret(s) only, never an integration's credential; prefixes end with '/'.
 * (sam validate --lint and cfn-lint check the syntax in .ci/sam-checks.sh; this checks the intent.)
 */
class LeastPrivilegeTemplateTest {
    private static final Path TEMPLATE = TestTools.PROJECT.resolve("template.yaml");
    private static final Pattern TOP_LEVEL_KEY = Pattern.compile("(?m)^  (\\w+):\\s*$");

    /** Each two-space-indented key (parameters, resources, outputs) with its block's text. */
    private static Map<String, String> blocks() throws IOException {
        String text = Files.readString(TEMPLATE);
        Matcher m = TOP_LEVEL_KEY.matcher(text);
        Map<String, String> blocks = new LinkedHashMap<>();
        String name = null;
        int start = 0;
        while (m.find()) {
            if (name != null) {
                blocks.put(name, text.substring(start, m.start()));
            }
            name = m.group(1);
            start = m.start();
        }
        blocks.put(name, text.substring(start));
        return blocks;
    }

    private static List<Map.Entry<String, String>> functions(Map<String, String> blocks) {
        return blocks.entrySet().stream().filter(e -> e.getValue().contains("Type: AWS::Serverless::Function")).toList();
    }

    @Test
    void everyStepFunctionReadsOnlyTheDiagnosticsSecretsNeverAnIntegrationsCredential() throws IOException {
        List<Map.Entry<String, String>> steps = functions(blocks()).stream()
                .filter(e -> e.getValue().contains("dev.logindoctor.aws.StepHandler::handleRequest")).toList();
        assertFalse(steps.isEmpty(), "no step function found in template.yaml");
        for (Map.Entry<String, String> step : steps) {
            String block = step.getValue();
            assertTrue(block.contains("Policies: [!Ref DiagnosticsSecretReadPolicy]"), step.getKey() + " has another policy:\n" + block);
            assertTrue(block.contains("SECRET_PREFIX: !Ref DiagnosticsSecretPrefix"), step.getKey() + " reads outside the diagnostics prefix");
        }
        String policy = blocks().get("DiagnosticsSecretReadPolicy");
        assertTrue(policy.contains("Action: secretsmanager:GetSecretValue"), policy);
        assertTrue(policy.contains(":secret:${DiagnosticsSecretPrefix}*"), policy);
    }

    @Test
    void onlyTheProbeMayReadIntegrationCredentials() throws IOException {
        List<String> readers = functions(blocks()).stream().filter(e -> e.getValue().contains("!Ref SecretReadPolicy"))
                .map(Map.Entry::getKey).toList();
        assertEquals(List.of("ProbeFunction"), readers);
    }

    @Test
    void bothSecretPrefixesMustEndWithASlashSoNoLookAlikeNameIsGranted() throws IOException {
        Map<String, String> blocks = blocks();
        for (String parameter : List.of("SecretPrefix", "DiagnosticsSecretPrefix")) {
            String block = blocks.get(parameter);
            assertTrue(block.contains("AllowedPattern: '^[A-Za-z0-9/_+=.@-]*/$'"), parameter + ":\n" + block);
            Matcher defaultValue = Pattern.compile("Default: (\\S+)").matcher(block);
            assertTrue(defaultValue.find() && defaultValue.group(1).endsWith("/"), parameter + "'s default ends with '/'");
        }
        assertTrue(blocks.get("IntakeFunction").contains("DIAGNOSTICS_SECRET_PREFIX: !Ref DiagnosticsSecretPrefix"),
                "Intake refuses a report naming a diagnostics secret the steps cannot read");
    }

    @Test
    void theEntryPointsHoldOnlyTheTableActionsTheyUseAndTheTableCannotBeDeletedByAccident() throws IOException {
        Map<String, String> blocks = blocks();
        String intake = blocks.get("IntakeFunction");
        assertFalse(intake.contains("DynamoDBCrudPolicy") || intake.contains("DynamoDBReadPolicy"), intake);
        assertTrue(intake.contains("ReservedConcurrentExecutions: !Ref IntakeReservedConcurrency"), intake);
        String probe = blocks.get("ProbeFunction");
        assertFalse(probe.contains("DynamoDBCrudPolicy"), "the probe needs neither Scan nor Delete:\n" + probe);
        assertFalse(probe.contains("dynamodb:Scan") || probe.contains("dynamodb:DeleteItem"), probe);
        assertTrue(blocks.get("DiagnosisTable").contains("DeletionProtectionEnabled: true"), blocks.get("DiagnosisTable"));
    }
}
