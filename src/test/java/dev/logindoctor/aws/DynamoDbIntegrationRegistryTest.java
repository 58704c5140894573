package dev.logindoctor.aws;

import dev.logindoctor.model.Cause;
import dev.logindoctor.model.Diagnosis;
import dev.logindoctor.model.LoginFlow;
import dev.logindoctor.probe.Integration;
import dev.logindoctor.probe.IntegrationItems;
import dev.logindoctor.probe.ProbeRecord;
import dev.logindoctor.probe.RegisteredIntegration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The registry in the diagnosis table, on moto's DynamoDB. */
@ExtendWith(MotoServer.class)
class DynamoDbIntegrationRegistryTest {
    private final DynamoDbClient dynamoDb;
    private final String table = "login-doctor-registry-" + UUID.randomUUID();
    private final DynamoDbIntegrationRegistry registry;

    private final MotoServer.Moto moto;

    DynamoDbIntegrationRegistryTest(MotoServer.Moto moto) {
        this.moto = moto;
        dynamoDb = moto.dynamoDb();
        DiagnosisTable.create(dynamoDb, table);
        registry = new DynamoDbIntegrationRegistry(moto.api(AwsJsonApi.Service.DYNAMODB), table);
    }

    private static Integration billing() {
        return new Integration("billing-sync", "https://acme.my.salesforce.com", "svc@acme.com", LoginFlow.SOAP,
                "login-doctor/billing-sync", "login-doctor/diagnostics", "na224", true);
    }

    @Test
    void anIntegrationIsStoredAsTheConfigItemAndListedWithoutItsDiagnoses() {
        registry.put(billing());
        registry.put(new Integration("orders-sync", "https://globex.my.salesforce.com", "orders@globex.com", LoginFlow.OAUTH_JWT,
                "login-doctor/orders-sync", null, null, false));
        // A diagnosis of the same integration shares its partition; the registry must not list it.
        new DynamoDbDiagnosisStore(moto.api(AwsJsonApi.Service.DYNAMODB), table, Duration.ofDays(30)).put(new Diagnosis("exec-1", "billing-sync", "svc@acme.com",
                "https://acme.my.salesforce.com", LoginFlow.SOAP, Instant.parse("2026-11-27T10:15:00Z"), Cause.WRONG_PASSWORD,
                "CheckPassword", List.of(), "Reset the password.", 2, 900, Instant.parse("2026-11-27T10:16:00Z")));

        Map<String, AttributeValue> item = dynamoDb.getItem(g -> g.tableName(table).key(Map.of(
                "pk", AttributeValue.fromS("INTEGRATION#billing-sync"), "sk", AttributeValue.fromS("CONFIG")))).item();
        assertEquals("https://acme.my.salesforce.com", item.get("loginUrl").s());
        assertEquals("svc@acme.com", item.get("username").s());
        assertEquals("SOAP", item.get("flow").s());
        assertEquals("login-doctor/billing-sync", item.get("credentialSecret").s());
        assertEquals("login-doctor/diagnostics", item.get("diagnosticsSecret").s());
        assertTrue(item.get("enabled").bool());
        Map<String, Object> written = new java.util.LinkedHashMap<>(IntegrationItems.config(billing()));
        written.values().removeIf(java.util.Objects::isNull);
        assertEquals(written, SdkItems.plain(item),
                "the same item shape as the local registry file");

        List<RegisteredIntegration> all = registry.list();
        assertEquals(List.of("billing-sync", "orders-sync"), all.stream().map(r -> r.integration().id()).sorted().toList());
        RegisteredIntegration billing = registry.find("billing-sync").orElseThrow();
        assertEquals(billing(), billing.integration());
        assertEquals("NA224", billing.integration().instance());
        assertEquals(0, billing.lastProbe().revision());
        assertFalse(registry.find("orders-sync").orElseThrow().integration().enabled());
        assertNull(registry.find("orders-sync").orElseThrow().integration().diagnosticsSecret());
    }

    @Test
    void aProbeRecordIsWrittenOnlyOverTheRevisionItWasBasedOn() {
        registry.put(billing());
        ProbeRecord none = registry.find("billing-sync").orElseThrow().lastProbe();
        Instant now = Instant.parse("2026-11-27T10:00:00Z");
        ProbeRecord claim = new ProbeRecord("billing-sync", 1, now, dev.logindoctor.probe.ProbeOutcome.PROBING, "logging in", null,
                false, 0, null, null, null, null, 1, now);
        assertTrue(registry.recordProbe(claim));
        assertEquals(claim, registry.find("billing-sync").orElseThrow().lastProbe(), "the claim's count of tries without a verdict is stored");
        assertFalse(registry.recordProbe(claim), "a second claim from the same read loses");

        ProbeRecord failed = new ProbeRecord("billing-sync", 2, now, dev.logindoctor.probe.ProbeOutcome.FAILED, "login refused",
                "a1b2c3d4-5678-90ab-cdef-111111111111", true, 1, "INVALID_LOGIN", "Invalid username, password, security token; or user locked out.",
                now, "arn:aws:states:us-east-1:123456789012:execution:login-doctor:billing-sync-20261127T1000-0123456789abcdef", 0, null);
        assertTrue(registry.recordProbe(failed));
        assertEquals(failed, registry.find("billing-sync").orElseThrow().lastProbe());
        assertEquals(failed, registry.list().get(0).lastProbe(), "listing reads the same record");
        assertEquals(0, none.revision());
    }

    @Test
    void removingAnIntegrationRemovesItsProbeRecordToo() {
        registry.put(billing());
        assertTrue(registry.recordProbe(new ProbeRecord("billing-sync", 1, Instant.parse("2026-11-27T10:00:00Z"),
                dev.logindoctor.probe.ProbeOutcome.HEALTHY, "login succeeded", "v1", false, 0, null, null, null, null, 0, null)));
        assertTrue(registry.remove("billing-sync"));
        assertFalse(registry.remove("billing-sync"));
        assertTrue(registry.list().isEmpty());
        assertTrue(dynamoDb.getItem(g -> g.tableName(table).key(Map.of(
                "pk", AttributeValue.fromS("INTEGRATION#billing-sync"), "sk", AttributeValue.fromS("PROBE")))).item().isEmpty());
    }
}
