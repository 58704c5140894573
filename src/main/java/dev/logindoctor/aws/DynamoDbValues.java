package dev.logindoctor.aws;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.logindoctor.json.Json;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Plain values (strings, numbers, booleans, lists, maps) as DynamoDB's JSON attribute values
 * ({@code {"S": "…"}}, {@code {"N": "12"}}, {@code {"M": {…}}} …) and back: the only place an item
 * meets DynamoDB's wire types. A null is left out of an item, and an attribute of a type Login
 * Doctor never writes (sets, binary) reads as null: a gap, never a guess.
 */
final class DynamoDbValues {
    private DynamoDbValues() {
    }

    /** An item: each non-null value as an attribute. */
    static ObjectNode item(Map<String, ?> plain) {
        ObjectNode item = Json.MAPPER.createObjectNode();
        plain.forEach((name, value) -> {
            if (value != null) {
                item.set(name, attribute(value));
            }
        });
        return item;
    }

    static ObjectNode attribute(Object value) {
        ObjectNode attribute = Json.MAPPER.createObjectNode();
        if (value instanceof String s) {
            attribute.put("S", s);
        } else if (value instanceof Number n) {
            attribute.put("N", n instanceof BigDecimal d ? d.toPlainString() : n.toString());
        } else if (value instanceof Boolean b) {
            attribute.put("BOOL", b);
        } else if (value instanceof List<?> list) {
            ArrayNode values = attribute.putArray("L");
            for (Object element : list) {
                values.add(element == null ? Json.MAPPER.createObjectNode().put("NULL", true) : attribute(element));
            }
        } else if (value instanceof Map<?, ?> map) {
            ObjectNode values = attribute.putObject("M");
            map.forEach((k, v) -> {
                if (v != null) {
                    values.set(String.valueOf(k), attribute(v));
                }
            });
        } else {
            throw new IllegalArgumentException("no DynamoDB type for a " + value.getClass().getSimpleName());
        }
        return attribute;
    }

    /** An item as plain values, in the order DynamoDB sent them; a non-object is no item. */
    static Map<String, Object> plain(JsonNode item) {
        Map<String, Object> plain = new LinkedHashMap<>();
        if (item != null && item.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> fields = item.fields(); fields.hasNext(); ) {
                Map.Entry<String, JsonNode> field = fields.next();
                plain.put(field.getKey(), value(field.getValue()));
            }
        }
        return plain;
    }

    /** One attribute value: S, N (a long when whole, else a BigDecimal), BOOL, NULL, L, M; anything else null. */
    static Object value(JsonNode attribute) {
        if (attribute == null || !attribute.isObject() || attribute.size() != 1) {
            return null;
        }
        Map.Entry<String, JsonNode> typed = attribute.fields().next();
        JsonNode v = typed.getValue();
        return switch (typed.getKey()) {
            case "S" -> v.isTextual() ? v.asText() : null;
            case "N" -> v.isTextual() ? number(v.asText()) : null;
            case "BOOL" -> v.isBoolean() ? v.booleanValue() : null;
            case "L" -> {
                if (!v.isArray()) {
                    yield null;
                }
                List<Object> list = new ArrayList<>();
                v.forEach(element -> list.add(value(element)));
                yield list;
            }
            case "M" -> v.isObject() ? plain(v) : null;
            default -> null; // NULL, and the types Login Doctor never writes
        };
    }

    private static Object number(String text) {
        BigDecimal decimal;
        try {
            decimal = new BigDecimal(text);
        } catch (NumberFormatException notANumber) {
            return null;
        }
        try {
            return decimal.longValueExact();
        } catch (ArithmeticException notWhole) {
            return decimal;
        }
    }
}
