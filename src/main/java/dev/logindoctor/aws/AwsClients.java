package dev.logindoctor.aws;

import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.EnvironmentVariableCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.awscore.client.builder.AwsSyncClientBuilder;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.sfn.SfnClient;

import java.util.function.Supplier;

/**
 * The SDK clients a warm Lambda instance reuses, each built on first use (a step that needs no
 * secret never pays for a Secrets Manager client). JDK HTTP client, the region and credentials
 * Lambda puts in the environment; {@code AWS_ENDPOINT_URL} (or {@code aws.endpointUrl}) is
 * honoured by the SDK itself, which is how the tests point the no-argument constructors at moto.
 */
final class AwsClients {

    private AwsClients() {
    }

    static DynamoDbClient dynamoDb() {
        return DynamoDb.CLIENT;
    }

    static SfnClient stepFunctions() {
        return StepFunctions.CLIENT;
    }

    /**
     * The Step Functions client, for wiring that must not load the SDK before the first start
     * ({@code new AwsClients.StepFunctionsOnDemand()}): a method reference ({@code AwsClients::stepFunctions})
     * resolves its SfnClient return type, and verifying this class loads the SDK's builder types.
     * A nested class does neither until {@link #get()} runs.
     */
    static final class StepFunctionsOnDemand implements Supplier<SfnClient> {
        @Override
        public SfnClient get() {
            return StepFunctions.CLIENT;
        }
    }

    static EventBridgeClient eventBridge() {
        return EventBridge.CLIENT;
    }

    static SecretsManagerClient secretsManager() {
        return SecretsManager.CLIENT;
    }

    // Holder classes: the JVM builds each client once, thread-safely, on first access.
    private static final class DynamoDb {
        static final DynamoDbClient CLIENT = configure(DynamoDbClient.builder()).build();
    }

    private static final class StepFunctions {
        static final SfnClient CLIENT = configure(SfnClient.builder()).build();
    }

    private static final class EventBridge {
        static final EventBridgeClient CLIENT = configure(EventBridgeClient.builder()).build();
    }

    private static final class SecretsManager {
        static final SecretsManagerClient CLIENT = configure(SecretsManagerClient.builder()).build();
    }

    static <B extends AwsClientBuilder<B, ?> & AwsSyncClientBuilder<B, ?>> B configure(B builder) {
        builder.httpClientBuilder(UrlConnectionHttpClient.builder());
        String region = System.getenv("AWS_REGION");
        if (region != null && !region.isBlank()) {
            builder.region(Region.of(region));
        }
        builder.credentialsProvider(credentials());
        return builder;
    }

    /** In Lambda the credentials are in the environment: skip the default chain's profile-file and IMDS probing. */
    private static AwsCredentialsProvider credentials() {
        return System.getenv("AWS_LAMBDA_FUNCTION_NAME") != null
                ? EnvironmentVariableCredentialsProvider.create()
                : DefaultCredentialsProvider.builder().build();
    }
}
