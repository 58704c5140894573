package dev.logindoctor.aws;

import dev.logindoctor.engine.DiagnosisItem;
import dev.logindoctor.probe.Integration;
import dev.logindoctor.probe.IntegrationItems;
import dev.logindoctor.probe.IntegrationRegistry;
import dev.logindoctor.probe.ProbeRecord;
import dev.logindoctor.probe.RegisteredIntegration;
import dev.logindoctor.probe.RiskRecord;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The registry in the diagnosis table ({@link IntegrationItems}: CONFIG and PROBE items beside the
 * integration's diagnoses). Listing is one Query of the registry's partition of the ByCause GSI;
 * a probe record is written only if its stored revision is the one the run read.
 */
public final class DynamoDbIntegrationRegistry implements IntegrationRegistry {
    private final DynamoDbClient dynamoDb;
    private final String tableName;

    public DynamoDbIntegrationRegistry(DynamoDbClient dynamoDb, String tableName) {
        this.dynamoDb = dynamoDb;
        this.tableName = tableName;
    }

    /** The registry in {@code tableName}, through the SDK client Lambda (or the CLI's AWS profile) configures. */
    public static DynamoDbIntegrationRegistry forTable(String tableName) {
        return new DynamoDbIntegrationRegistry(AwsClients.dynamoDb(), tableName);
    }

    @Override
    public List<RegisteredIntegration> list() {
        Map<String, Map<String, Object>> configs = new LinkedHashMap<>();
        Map<String, Map<String, Object>> probes = new LinkedHashMap<>();
        Map<String, Map<String, Object>> risks = new LinkedHashMap<>();
        dynamoDb.queryPaginator(q -> q.tableName(tableName)
                        .indexName(DiagnosisItem.BY_CAUSE_INDEX)
                        .keyConditionExpression("gsi1pk = :registry")
                        .expressionAttributeValues(Map.of(":registry", AttributeValue.fromS(IntegrationItems.REGISTRY_PARTITION))))
                .items()
                .forEach(attributes -> {
                    Map<String, Object> item = plain(attributes);
                    String pk = String.valueOf(item.get("pk"));
                    if (IntegrationItems.isConfig(item)) {
                        configs.put(pk, item);
                    } else if (IntegrationItems.isProbe(item)) {
                        probes.put(pk, item);
                    } else if (IntegrationItems.isRisks(item)) {
                        risks.put(pk, item);
                    }
                });
        List<RegisteredIntegration> all = new ArrayList<>();
        configs.forEach((pk, config) -> {
            Map<String, Object> probe = probes.get(pk);
            Map<String, Object> risk = risks.get(pk);
            all.add(new RegisteredIntegration(IntegrationItems.integration(config),
                    probe == null ? null : IntegrationItems.probeRecord(probe), risk == null ? null : IntegrationItems.riskRecord(risk)));
        });
        return all;
    }

    @Override
    public Optional<RegisteredIntegration> find(String integrationId) {
        Map<String, AttributeValue> config = get(integrationId, IntegrationItems.CONFIG);
        if (config.isEmpty()) {
            return Optional.empty();
        }
        Map<String, AttributeValue> probe = get(integrationId, IntegrationItems.PROBE);
        return Optional.of(new RegisteredIntegration(IntegrationItems.integration(plain(config)),
                probe.isEmpty() ? null : IntegrationItems.probeRecord(plain(probe)), risks(integrationId).orElse(null)));
    }

    @Override
    public void put(Integration integration) {
        dynamoDb.putItem(p -> p.tableName(tableName).item(attributes(IntegrationItems.config(integration))));
    }

    @Override
    public boolean remove(String integrationId) {
        boolean existed = dynamoDb.deleteItem(d -> d.tableName(tableName).key(key(integrationId, IntegrationItems.CONFIG))
                .returnValues(ReturnValue.ALL_OLD)).hasAttributes();
        dynamoDb.deleteItem(d -> d.tableName(tableName).key(key(integrationId, IntegrationItems.PROBE)));
        dynamoDb.deleteItem(d -> d.tableName(tableName).key(key(integrationId, IntegrationItems.RISKS)));
        return existed;
    }

    @Override
    public Optional<RiskRecord> risks(String integrationId) {
        Map<String, AttributeValue> item = get(integrationId, IntegrationItems.RISKS);
        return item.isEmpty() ? Optional.empty() : Optional.of(IntegrationItems.riskRecord(plain(item)));
    }

    @Override
    public void recordRisks(RiskRecord risks) {
        dynamoDb.putItem(p -> p.tableName(tableName).item(attributes(IntegrationItems.risks(risks))));
    }

    @Override
    public boolean recordProbe(ProbeRecord next) {
        PutItemRequest.Builder put = PutItemRequest.builder().tableName(tableName).item(attributes(IntegrationItems.probe(next)));
        if (next.revision() <= 1) {
            put.conditionExpression("attribute_not_exists(pk)");
        } else {
            put.conditionExpression("revision = :read")
                    .expressionAttributeValues(Map.of(":read", AttributeValue.fromN(Long.toString(next.revision() - 1))));
        }
        try {
            dynamoDb.putItem(put.build());
            return true;
        } catch (ConditionalCheckFailedException e) {
            return false;
        }
    }

    private Map<String, AttributeValue> get(String integrationId, String sk) {
        return dynamoDb.getItem(g -> g.tableName(tableName).key(key(integrationId, sk)).consistentRead(true)).item();
    }

    private static Map<String, AttributeValue> key(String integrationId, String sk) {
        return Map.of("pk", AttributeValue.fromS(IntegrationItems.partitionKey(integrationId)), "sk", AttributeValue.fromS(sk));
    }

    static Map<String, AttributeValue> attributes(Map<String, Object> item) {
        Map<String, AttributeValue> attributes = new LinkedHashMap<>();
        item.forEach((name, value) -> {
            if (value instanceof String s) {
                attributes.put(name, AttributeValue.fromS(s));
            } else if (value instanceof Boolean b) {
                attributes.put(name, AttributeValue.fromBool(b));
            } else if (value instanceof Number n) {
                attributes.put(name, AttributeValue.fromN(n.toString()));
            } else if (value != null) {
                throw new IllegalArgumentException("registry items hold strings, booleans and numbers, not " + value.getClass().getSimpleName());
            }
        });
        return attributes;
    }

    static Map<String, Object> plain(Map<String, AttributeValue> attributes) {
        Map<String, Object> item = new LinkedHashMap<>();
        attributes.forEach((name, value) -> item.put(name, switch (value.type()) {
            case S -> value.s();
            case BOOL -> value.bool();
            case N -> Long.parseLong(value.n());
            default -> null;
        }));
        return item;
    }
}
