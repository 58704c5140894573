package dev.logindoctor.aws;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import dev.logindoctor.engine.StepOrder;
import dev.logindoctor.steps.EliminationStep;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** template.yaml and the code agree: every handler it names can be loaded by Lambda, and every step function runs a real step. */
class TemplateHandlersTest {
    private static final Path TEMPLATE = TestTools.PROJECT.resolve("template.yaml");
    private static final Pattern HANDLER = Pattern.compile("(?m)^\\s*Handler:\\s*['\"]?([\\w.$]+)::(\\w+)");
    private static final Pattern STEP_VARIABLE = Pattern.compile("(?m)^\\s*STEP:\\s*(\\w+)\\s*$");
    private static final Pattern SUBSTITUTION = Pattern.compile("(?m)^\\s*(\\w+FunctionArn):");

    private static String template() throws IOException {
        assumeTrue(Files.exists(TEMPLATE), "template.yaml is not in this tree yet");
        return Files.readString(TEMPLATE);
    }

    @Test
    void everyHandlerInTheTemplateIsARealLambdaHandler() throws Exception {
        Matcher m = HANDLER.matcher(template());
        List<String> checked = new ArrayList<>();
        while (m.find()) {
            Class<?> type = Class.forName(m.group(1));
            String method = m.group(2);
            assertTrue(RequestHandler.class.isAssignableFrom(type) || RequestStreamHandler.class.isAssignableFrom(type),
                    type + " implements neither RequestHandler nor RequestStreamHandler");
            assertFalse(Modifier.isAbstract(type.getModifiers()), type + " is abstract");
            assertTrue(Modifier.isPublic(type.getConstructor().getModifiers()), type + " needs a public no-argument constructor");
            assertTrue(Arrays.stream(type.getMethods()).map(Method::getName).anyMatch(method::equals), type + " has no " + method);
            checked.add(type.getName());
        }
        assertFalse(checked.isEmpty(), "template.yaml names no handler");
    }

    @Test
    void everyStepFunctionNamesAStepOfStepOrderOnceAndInItsOrder() throws IOException {
        Matcher m = STEP_VARIABLE.matcher(template());
        List<String> named = new ArrayList<>();
        while (m.find()) {
            named.add(m.group(1));
        }
        assertEquals(StepOrder.steps().stream().map(EliminationStep::name).toList(), named,
                "the STEP variables of the step functions, top to bottom");
    }

    @Test
    void theTemplateSubstitutesEveryFunctionTheStateMachineInvokes() throws IOException {
        Matcher m = SUBSTITUTION.matcher(template());
        Set<String> provided = new TreeSet<>();
        while (m.find()) {
            provided.add(m.group(1));
        }
        Set<String> missing = new TreeSet<>(StateMachineDefinition.substitutions().keySet());
        missing.removeAll(provided);
        assertEquals(Set.of(), missing, "placeholders in the ASL that template.yaml does not substitute");
    }
}
