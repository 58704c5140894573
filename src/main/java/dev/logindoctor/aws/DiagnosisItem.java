package dev.logindoctor.aws;

import com.fasterxml.jackson.core.type.TypeReference;
import dev.logindoctor.json.Json;
import dev.logindoctor.model.Cause;
import dev.logindoctor.model.Diagnosis;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The one item shape of a stored diagnosis, for the DynamoDB table and the CLI's local JSON-lines
 * store alike: the diagnosis's own fields (findings as a list of maps) beside the keys
 * <pre>
 *   pk     = INTEGRATION#{integrationId}          sk     = DIAG#{failedAt}#{diagnosisId}
 *   gsi1pk = CAUSE#{cause}   (GSI "ByCause")      gsi1sk = {failedAt}#{integrationId}
 *   expiresAt = diagnosedAt + retention, epoch seconds (the table's TTL attribute)
 * </pre>
 * Times in keys are fixed-width UTC with milliseconds ({@link #sortable}) so that string order is
 * time order; {@code Instant.toString()} drops zero fractions and would sort 10:15:00Z after 10:15:00.5Z.
 */
public final class DiagnosisItem {
    public static final String BY_CAUSE_INDEX = "ByCause";
    private static final DateTimeFormatter SORTABLE = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);
    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {
    };

    private DiagnosisItem() {
    }

    public static String partitionKey(String integrationId) {
        return "INTEGRATION#" + integrationId;
    }

    public static String causeKey(Cause cause) {
        return "CAUSE#" + cause.name();
    }

    public static String sortable(Instant time) {
        return SORTABLE.format(time);
    }

    /** The item without a TTL (the local store keeps everything). */
    public static Map<String, Object> toJsonMap(Diagnosis diagnosis) {
        return toJsonMap(diagnosis, null);
    }

    /** The item with {@code expiresAt = diagnosedAt + retention} when retention is given. */
    public static Map<String, Object> toJsonMap(Diagnosis diagnosis, Duration retention) {
        Map<String, Object> item = new LinkedHashMap<>();
        String failedAt = sortable(diagnosis.failedAt());
        item.put("pk", partitionKey(diagnosis.integrationId()));
        item.put("sk", "DIAG#" + failedAt + "#" + diagnosis.diagnosisId());
        item.put("gsi1pk", causeKey(diagnosis.cause()));
        item.put("gsi1sk", failedAt + "#" + diagnosis.integrationId());
        item.putAll(Json.MAPPER.convertValue(diagnosis, MAP));
        if (retention != null) {
            item.put("expiresAt", diagnosis.diagnosedAt().plus(retention).getEpochSecond());
        }
        return item;
    }

    public static Diagnosis fromJsonMap(Map<String, Object> item) {
        return Json.MAPPER.convertValue(item, Diagnosis.class);
    }

    public static Map<String, AttributeValue> toAttributes(Diagnosis diagnosis, Duration retention) {
        Map<String, AttributeValue> attributes = new LinkedHashMap<>();
        toJsonMap(diagnosis, retention).forEach((name, value) -> {
            if (value != null) {
                attributes.put(name, attribute(value));
            }
        });
        return attributes;
    }

    public static Diagnosis fromAttributes(Map<String, AttributeValue> attributes) {
        Map<String, Object> item = new LinkedHashMap<>();
        attributes.forEach((name, value) -> item.put(name, plain(value)));
        return fromJsonMap(item);
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
            case L -> value.l().stream().map(DiagnosisItem::plain).toList();
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
