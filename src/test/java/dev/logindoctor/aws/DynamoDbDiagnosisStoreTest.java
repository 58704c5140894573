package dev.logindoctor.aws;

import dev.logindoctor.engine.DiagnosisItem;
import dev.logindoctor.model.Cause;
import dev.logindoctor.model.Diagnosis;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.TimeToLiveStatus;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;

@ExtendWith(MotoServer.class)
class DynamoDbDiagnosisStoreTest {
    private static final Instant T0 = Instant.parse("2026-11-27T10:15:00Z");

    private final DynamoDbClient dynamoDb;
    private final String table = "diagnoses-" + UUID.randomUUID();
    private final DynamoDbDiagnosisStore store;

    DynamoDbDiagnosisStoreTest(MotoServer.Moto moto) {
        dynamoDb = moto.dynamoDb();
        DiagnosisTable.create(dynamoDb, table);
        store = new DynamoDbDiagnosisStore(moto.api(AwsJsonApi.Service.DYNAMODB), table, Duration.ofDays(90));
    }

    @Test
    void aDiagnosisIsStoredWithItsKeysAndTtl() {
        Diagnosis d = Diagnoses.of("exec-a", "billing-sync", Cause.USER_LOCKED_OUT, T0);
        assertEquals(DynamoDbDiagnosisStore.PutOutcome.STORED, store.put(d));

        Map<String, AttributeValue> item = dynamoDb.getItem(g -> g.tableName(table).key(Map.of(
                "pk", AttributeValue.fromS("INTEGRATION#billing-sync"),
                "sk", AttributeValue.fromS("DIAG#2026-11-27T10:15:00.000Z#exec-a")))).item();
        assertEquals("USER_LOCKED_OUT", item.get("cause").s());
        assertEquals(String.valueOf(d.diagnosedAt().plus(Duration.ofDays(90)).getEpochSecond()), item.get("expiresAt").n());
        assertEquals(TimeToLiveStatus.ENABLED,
                dynamoDb.describeTimeToLive(r -> r.tableName(table)).timeToLiveDescription().timeToLiveStatus());
        assertEquals(d, DiagnosisItem.fromJsonMap(SdkItems.plain(item)), "the item the SDK reads is the diagnosis");
    }

    @Test
    void aRetriedPutNeitherDuplicatesNorOverwrites() {
        Diagnosis first = Diagnoses.of("exec-b", "billing-sync", Cause.USER_LOCKED_OUT, T0);
        Diagnosis retried = Diagnoses.of("exec-b", "billing-sync", Cause.UNDETERMINED, T0);
        assertEquals(DynamoDbDiagnosisStore.PutOutcome.STORED, store.put(first));
        assertEquals(DynamoDbDiagnosisStore.PutOutcome.ALREADY_STORED, store.put(retried));

        List<Diagnosis> stored = store.queryByIntegration("billing-sync", 10);
        assertEquals(1, stored.size());
        assertEquals(Cause.USER_LOCKED_OUT, stored.get(0).cause(), "the first write stands");
    }

    @Test
    void anIntegrationsDiagnosesComeNewestFirstWithinTheLimit() {
        store.put(Diagnoses.of("exec-1", "billing-sync", Cause.USER_LOCKED_OUT, T0));
        store.put(Diagnoses.of("exec-2", "billing-sync", Cause.USER_FROZEN, T0.plusSeconds(3600)));
        store.put(Diagnoses.of("exec-3", "billing-sync", Cause.WRONG_PASSWORD, T0.plusMillis(500)));
        store.put(Diagnoses.of("exec-4", "hr-sync", Cause.USER_FROZEN, T0.plusSeconds(60)));

        List<Diagnosis> newest = store.queryByIntegration("billing-sync", 2);
        assertEquals(List.of("exec-2", "exec-3"), newest.stream().map(Diagnosis::diagnosisId).toList());
        assertEquals(3, store.queryByIntegration("billing-sync", 10).size());
    }

    @Test
    void diagnosesByCauseAreFoundInATimeRangeOnTheGsi() {
        store.put(Diagnoses.of("f-1", "billing-sync", Cause.USER_FROZEN, T0));
        store.put(Diagnoses.of("f-2", "hr-sync", Cause.USER_FROZEN, T0.plusSeconds(1800)));
        store.put(Diagnoses.of("f-3", "hr-sync", Cause.USER_FROZEN, T0.plusSeconds(7200)));
        store.put(Diagnoses.of("l-1", "billing-sync", Cause.USER_LOCKED_OUT, T0.plusSeconds(60)));

        List<Diagnosis> found = store.queryByCause(Cause.USER_FROZEN, T0, T0.plusSeconds(1800), 10);
        assertEquals(List.of("f-2", "f-1"), found.stream().map(Diagnosis::diagnosisId).toList(),
                "both ends of the range are included, the later failure and the other cause are not");
        assertEquals(List.of("f-3"), store.queryByCause(Cause.USER_FROZEN, T0.plusSeconds(3600), T0.plusSeconds(86400), 10)
                .stream().map(Diagnosis::diagnosisId).toList());
    }
}
