package dev.logindoctor.aws;

import com.fasterxml.jackson.databind.JsonNode;
import dev.logindoctor.json.Json;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** statemachine/login-doctor.asl.json as the tests read it, with the template's substitutions filled in. */
final class StateMachineDefinition {
    static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([A-Za-z0-9]+)}");
    static final String ACCOUNT_ARN_PREFIX = "arn:aws:lambda:us-east-1:123456789012:function:";

    private StateMachineDefinition() {
    }

    static String text() {
        try {
            return Files.readString(TestTools.STATE_MACHINE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static JsonNode json() {
        try {
            return Json.MAPPER.readTree(text());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code ${CheckUsernameFunctionArn}} → the ARN of a function named CheckUsername (alias live), as SAM would. */
    static Map<String, String> substitutions() {
        Map<String, String> substitutions = new LinkedHashMap<>();
        Matcher m = PLACEHOLDER.matcher(text());
        while (m.find()) {
            String placeholder = m.group(1);
            String function = placeholder.replaceFirst("FunctionArn$", "");
            substitutions.put(placeholder, ACCOUNT_ARN_PREFIX + function + ":live");
        }
        return substitutions;
    }

    static String substituted() {
        Map<String, String> substitutions = substitutions();
        return PLACEHOLDER.matcher(text()).replaceAll(r -> Matcher.quoteReplacement(substitutions.get(r.group(1))));
    }
}
