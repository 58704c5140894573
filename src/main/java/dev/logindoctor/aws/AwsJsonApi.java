package dev.logindoctor.aws;

import com.fasterxml.jackson.databind.JsonNode;
import dev.logindoctor.json.Json;
import dev.logindoctor.salesforce.HttpCall;
import dev.logindoctor.salesforce.HttpReply;
import dev.logindoctor.salesforce.HttpTransport;
import dev.logindoctor.salesforce.SalesforceException;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * One AWS service over its JSON protocol (a POST of JSON with an {@code X-Amz-Target} header), signed
 * with Signature Version 4 by the JDK and sent on the shared {@link HttpTransport}. This is how every
 * Lambda function talks to AWS: the SDK's clients are about 1,300 classes and most of a cold start
 * (README, Performance), and Intake, Record, Probe and the steps each make one or two kinds of call.
 * A throttled, 5xx or unanswered call is tried up to three times, as the SDK's standard retry mode
 * would; every other error is an {@link AwsCallFailed} naming the service, operation and AWS's code.
 */
public final class AwsJsonApi {
    private static final DateTimeFormatter AMZ_DATE = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);
    private static final int ATTEMPTS = 3;
    /** The SDK's throttling codes: a call refused with one of these was not done, and may be sent again. */
    private static final Set<String> THROTTLING = Set.of("Throttling", "ThrottlingException", "ThrottledException",
            "ProvisionedThroughputExceededException", "RequestLimitExceeded", "TooManyRequestsException",
            "RequestThrottled", "RequestThrottledException", "SlowDown", "BandwidthLimitExceeded", "PriorRequestNotComplete");

    /** The services Login Doctor calls: name for messages, signing name, target prefix, protocol version, endpoint variable. */
    public enum Service {
        DYNAMODB("DynamoDB", "dynamodb", "DynamoDB_20120810", "1.0", "AWS_ENDPOINT_URL_DYNAMODB"),
        STEP_FUNCTIONS("Step Functions", "states", "AWSStepFunctions", "1.0", "AWS_ENDPOINT_URL_SFN"),
        EVENTBRIDGE("EventBridge", "events", "AWSEvents", "1.1", "AWS_ENDPOINT_URL_EVENTBRIDGE"),
        SECRETS_MANAGER("Secrets Manager", "secretsmanager", "secretsmanager", "1.1", "AWS_ENDPOINT_URL_SECRETS_MANAGER");

        final String title;
        final String signingName;
        final String targetPrefix;
        final String contentType;
        final String endpointVariable;

        Service(String title, String signingName, String targetPrefix, String jsonVersion, String endpointVariable) {
            this.title = title;
            this.signingName = signingName;
            this.targetPrefix = targetPrefix;
            this.contentType = "application/x-amz-json-" + jsonVersion;
            this.endpointVariable = endpointVariable;
        }
    }

    /** Where a request goes: the shared transport in Lambda; a test may count or refuse calls. */
    public interface Sender {
        HttpReply send(HttpCall call);
    }

    private final Service service;
    private final Sender sender;
    private final AwsAccount account;
    private final Clock clock;

    AwsJsonApi(Service service, Sender sender, AwsAccount account, Clock clock) {
        this.service = service;
        this.sender = sender;
        this.account = account;
        this.clock = clock;
    }

    /** The service as Lambda configures a function: region, credentials and endpoint from the environment. */
    static AwsJsonApi fromEnvironment(Service service, HttpTransport transport) {
        return new AwsJsonApi(service, transport::send, AwsAccount.fromEnvironment(), Clock.systemUTC());
    }

    /** The service as a Lambda function calls it, on the instance's one HTTP client. */
    static AwsJsonApi inLambda(Service service) {
        return fromEnvironment(service, LambdaEvidenceSources.transport());
    }

    Service service() {
        return service;
    }

    /** The operation's answer (an object, {@code {}} when AWS sends none), or {@link AwsCallFailed}. */
    JsonNode call(String operation, String body) {
        for (int attempt = 1; ; attempt++) {
            HttpReply reply;
            try {
                reply = sender.send(signed(operation, body));
            } catch (SalesforceException e) {
                // The transport's own words name the host and what went wrong, never the body.
                if (attempt < ATTEMPTS) {
                    pause(attempt);
                    continue;
                }
                throw new AwsCallFailed(service.title, operation, null, 0, "got no answer: " + e.getMessage());
            }
            JsonNode answer = parse(reply.body());
            if (reply.status() == 200) {
                if (answer == null || !answer.isObject()) {
                    throw new AwsCallFailed(service.title, operation, null, 200,
                            reply.body() == null || reply.body().isBlank() ? "answered HTTP 200 with an empty body"
                                    : "answered HTTP 200 with a body that is not a JSON object");
                }
                return answer;
            }
            String code = errorCode(reply, answer);
            if ((reply.status() >= 500 || THROTTLING.contains(code)) && attempt < ATTEMPTS) {
                pause(attempt);
                continue;
            }
            throw new AwsCallFailed(service.title, operation, code, reply.status(), errorMessage(answer));
        }
    }

    /** A signed POST of the operation; also what a test compares with the SDK's own signer. */
    HttpCall signed(String operation, String body) {
        String region = account.region();
        if (region == null || region.isBlank()) {
            throw new AwsCallFailed(service.title, operation, null, 0, "cannot be called: AWS_REGION is not set");
        }
        AwsAccount.Keys keys = account.keys();
        if (keys == null) {
            throw new AwsCallFailed(service.title, operation, null, 0, "cannot be called: no AWS credentials (AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY)");
        }
        URI endpoint = endpoint(region);
        String amzDate = AMZ_DATE.format(clock.instant());
        String date = amzDate.substring(0, 8);
        String payloadHash = sha256Hex(body);
        Map<String, String> headers = new TreeMap<>();
        headers.put("content-type", service.contentType);
        headers.put("x-amz-content-sha256", payloadHash);
        headers.put("host", endpoint.getPort() < 0 ? endpoint.getHost() : endpoint.getHost() + ":" + endpoint.getPort());
        headers.put("x-amz-date", amzDate);
        headers.put("x-amz-target", service.targetPrefix + "." + operation);
        if (keys.sessionToken() != null && !keys.sessionToken().isBlank()) {
            headers.put("x-amz-security-token", keys.sessionToken());
        }
        StringBuilder canonicalHeaders = new StringBuilder();
        headers.forEach((name, value) -> canonicalHeaders.append(name).append(':').append(value.strip()).append('\n'));
        String signedHeaders = String.join(";", headers.keySet());
        String canonical = "POST\n/\n\n" + canonicalHeaders + "\n" + signedHeaders + "\n" + payloadHash;
        String scope = date + "/" + region + "/" + service.signingName + "/aws4_request";
        String toSign = "AWS4-HMAC-SHA256\n" + amzDate + "\n" + scope + "\n" + sha256Hex(canonical);
        byte[] key = hmac(("AWS4" + keys.secretAccessKey()).getBytes(StandardCharsets.UTF_8), date);
        key = hmac(hmac(hmac(key, region), service.signingName), "aws4_request");
        String signature = HexFormat.of().formatHex(hmac(key, toSign));
        Map<String, String> sent = new LinkedHashMap<>(headers);
        sent.remove("host"); // the HTTP client writes Host itself, the same value
        sent.put("Authorization", "AWS4-HMAC-SHA256 Credential=" + keys.accessKeyId() + "/" + scope
                + ", SignedHeaders=" + signedHeaders + ", Signature=" + signature);
        return HttpCall.post(service.title + " " + operation, URI.create(endpoint + "/"), sent, body);
    }

    private URI endpoint(String region) {
        String configured = account.endpoint(service.endpointVariable);
        String url = configured == null || configured.isBlank()
                ? "https://" + service.signingName + "." + region + ".amazonaws.com" : configured.strip();
        return URI.create(url.endsWith("/") ? url.substring(0, url.length() - 1) : url);
    }

    private static JsonNode parse(String body) {
        try {
            return body == null || body.isBlank() ? null : Json.MAPPER.readTree(body);
        } catch (IOException e) {
            return null;
        }
    }

    /** {@code "__type"} ("Code" or "com.amazonaws…#Code"), else the x-amzn-ErrorType header ("Code:http://…"). */
    private static String errorCode(HttpReply reply, JsonNode answer) {
        JsonNode type = answer == null ? null : answer.get("__type");
        String code = type != null && type.isTextual() ? type.asText()
                : reply.headers() == null ? null : reply.headers().firstValue("x-amzn-ErrorType").orElse(null);
        if (code == null || code.isBlank()) {
            return "HTTP" + reply.status();
        }
        code = code.substring(code.lastIndexOf('#') + 1);
        int colon = code.indexOf(':');
        return colon < 0 ? code : code.substring(0, colon);
    }

    /** AWS's own message ("message" or "Message"), shortened: it describes the request, never a secret we send. */
    private static String errorMessage(JsonNode answer) {
        JsonNode message = answer == null ? null : answer.has("message") ? answer.get("message") : answer.get("Message");
        if (message == null || !message.isTextual() || message.asText().isBlank()) {
            return null;
        }
        String text = message.asText().strip();
        return text.length() <= 200 ? text : text.substring(0, 200) + "…";
    }

    private static void pause(int attempt) {
        try {
            Thread.sleep(50L << (2 * (attempt - 1)));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted between tries of an AWS call", e);
        }
    }

    private static String sha256Hex(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    private static byte[] hmac(byte[] key, String data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(data.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every JDK has HmacSHA256", e);
        }
    }
}
