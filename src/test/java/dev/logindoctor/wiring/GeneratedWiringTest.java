package dev.logindoctor.wiring;

import com.fasterxml.jackson.databind.JsonNode;
import dev.logindoctor.engine.SourceUnavailable;
import dev.logindoctor.engine.StepOrder;
import dev.logindoctor.json.Json;
import dev.logindoctor.model.Cause;
import dev.logindoctor.steps.EliminationStep;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The state machine definition and the per-step parts of template.yaml are generated from
 * StepOrder (and the dashboard's cause rows from Cause). This test fails when regenerating would
 * change a committed file; with {@code -Dwiring.write=true} it rewrites them instead:
 * <pre>./mvnw -o -q -B test -Dtest=GeneratedWiringTest -Dwiring.write=true</pre>
 */
class GeneratedWiringTest {
    static final String REGENERATE = "./mvnw -o -q -B test -Dtest=GeneratedWiringTest -Dwiring.write=true";
    private static final Path PROJECT = Path.of("").toAbsolutePath();
    private static final Path DEFINITION = PROJECT.resolve("statemachine/login-doctor.asl.json");
    private static final Path TEMPLATE = PROJECT.resolve("template.yaml");
    private static final boolean WRITE = Boolean.getBoolean("wiring.write");

    private static List<String> steps() {
        return StepOrder.steps().stream().map(EliminationStep::name).toList();
    }

    private static List<String> causes() {
        return Arrays.stream(Cause.values()).map(Cause::name).toList();
    }

    /** What a step function throws when the evidence source was throttled or unavailable (the runtime names the class). */
    private static List<String> retryableErrors() {
        return List.of(SourceUnavailable.class.getName());
    }

    @Test
    void theStateMachineDefinitionIsWhatStepOrderGenerates() throws IOException {
        check(DEFINITION, new StateMachineGenerator(steps(), retryableErrors()).definition());
    }

    @Test
    void theTemplatesPerStepPartsAreWhatStepOrderGenerates() throws IOException {
        check(TEMPLATE, new TemplateGenerator(steps(), causes()).regenerate(Files.readString(TEMPLATE)));
    }

    @Test
    void aStepAddedToTheListGetsItsTaskFunctionPermissionAlarmAndDashboardRow() throws IOException {
        List<String> more = new ArrayList<>(steps());
        more.add(more.size() - 1, "CheckSomethingNew");
        JsonNode states = Json.MAPPER.readTree(new StateMachineGenerator(more, retryableErrors()).definition()).get("States");
        assertEquals("${CheckSomethingNewFunctionArn}", states.get("CheckSomethingNew").get("Parameters").get("FunctionName").asText());
        assertEquals("CheckSomethingNew", states.get(more.get(more.size() - 3) + "Confirmed").get("Default").asText());
        assertEquals(more.get(more.size() - 1), states.get("CheckSomethingNewFailed").get("Next").asText());

        String template = new TemplateGenerator(more, causes()).regenerate(Files.readString(TEMPLATE));
        for (String expected : List.of("  CheckSomethingNewFunction:\n", "        STEP: CheckSomethingNew\n",
                "CheckSomethingNewFunctionArn: !Ref CheckSomethingNewFunction.Alias\n", "- !Ref CheckSomethingNewFunction.Alias\n",
                "Value: !Ref CheckSomethingNewFunction}", "\"${CheckSomethingNewFunction}\", {\"label\": \"CheckSomethingNew\"}")) {
            assertTrue(template.contains(expected), "the regenerated template lacks " + expected);
        }
    }

    @Test
    void eachStepErrorAlarmReadsAtMostTenMetrics() {
        List<String> many = new ArrayList<>();
        for (int i = 1; i <= 19; i++) {
            many.add("CheckNumber" + i);
        }
        String alarms = new TemplateGenerator(many, causes()).regenerate(minimalTemplate());
        assertEquals(3, alarms.split("Type: AWS::CloudWatch::Alarm").length - 1, "19 steps: 9 + 9 + 1");
        assertTrue(alarms.contains("(CheckNumber10..CheckNumber18)"), alarms);
        assertTrue(alarms.contains("{Id: s19,"), alarms);
    }

    @Test
    void aTemplateMissingAnEndMarkerOrAPartIsRefused() {
        String noEnd = minimalTemplate().replace("# END GENERATED dashboard\n", "");
        assertTrue(assertThrows(IllegalStateException.class, () -> new TemplateGenerator(steps(), causes()).regenerate(noEnd))
                .getMessage().contains("END GENERATED dashboard"));
        String noAlarms = minimalTemplate().replace("# BEGIN GENERATED step-error-alarms\n# END GENERATED step-error-alarms\n", "");
        assertTrue(assertThrows(IllegalStateException.class, () -> new TemplateGenerator(steps(), causes()).regenerate(noAlarms))
                .getMessage().contains("step-error-alarms"));
    }

    private static String minimalTemplate() {
        StringBuilder text = new StringBuilder();
        for (String part : List.of("step-functions", "step-function-arns", "step-invoke-permissions", "step-error-alarms", "dashboard")) {
            text.append("# BEGIN GENERATED ").append(part).append('\n').append("# END GENERATED ").append(part).append('\n');
        }
        return text.toString();
    }

    private static void check(Path file, String generated) throws IOException {
        if (WRITE) {
            Files.writeString(file, generated);
            return;
        }
        List<String> want = generated.lines().toList();
        List<String> have = Files.readString(file).lines().toList();
        int line = 0;
        while (line < Math.min(want.size(), have.size()) && want.get(line).equals(have.get(line))) {
            line++;
        }
        if (line < Math.max(want.size(), have.size()) || !generated.equals(Files.readString(file))) {
            fail(PROJECT.relativize(file) + " is not what StepOrder generates (first difference at line " + (line + 1) + ": has "
                    + (line < have.size() ? "'" + have.get(line).strip() + "'" : "nothing") + ", generated "
                    + (line < want.size() ? "'" + want.get(line).strip() + "'" : "nothing") + "): run " + REGENERATE);
        }
    }
}
