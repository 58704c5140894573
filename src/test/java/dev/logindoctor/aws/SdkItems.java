package dev.logindoctor.aws;

import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Items as the AWS SDK reads them, as plain values: the tests read what Login Doctor's own DynamoDB
 * calls wrote with the SDK, so the wire form is checked by a second, independent implementation.
 */
final class SdkItems {
    private SdkItems() {
    }

    static Map<String, Object> plain(Map<String, AttributeValue> item) {
        Map<String, Object> plain = new LinkedHashMap<>();
        item.forEach((name, value) -> plain.put(name, plain(value)));
        return plain;
    }

    static Object plain(AttributeValue value) {
        return switch (value.type()) {
            case S -> value.s();
            case N -> {
                BigDecimal n = new BigDecimal(value.n());
                yield n.scale() <= 0 || n.stripTrailingZeros().scale() <= 0 ? (Object) n.longValueExact() : n;
            }
            case BOOL -> value.bool();
            case NUL -> null;
            case L -> value.l().stream().map(SdkItems::plain).toList();
            case M -> plain(value.m());
            default -> throw new IllegalArgumentException("Login Doctor writes no " + value.type());
        };
    }

    static List<Object> plainList(List<AttributeValue> values) {
        return values.stream().map(SdkItems::plain).toList();
    }
}
