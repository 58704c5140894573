package dev.logindoctor.aws;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.logindoctor.engine.DiagnosisItem;
import dev.logindoctor.json.Json;
import dev.logindoctor.probe.Integration;
import dev.logindoctor.probe.IntegrationItems;
import dev.logindoctor.probe.IntegrationRegistry;
import dev.logindoctor.probe.ProbeRecord;
import dev.logindoctor.probe.RegisteredIntegration;
import dev.logindoctor.probe.RiskRecord;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The registry in the diagnosis table ({@link IntegrationItems}: CONFIG and PROBE items beside the
 * integration's diagnoses). Listing is one Query of the registry's partition of the ByCause GSI
 * (every page of it); a probe record is written only if its stored revision is the one the run read.
 */
public final class DynamoDbIntegrationRegistry implements IntegrationRegistry {
    private final AwsJsonApi dynamoDb;
    private final String tableName;

    public DynamoDbIntegrationRegistry(AwsJsonApi dynamoDb, String tableName) {
        this.dynamoDb = dynamoDb;
        this.tableName = tableName;
    }

    /** The registry in {@code tableName}, with the region and credentials of the CLI's AWS profile. */
    public static DynamoDbIntegrationRegistry forTable(String tableName) {
        return new DynamoDbIntegrationRegistry(ProfileAccount.api(AwsJsonApi.Service.DYNAMODB), tableName);
    }

    @Override
    public List<RegisteredIntegration> list() {
        Map<String, Map<String, Object>> configs = new LinkedHashMap<>();
        Map<String, Map<String, Object>> probes = new LinkedHashMap<>();
        Map<String, Map<String, Object>> risks = new LinkedHashMap<>();
        JsonNode startKey = null;
        do {
            ObjectNode query = request().put("IndexName", DiagnosisItem.BY_CAUSE_INDEX).put("KeyConditionExpression", "gsi1pk = :registry");
            query.set("ExpressionAttributeValues", DynamoDbValues.item(Map.of(":registry", IntegrationItems.REGISTRY_PARTITION)));
            if (startKey != null) {
                query.set("ExclusiveStartKey", startKey);
            }
            JsonNode page = dynamoDb.call("Query", query.toString());
            JsonNode items = page.get("Items");
            if (items == null || !items.isArray()) {
                throw new AwsCallFailed("DynamoDB", "Query", null, 200, "answered without an Items list");
            }
            for (JsonNode attributes : items) {
                Map<String, Object> item = DynamoDbValues.plain(attributes);
                String pk = String.valueOf(item.get("pk"));
                if (IntegrationItems.isConfig(item)) {
                    configs.put(pk, item);
                } else if (IntegrationItems.isProbe(item)) {
                    probes.put(pk, item);
                } else if (IntegrationItems.isRisks(item)) {
                    risks.put(pk, item);
                }
            }
            startKey = page.get("LastEvaluatedKey");
        } while (startKey != null && startKey.isObject() && !startKey.isEmpty());
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
        Map<String, Object> config = get(integrationId, IntegrationItems.CONFIG);
        if (config.isEmpty()) {
            return Optional.empty();
        }
        Map<String, Object> probe = get(integrationId, IntegrationItems.PROBE);
        return Optional.of(new RegisteredIntegration(IntegrationItems.integration(config),
                probe.isEmpty() ? null : IntegrationItems.probeRecord(probe), risks(integrationId).orElse(null)));
    }

    @Override
    public void put(Integration integration) {
        putItem(IntegrationItems.config(integration));
    }

    @Override
    public boolean remove(String integrationId) {
        JsonNode old = delete(integrationId, IntegrationItems.CONFIG, true).get("Attributes");
        delete(integrationId, IntegrationItems.PROBE, false);
        delete(integrationId, IntegrationItems.RISKS, false);
        return old != null && old.isObject() && !old.isEmpty();
    }

    @Override
    public Optional<RiskRecord> risks(String integrationId) {
        Map<String, Object> item = get(integrationId, IntegrationItems.RISKS);
        return item.isEmpty() ? Optional.empty() : Optional.of(IntegrationItems.riskRecord(item));
    }

    @Override
    public void recordRisks(RiskRecord risks) {
        putItem(IntegrationItems.risks(risks));
    }

    @Override
    public boolean recordProbe(ProbeRecord next) {
        ObjectNode put = request();
        put.set("Item", DynamoDbValues.item(IntegrationItems.probe(next)));
        if (next.revision() <= 1) {
            put.put("ConditionExpression", "attribute_not_exists(pk)");
        } else {
            put.put("ConditionExpression", "revision = :read");
            put.set("ExpressionAttributeValues", DynamoDbValues.item(Map.of(":read", next.revision() - 1)));
        }
        try {
            dynamoDb.call("PutItem", put.toString());
            return true;
        } catch (AwsCallFailed e) {
            if (e.is("ConditionalCheckFailedException")) {
                return false;
            }
            throw e;
        }
    }

    private void putItem(Map<String, Object> item) {
        ObjectNode put = request();
        put.set("Item", DynamoDbValues.item(item));
        dynamoDb.call("PutItem", put.toString());
    }

    private Map<String, Object> get(String integrationId, String sk) {
        ObjectNode get = request().put("ConsistentRead", true);
        get.set("Key", key(integrationId, sk));
        return DynamoDbValues.plain(dynamoDb.call("GetItem", get.toString()).get("Item"));
    }

    private JsonNode delete(String integrationId, String sk, boolean returnOld) {
        ObjectNode delete = request();
        delete.set("Key", key(integrationId, sk));
        if (returnOld) {
            delete.put("ReturnValues", "ALL_OLD");
        }
        return dynamoDb.call("DeleteItem", delete.toString());
    }

    private ObjectNode request() {
        return Json.MAPPER.createObjectNode().put("TableName", tableName);
    }

    private static ObjectNode key(String integrationId, String sk) {
        return DynamoDbValues.item(Map.of("pk", IntegrationItems.partitionKey(integrationId), "sk", sk));
    }
}
