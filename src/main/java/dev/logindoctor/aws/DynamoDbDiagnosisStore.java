package dev.logindoctor.aws;

import dev.logindoctor.engine.DiagnosisItem;
import dev.logindoctor.model.Cause;
import dev.logindoctor.model.Diagnosis;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;

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

    private final DynamoDbClient dynamoDb;
    private final String tableName;
    private final Duration retention;

    public DynamoDbDiagnosisStore(DynamoDbClient dynamoDb, String tableName, Duration retention) {
        this.dynamoDb = dynamoDb;
        this.tableName = tableName;
        this.retention = retention;
    }

    /** The diagnoses in {@code tableName}, through the SDK client the CLI's AWS profile configures (to read them). */
    public static DynamoDbDiagnosisStore forTable(String tableName) {
        return new DynamoDbDiagnosisStore(AwsClients.dynamoDb(), tableName, Duration.ZERO);
    }

    public enum PutOutcome { STORED, ALREADY_STORED }

    public PutOutcome put(Diagnosis diagnosis) {
        try {
            dynamoDb.putItem(r -> r.tableName(tableName)
                    .item(DiagnosisAttributes.toAttributes(diagnosis, retention))
                    .conditionExpression("attribute_not_exists(pk)"));
            return PutOutcome.STORED;
        } catch (ConditionalCheckFailedException e) {
            return PutOutcome.ALREADY_STORED;
        }
    }

    /** The integration's diagnoses, newest failure first. */
    public List<Diagnosis> queryByIntegration(String integrationId, int limit) {
        return query(QueryRequest.builder()
                .tableName(tableName)
                .keyConditionExpression("pk = :pk AND begins_with(sk, :diag)")
                .expressionAttributeValues(Map.of(
                        ":pk", AttributeValue.fromS(DiagnosisItem.partitionKey(integrationId)),
                        ":diag", AttributeValue.fromS("DIAG#")))
                .scanIndexForward(false)
                .limit(limit)
                .build());
    }

    /** Diagnoses with this cause whose failure lies in [from, to], newest first (the GSI ByCause). */
    public List<Diagnosis> queryByCause(Cause cause, Instant from, Instant to, int limit) {
        return query(QueryRequest.builder()
                .tableName(tableName)
                .indexName(DiagnosisItem.BY_CAUSE_INDEX)
                .keyConditionExpression("gsi1pk = :cause AND gsi1sk BETWEEN :from AND :to")
                .expressionAttributeValues(Map.of(
                        ":cause", AttributeValue.fromS(DiagnosisItem.causeKey(cause)),
                        ":from", AttributeValue.fromS(DiagnosisItem.sortable(from)),
                        ":to", AttributeValue.fromS(DiagnosisItem.sortable(to) + AFTER_ANY_ID)))
                .scanIndexForward(false)
                .limit(limit)
                .build());
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

    private List<Diagnosis> query(QueryRequest request) {
        return dynamoDb.query(request).items().stream().map(DiagnosisAttributes::fromAttributes).toList();
    }
}
