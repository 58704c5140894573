package dev.logindoctor.aws;

import dev.logindoctor.model.Cause;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The CLI's way to AWS: the SDK's default chains find the region and credentials (here the system
 * properties the chains read first; a test cannot set its own environment), and Login Doctor's own
 * calls use them. {@code history --table} reads moto's table this way.
 */
@ExtendWith(MotoServer.class)
class ProfileAccountTest {
    private static final List<String> PROPERTIES = List.of("aws.region", "aws.accessKeyId", "aws.secretAccessKey", "aws.endpointUrl");

    @AfterEach
    void clear() {
        PROPERTIES.forEach(System::clearProperty);
    }

    @Test
    void theSdksChainsGiveTheRegionAndKeysTheCallsSignWith() {
        System.setProperty("aws.region", "eu-central-1");
        System.setProperty("aws.accessKeyId", "AKIDPROFILE");
        System.setProperty("aws.secretAccessKey", "profile-secret");
        ProfileAccount account = new ProfileAccount();
        assertEquals("eu-central-1", account.region());
        assertEquals("AKIDPROFILE", account.keys().accessKeyId());
        String authorization = new AwsJsonApi(AwsJsonApi.Service.DYNAMODB, call -> null, account, java.time.Clock.systemUTC())
                .signed("Query", "{}").headers().get("Authorization");
        assertTrue(authorization.contains("Credential=AKIDPROFILE/") && authorization.contains("/eu-central-1/dynamodb/"), authorization);
        assertFalse(account.keys().toString().contains("profile-secret"));
    }

    @Test
    void historyReadsTheTableThroughTheProfilesAccount(MotoServer.Moto moto) {
        String table = "profile-" + UUID.randomUUID();
        DiagnosisTable.create(moto.dynamoDb(), table);
        Instant failedAt = Instant.parse("2026-11-27T10:15:00Z");
        new DynamoDbDiagnosisStore(moto.api(AwsJsonApi.Service.DYNAMODB), table, Duration.ofDays(30))
                .put(Diagnoses.of("exec-1", "billing-sync", Cause.USER_FROZEN, failedAt));
        System.setProperty("aws.region", "us-east-1");
        System.setProperty("aws.accessKeyId", "testing");
        System.setProperty("aws.secretAccessKey", "testing");
        System.setProperty("aws.endpointUrl", moto.endpoint().toString());
        assertEquals(List.of(Cause.USER_FROZEN), DynamoDbDiagnosisStore.forTable(table).queryByIntegration("billing-sync", 5)
                .stream().map(d -> d.cause()).toList());
    }
}
