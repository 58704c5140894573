package dev.logindoctor.aws;

import dev.logindoctor.engine.DiagnosisItem;
import dev.logindoctor.model.Diagnosis;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A {@link DiagnosisItem} as DynamoDB attributes, and back: the only place the item meets DynamoDB's types. */
public final class DiagnosisAttributes {
    private DiagnosisAttributes() {
    }

    public static Map<String, AttributeValue> toAttributes(Diagnosis diagnosis, Duration retention) {
        Map<String, AttributeValue> attributes = new LinkedHashMap<>();
        DiagnosisItem.toJsonMap(diagnosis, retention).forEach((name, value) -> {
            if (value != null) {
                attributes.put(name, attribute(value));
            }
        });
        return attributes;
    }

    public static Diagnosis fromAttributes(Map<String, AttributeValue> attributes) {
        Map<String, Object> item = new LinkedHashMap<>();
        attributes.forEach((name, value) -> item.put(name, plain(value)));
        return DiagnosisItem.fromJsonMap(item);
    }

    private static AttributeValue attribute(Object value) {
        if (value instanceof String s) {
            return AttributeValue.fromS(s);
        }
        if (value instanceof Number n) {
            return AttributeValue.fromN(n.toString());
        }
        if (value instanceof Boolean b) {
            return AttributeValue.fromBool(b);
        }
        if (value instanceof List<?> list) {
            List<AttributeValue> values = new ArrayList<>();
            for (Object element : list) {
                values.add(element == null ? AttributeValue.fromNul(true) : attribute(element));
            }
            return AttributeValue.fromL(values);
        }
        if (value instanceof Map<?, ?> map) {
            Map<String, AttributeValue> values = new LinkedHashMap<>();
            map.forEach((k, v) -> {
                if (v != null) {
                    values.put(String.valueOf(k), attribute(v));
                }
            });
            return AttributeValue.fromM(values);
        }
        if (value instanceof SdkBytes bytes) {
            return AttributeValue.fromB(bytes);
        }
        throw new IllegalArgumentException("no DynamoDB type for a " + value.getClass().getSimpleName());
    }

    private static Object plain(AttributeValue value) {
        return switch (value.type()) {
            case S -> value.s();
            case N -> number(value.n());
            case BOOL -> value.bool();
            case NUL -> null;
            case L -> value.l().stream().map(DiagnosisAttributes::plain).toList();
            case M -> {
                Map<String, Object> map = new LinkedHashMap<>();
                value.m().forEach((k, v) -> map.put(k, plain(v)));
                yield map;
            }
            default -> throw new IllegalArgumentException("unexpected DynamoDB type " + value.type() + " in a diagnosis item");
        };
    }

    private static Object number(String text) {
        BigDecimal decimal = new BigDecimal(text);
        try {
            return decimal.longValueExact();
        } catch (ArithmeticException notWhole) {
            return decimal;
        }
    }
}
