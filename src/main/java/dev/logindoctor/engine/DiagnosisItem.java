package dev.logindoctor.engine;

import com.fasterxml.jackson.core.type.TypeReference;
import dev.logindoctor.json.Json;
import dev.logindoctor.model.Cause;
import dev.logindoctor.model.Diagnosis;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The one item shape of a stored diagnosis, for the DynamoDB table and the CLI's local JSON-lines
 * store alike (as plain maps: the table's attribute types are the aws package's business,
 * DynamoDbValues): the diagnosis's own fields (findings as a list of maps) beside the keys
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
}
