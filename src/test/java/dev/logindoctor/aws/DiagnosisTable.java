package dev.logindoctor.aws;

import dev.logindoctor.engine.DiagnosisItem;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

/** Creates the diagnosis table the way template.yaml declares it: keys, the ByCause GSI, TTL on expiresAt. */
public final class DiagnosisTable {
    private DiagnosisTable() {
    }

    public static void create(DynamoDbClient dynamoDb, String tableName) {
        dynamoDb.createTable(t -> t.tableName(tableName)
                .billingMode(BillingMode.PAY_PER_REQUEST)
                .attributeDefinitions(
                        a -> a.attributeName("pk").attributeType(ScalarAttributeType.S),
                        a -> a.attributeName("sk").attributeType(ScalarAttributeType.S),
                        a -> a.attributeName("gsi1pk").attributeType(ScalarAttributeType.S),
                        a -> a.attributeName("gsi1sk").attributeType(ScalarAttributeType.S))
                .keySchema(
                        k -> k.attributeName("pk").keyType(KeyType.HASH),
                        k -> k.attributeName("sk").keyType(KeyType.RANGE))
                .globalSecondaryIndexes(g -> g.indexName(DiagnosisItem.BY_CAUSE_INDEX)
                        .keySchema(
                                k -> k.attributeName("gsi1pk").keyType(KeyType.HASH),
                                k -> k.attributeName("gsi1sk").keyType(KeyType.RANGE))
                        .projection(p -> p.projectionType(ProjectionType.ALL))));
        dynamoDb.updateTimeToLive(u -> u.tableName(tableName)
                .timeToLiveSpecification(s -> s.attributeName("expiresAt").enabled(true)));
    }
}
