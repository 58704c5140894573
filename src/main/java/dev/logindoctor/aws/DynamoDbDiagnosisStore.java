package dev.logindoctor.aws;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.logindoctor.engine.DiagnosisItem;
import dev.logindoctor.json.Json;
import dev.logindoctor.model.Cause;
import dev.logindoctor.model.Diagnosis;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Diagnoses in the single table (item shape: {@link DiagnosisItem}). A put never overwrites: the
 * sort key holds the execution id, so an item that already exists is this same diagnosis written by
 * an earlier try of Record, and the put counts as done.
 */
public final class DynamoDbDiagnosisStore {
    /** Sorts after every character an integration id may hold, closing a gsi1sk range. */
    private static final String AFTER_ANY_ID = "#\uffff";

    private final AwsJsonApi dynamoDb;
    private final String tableName;
    private final Duration retention;

    public DynamoDbDiagnosisStore(AwsJsonApi dynamoDb, String tableName, Duration retention) {
        this.dynamoDb = dynamoDb;
        this.tableName = tableName;
        this.retention = retention;
    }

    /** The diagnoses in {@code tableName}, with the region and credentials of the CLI's AWS profile (to read them). */
    public static DynamoDbDiagnosisStore forTable(String tableName) {
        return new DynamoDbDiagnosisStore(ProfileAccount.api(AwsJsonApi.Service.DYNAMODB), tableName, Duration.ZERO);
    }

    public enum PutOutcome { STORED, ALREADY_STORED }

    public PutOutcome put(Diagnosis diagnosis) {
        ObjectNode request = Json.MAPPER.createObjectNode().put("TableName", tableName)
                .put("ConditionExpression", "attribute_not_exists(pk)");
        request.set("Item", DynamoDbValues.item(DiagnosisItem.toJsonMap(diagnosis, retention)));
        try {
            dynamoDb.call("PutItem", request.toString());
            return PutOutcome.STORED;
        } catch (AwsCallFailed e) {
            if (e.is("ConditionalCheckFailedException")) {
                return PutOutcome.ALREADY_STORED;
            }
            throw e;
        }
    }

    /** The integration's diagnoses, newest failure first. */
    public List<Diagnosis> queryByIntegration(String integrationId, int limit) {
        return query(null, "pk = :pk AND begins_with(sk, :diag)",
                Map.of(":pk", DiagnosisItem.partitionKey(integrationId), ":diag", "DIAG#"), limit);
    }

    /** Diagnoses with this cause whose failure lies in [from, to], newest first (the GSI ByCause). */
    public List<Diagnosis> queryByCause(Cause cause, Instant from, Instant to, int limit) {
        return query(DiagnosisItem.BY_CAUSE_INDEX, "gsi1pk = :cause AND gsi1sk BETWEEN :from AND :to",
                Map.of(":cause", DiagnosisItem.causeKey(cause), ":from", DiagnosisItem.sortable(from),
                        ":to", DiagnosisItem.sortable(to) + AFTER_ANY_ID), limit);
    }

    /**
     * The newest diagnoses of every cause, newest diagnosis first: the {@code limit} latest failures of
     * each cause (one query per cause on ByCause, no scan), merged.
     */
    public List<Diagnosis> latest(int limit) {
        Instant end = Instant.parse("9999-12-31T23:59:59Z");
        return java.util.Arrays.stream(Cause.values())
                .flatMap(cause -> queryByCause(cause, Instant.EPOCH, end, limit).stream())
                .sorted(NEWEST_DIAGNOSIS_FIRST)
                .limit(limit)
                .toList();
    }

    /** How every history is listed: newest diagnosis first, then newest failure first. */
    public static final java.util.Comparator<Diagnosis> NEWEST_DIAGNOSIS_FIRST = java.util.Comparator
            .comparing(Diagnosis::diagnosedAt, java.util.Comparator.nullsLast(java.util.Comparator.reverseOrder()))
            .thenComparing(Diagnosis::failedAt, java.util.Comparator.nullsLast(java.util.Comparator.reverseOrder()));

    /** One page of a Query, newest first: the first {@code limit} items, as the SDK's query() answered. */
    private List<Diagnosis> query(String index, String keyCondition, Map<String, String> values, int limit) {
        ObjectNode request = Json.MAPPER.createObjectNode().put("TableName", tableName);
        if (index != null) {
            request.put("IndexName", index);
        }
        request.put("KeyConditionExpression", keyCondition).put("ScanIndexForward", false).put("Limit", limit);
        request.set("ExpressionAttributeValues", DynamoDbValues.item(values));
        JsonNode items = dynamoDb.call("Query", request.toString()).get("Items");
        if (items == null || !items.isArray()) {
            throw new AwsCallFailed("DynamoDB", "Query", null, 200, "answered without an Items list");
        }
        List<Diagnosis> diagnoses = new java.util.ArrayList<>();
        items.forEach(item -> diagnoses.add(DiagnosisItem.fromJsonMap(DynamoDbValues.plain(item))));
        return diagnoses;
    }
}
