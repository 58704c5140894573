package dev.logindoctor.aws;

import com.fasterxml.jackson.databind.JsonNode;
import dev.logindoctor.salesforce.HttpCall;
import dev.logindoctor.salesforce.HttpReply;
import dev.logindoctor.salesforce.HttpTransport;
import dev.logindoctor.salesforce.SalesforceUnavailable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import software.amazon.awssdk.http.ContentStreamProvider;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.http.auth.spi.signer.HttpSigner;
import software.amazon.awssdk.identity.spi.AwsSessionCredentialsIdentity;

import java.net.URI;
import java.net.http.HttpHeaders;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Login Doctor's own AWS JSON-protocol client: signing as the SDK signs, retries as its standard mode, errors that name what failed. */
@ExtendWith(MotoServer.class)
class AwsJsonApiTest {
    private static final Instant AT = Instant.parse("2026-11-27T10:15:30Z");
    private static final Map<String, String> ACCOUNT = Map.of("AWS_REGION", "eu-west-1", "AWS_ACCESS_KEY_ID", "AKIDEXAMPLE",
            "AWS_SECRET_ACCESS_KEY", "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY", "AWS_SESSION_TOKEN", "session-token-canary-7f3a");

    private final List<HttpCall> sent = new ArrayList<>();

    private AwsJsonApi answering(AwsJsonApi.Service service, HttpReply... replies) {
        AtomicInteger next = new AtomicInteger();
        return new AwsJsonApi(service, call -> {
            sent.add(call);
            return replies[Math.min(next.getAndIncrement(), replies.length - 1)];
        }, AwsAccount.fromSettings(ACCOUNT::get), Clock.fixed(AT, ZoneOffset.UTC));
    }

    private static HttpReply reply(int status, String body) {
        return HttpReply.of(status, "application/x-amz-json-1.0", body);
    }

    @ParameterizedTest
    @EnumSource(AwsJsonApi.Service.class)
    void everyServiceIsSignedAsTheSdksOwnSignerSignsIt(AwsJsonApi.Service service) {
        String body = "{\"TableName\":\"diagnoses\",\"Item\":{\"pk\":{\"S\":\"INTEGRATION#billing-sync\"}}}";
        HttpCall ours = answering(service).signed("SomeOperation", body);

        URI endpoint = URI.create("https://" + service.signingName + ".eu-west-1.amazonaws.com/");
        SdkHttpRequest request = SdkHttpRequest.builder().method(SdkHttpMethod.POST).uri(endpoint)
                .putHeader("content-type", service.contentType)
                .putHeader("x-amz-target", service.targetPrefix + ".SomeOperation")
                .build();
        var signed = AwsV4HttpSigner.create().sign(r -> r
                .identity(AwsSessionCredentialsIdentity.create(ACCOUNT.get("AWS_ACCESS_KEY_ID"), ACCOUNT.get("AWS_SECRET_ACCESS_KEY"),
                        ACCOUNT.get("AWS_SESSION_TOKEN")))
                .request(request)
                .payload(ContentStreamProvider.fromUtf8String(body))
                .putProperty(AwsV4HttpSigner.SERVICE_SIGNING_NAME, service.signingName)
                .putProperty(AwsV4HttpSigner.REGION_NAME, "eu-west-1")
                .putProperty(HttpSigner.SIGNING_CLOCK, Clock.fixed(AT, ZoneOffset.UTC)));

        assertEquals(signed.request().firstMatchingHeader("Authorization").orElseThrow(), ours.headers().get("Authorization"));
        assertEquals(signed.request().firstMatchingHeader("x-amz-security-token").orElseThrow(), ours.headers().get("x-amz-security-token"));
        assertEquals(endpoint, ours.uri());
        assertEquals(service.targetPrefix + ".SomeOperation", ours.headers().get("x-amz-target"));
    }

    @Test
    void aServicesOwnEndpointVariableWinsOverTheGeneralOne() {
        Map<String, String> settings = Map.of("AWS_REGION", "us-east-1", "AWS_ACCESS_KEY_ID", "a", "AWS_SECRET_ACCESS_KEY", "b",
                "AWS_ENDPOINT_URL", "http://127.0.0.1:1/", "AWS_ENDPOINT_URL_DYNAMODB", "http://127.0.0.1:2");
        AwsJsonApi dynamoDb = new AwsJsonApi(AwsJsonApi.Service.DYNAMODB, call -> null, AwsAccount.fromSettings(settings::get), Clock.systemUTC());
        AwsJsonApi events = new AwsJsonApi(AwsJsonApi.Service.EVENTBRIDGE, call -> null, AwsAccount.fromSettings(settings::get), Clock.systemUTC());
        assertEquals(URI.create("http://127.0.0.1:2/"), dynamoDb.signed("GetItem", "{}").uri());
        assertEquals(URI.create("http://127.0.0.1:1/"), events.signed("PutEvents", "{}").uri());
    }

    @Test
    void aThrottledCallIsSentAgainAndItsAnswerReturned() {
        AwsJsonApi api = answering(AwsJsonApi.Service.DYNAMODB,
                reply(400, "{\"__type\":\"com.amazonaws.dynamodb.v20120810#ProvisionedThroughputExceededException\",\"message\":\"slow down\"}"),
                reply(503, ""),
                reply(200, "{\"Item\":{}}"));
        JsonNode answer = api.call("GetItem", "{}");
        assertTrue(answer.has("Item"));
        assertEquals(3, sent.size());
    }

    @Test
    void aCallStillThrottledAfterThreeTriesNamesServiceOperationAndCode() {
        AwsJsonApi api = answering(AwsJsonApi.Service.STEP_FUNCTIONS, reply(400, "{\"__type\":\"ThrottlingException\",\"message\":\"Rate exceeded\"}"));
        AwsCallFailed e = assertThrows(AwsCallFailed.class, () -> api.call("StartExecution", "{}"));
        assertEquals(3, sent.size(), "three tries, as the SDK's standard retry mode");
        assertEquals("ThrottlingException", e.errorCode());
        assertEquals("Step Functions StartExecution failed: ThrottlingException (HTTP 400): Rate exceeded", e.getMessage());
    }

    @Test
    void aRefusalIsNotRetriedAndItsCodeIsReadWithoutTheNamespace() {
        AwsJsonApi api = answering(AwsJsonApi.Service.DYNAMODB,
                reply(400, "{\"__type\":\"com.amazonaws.dynamodb.v20120810#ConditionalCheckFailedException\",\"message\":\"The conditional request failed\"}"));
        AwsCallFailed e = assertThrows(AwsCallFailed.class, () -> api.call("PutItem", "{}"));
        assertEquals(1, sent.size());
        assertTrue(e.is("ConditionalCheckFailedException"), e.getMessage());
        assertEquals(400, e.status());
    }

    @Test
    void withoutATypeInTheBodyTheCodeComesFromTheErrorTypeHeader() {
        HttpHeaders headers = HttpHeaders.of(Map.of("x-amzn-ErrorType", List.of("AccessDeniedException:http://internal.amazon.com/coral/")), (a, b) -> true);
        AwsJsonApi api = answering(AwsJsonApi.Service.EVENTBRIDGE, new HttpReply(403, headers, "<html>denied</html>"));
        AwsCallFailed e = assertThrows(AwsCallFailed.class, () -> api.call("PutEvents", "{}"));
        assertEquals("AccessDeniedException", e.errorCode());
        assertEquals(1, sent.size());
    }

    @Test
    void aGarbledSuccessIsAnErrorNotAnEmptyAnswer() {
        AwsCallFailed html = assertThrows(AwsCallFailed.class,
                () -> answering(AwsJsonApi.Service.DYNAMODB, reply(200, "<html>proxy</html>")).call("Query", "{}"));
        assertEquals("DynamoDB Query answered HTTP 200 with a body that is not a JSON object", html.getMessage());
        AwsCallFailed array = assertThrows(AwsCallFailed.class,
                () -> answering(AwsJsonApi.Service.DYNAMODB, reply(200, "[1,2]")).call("Query", "{}"));
        assertTrue(array.getMessage().contains("not a JSON object"), array.getMessage());
        assertNull(array.errorCode());
    }

    @Test
    void noAnswerAtAllIsTriedThreeTimesThenNamed() {
        AwsJsonApi api = new AwsJsonApi(AwsJsonApi.Service.SECRETS_MANAGER, call -> {
            sent.add(call);
            throw new SalesforceUnavailable(call.kind() + " to secretsmanager.eu-west-1.amazonaws.com: connection refused");
        }, AwsAccount.fromSettings(ACCOUNT::get), Clock.systemUTC());
        AwsCallFailed e = assertThrows(AwsCallFailed.class, () -> api.call("GetSecretValue", "{}"));
        assertEquals(3, sent.size());
        assertEquals(0, e.status());
        assertTrue(e.getMessage().startsWith("Secrets Manager GetSecretValue got no answer: "), e.getMessage());
        assertTrue(e.getMessage().contains("connection refused"), e.getMessage());
    }

    @Test
    void withoutRegionOrCredentialsNothingIsSentAndTheMessageSaysWhichIsMissing() {
        AwsJsonApi noRegion = new AwsJsonApi(AwsJsonApi.Service.DYNAMODB, call -> {
            sent.add(call);
            return null;
        }, AwsAccount.fromSettings(name -> name.equals("AWS_REGION") ? null : "x"), Clock.systemUTC());
        assertEquals("DynamoDB PutItem cannot be called: AWS_REGION is not set",
                assertThrows(AwsCallFailed.class, () -> noRegion.call("PutItem", "{}")).getMessage());
        AwsJsonApi noKeys = new AwsJsonApi(AwsJsonApi.Service.DYNAMODB, call -> {
            sent.add(call);
            return null;
        }, AwsAccount.fromSettings(name -> name.equals("AWS_REGION") ? "us-east-1" : null), Clock.systemUTC());
        assertTrue(assertThrows(AwsCallFailed.class, () -> noKeys.call("PutItem", "{}")).getMessage().contains("no AWS credentials"));
        assertTrue(sent.isEmpty());
    }

    @Test
    void theSecretKeyAndSessionTokenAppearInNoMessage() {
        AwsJsonApi api = answering(AwsJsonApi.Service.STEP_FUNCTIONS, reply(400, "{\"__type\":\"InvalidName\",\"message\":\"bad name\"}"));
        AwsCallFailed e = assertThrows(AwsCallFailed.class, () -> api.call("StartExecution", "{}"));
        AwsAccount.Keys keys = AwsAccount.fromSettings(ACCOUNT::get).keys();
        for (String text : List.of(e.getMessage(), String.valueOf(e), keys.toString())) {
            assertFalse(text.contains("wJalrXUtnFEMI"), text);
            assertFalse(text.contains("session-token-canary"), text);
        }
    }

    /** The functions' constructors take the endpoint from AWS_ENDPOINT_URL or aws.endpointUrl; proved on moto with the property form. */
    @Test
    void theEnvironmentsEndpointReachesMoto(MotoServer.Moto moto) {
        String table = "endpoint-check-" + UUID.randomUUID();
        DiagnosisTable.create(moto.dynamoDb(), table);
        System.setProperty("aws.endpointUrl", moto.endpoint().toString());
        System.setProperty("aws.accessKeyId", "testing");
        System.setProperty("aws.secretAccessKey", "testing");
        System.setProperty("aws.region", "us-east-1");
        try {
            JsonNode tables = AwsJsonApi.fromEnvironment(AwsJsonApi.Service.DYNAMODB, new HttpTransport()).call("ListTables", "{}");
            assertTrue(tables.get("TableNames").toString().contains(table), "the call reached moto, not AWS: " + tables);
        } finally {
            System.clearProperty("aws.endpointUrl");
            System.clearProperty("aws.accessKeyId");
            System.clearProperty("aws.secretAccessKey");
            System.clearProperty("aws.region");
        }
    }
}
