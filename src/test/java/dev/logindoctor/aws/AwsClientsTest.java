package dev.logindoctor.aws;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertTrue;

@ExtendWith(MotoServer.class)
class AwsClientsTest {

    /**
     * The handlers' no-argument constructors build clients with no endpoint of their own; the SDK
     * must then take the endpoint from AWS_ENDPOINT_URL / aws.endpointUrl. Proved against moto with
     * the system-property form (a test cannot set an environment variable of its own JVM).
     */
    @Test
    void theSdkHonoursTheConfiguredEndpointUrl(MotoServer.Moto moto) {
        String table = "endpoint-check-" + UUID.randomUUID();
        DiagnosisTable.create(moto.dynamoDb(), table);
        System.setProperty("aws.endpointUrl", moto.endpoint().toString());
        System.setProperty("aws.accessKeyId", "testing");
        System.setProperty("aws.secretAccessKey", "testing");
        try (DynamoDbClient client = AwsClients.configure(DynamoDbClient.builder()).build()) {
            assertTrue(client.listTables().tableNames().contains(table), "the client reached moto, not AWS");
        } finally {
            System.clearProperty("aws.endpointUrl");
            System.clearProperty("aws.accessKeyId");
            System.clearProperty("aws.secretAccessKey");
        }
    }
}
