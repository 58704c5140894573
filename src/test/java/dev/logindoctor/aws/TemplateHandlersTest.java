package dev.logindoctor.aws;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
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

/** template.yaml (written on another branch) and the code agree: every handler it names exists and can be loaded by Lambda. */
class TemplateHandlersTest {
    private static final Path TEMPLATE = TestTools.PROJECT.resolve("template.yaml");
    private static final Pattern HANDLER = Pattern.compile("(?m)^\\s*Handler:\\s*['\"]?([\\w.$]+)::(\\w+)");
    /**
     * Handlers the template may name before they exist. Each must really be missing, so this list
     * has to shrink when the class is written (ProbeHandler was the last).
     */
    private static final Set<String> NOT_YET_BUILT = Set.of();
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
            if (NOT_YET_BUILT.contains(m.group(1))) {
                assertFalse(exists(m.group(1)), m.group(1) + " exists now: remove it from NOT_YET_BUILT");
                continue;
            }
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

    private static boolean exists(String className) {
        try {
            Class.forName(className);
            return true;
        } catch (ClassNotFoundException e) {
            return false;
        }
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
