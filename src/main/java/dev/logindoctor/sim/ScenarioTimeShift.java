package dev.logindoctor.sim;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Iterator;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Moves a scenario in time: every instant in it (the clock's start, history rows, password changes,
 * maintenance windows...) by the same amount, so the story stays the same but happens now. A
 * standalone sim needs this: clients sign JWTs on the real clock, and the sim checks their expiry
 * against its own. Times of day (Login Hours, "08:00") are not instants and stay where they are.
 */
final class ScenarioTimeShift {
    private static final Pattern INSTANT = Pattern.compile("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}(:\\d{2}(\\.\\d+)?)?(Z|[+-]\\d{2}:?\\d{2})");
    private static final ObjectMapper WRITER = SimScenarios.MAPPER.copy().disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    private ScenarioTimeShift() {
    }

    /** The scenario with its clock starting at {@code now}; a scenario without a start is returned as is. */
    static SimScenario startingAt(SimScenario scenario, Instant now) {
        if (scenario.now() == null) {
            return scenario;
        }
        Duration by = Duration.between(scenario.now(), now);
        JsonNode tree = WRITER.valueToTree(scenario);
        try {
            return SimScenarios.MAPPER.treeToValue(shift(tree, by), SimScenario.class);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalArgumentException("scenario " + scenario.name() + " cannot be moved in time: " + e.getOriginalMessage());
        }
    }

    private static JsonNode shift(JsonNode node, Duration by) {
        if (node instanceof ObjectNode object) {
            Iterator<Map.Entry<String, JsonNode>> fields = object.fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> field = fields.next();
                field.setValue(shift(field.getValue(), by));
            }
            return object;
        }
        if (node instanceof ArrayNode array) {
            for (int i = 0; i < array.size(); i++) {
                array.set(i, shift(array.get(i), by));
            }
            return array;
        }
        if (node.isTextual() && INSTANT.matcher(node.asText()).matches()) {
            try {
                return new TextNode(OffsetDateTime.parse(node.asText()).toInstant().plus(by).toString());
            } catch (DateTimeParseException e) {
                return node;
            }
        }
        return node;
    }
}
