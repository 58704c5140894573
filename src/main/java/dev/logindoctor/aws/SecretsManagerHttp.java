package dev.logindoctor.aws;

import com.fasterxml.jackson.databind.JsonNode;
import dev.logindoctor.engine.SecretResolver.SecretUnavailable;
import dev.logindoctor.json.Json;
import dev.logindoctor.salesforce.HttpCall;
import dev.logindoctor.salesforce.HttpReply;
import dev.logindoctor.salesforce.HttpTransport;
import dev.logindoctor.salesforce.SalesforceException;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
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
import java.util.TreeMap;
import java.util.function.Function;

/**
 * Secrets Manager's GetSecretValue over its JSON API, signed with Signature Version 4 by the JDK
 * and sent on the shared {@link HttpTransport}: the step functions read one secret per diagnosis,
 * and this way they load no AWS SDK (about 1,300 classes, most of a step's cold start) and ship
 * none (docs/COLD-PATH.md). Region, endpoint and the function role's credentials come from the
 * environment Lambda sets ({@code AWS_REGION}, {@code AWS_ACCESS_KEY_ID}, {@code AWS_SECRET_ACCESS_KEY},
 * {@code AWS_SESSION_TOKEN}; {@code AWS_ENDPOINT_URL} or the {@code aws.*} system properties for moto).
 * A throttled or failed call is tried up to three times, as the SDK would; errors name the
 * reference and Secrets Manager's error code, never a value.
 */
final class SecretsManagerHttp {
    private static final String SERVICE = "secretsmanager";
    private static final DateTimeFormatter AMZ_DATE = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);
    private static final int ATTEMPTS = 3;

    private final HttpTransport transport;
    private final Function<String, String> settings;
    private final Clock clock;

    SecretsManagerHttp(HttpTransport transport, Function<String, String> settings, Clock clock) {
        this.transport = transport;
        this.settings = settings;
        this.clock = clock;
    }

    /** Lambda's environment, else the SDK's system properties (aws.region, aws.endpointUrl, aws.accessKeyId, …). */
    static SecretsManagerHttp fromEnvironment(HttpTransport transport) {
        return new SecretsManagerHttp(transport, name -> {
            String value = System.getenv(name);
            return value != null && !value.isBlank() ? value : System.getProperty(PROPERTIES.getOrDefault(name, name));
        }, Clock.systemUTC());
    }

    private static final Map<String, String> PROPERTIES = Map.of("AWS_REGION", "aws.region", "AWS_ENDPOINT_URL", "aws.endpointUrl",
            "AWS_ACCESS_KEY_ID", "aws.accessKeyId", "AWS_SECRET_ACCESS_KEY", "aws.secretAccessKey", "AWS_SESSION_TOKEN", "aws.sessionToken");

    /** The secret's string value, or {@link SecretUnavailable} naming the reference. */
    String secretString(String reference) {
        String body = "{\"SecretId\":" + Json.MAPPER.valueToTree(reference) + "}";
        for (int attempt = 1; ; attempt++) {
            HttpReply reply;
            try {
                reply = transport.send(signed(body));
            } catch (SalesforceException e) {
                if (attempt < ATTEMPTS) {
                    pause(attempt);
                    continue;
                }
                throw new SecretUnavailable("secret '" + reference + "' cannot be read: Secrets Manager did not answer");
            }
            JsonNode answer = parse(reply.body());
            if (reply.status() == 200) {
                JsonNode value = answer == null ? null : answer.get("SecretString");
                if (value == null || !value.isTextual()) {
                    throw new SecretUnavailable("secret '" + reference + "' holds binary data; Login Doctor expects a JSON string");
                }
                return value.asText();
            }
            String code = errorCode(answer);
            if ((reply.status() >= 500 || code.equals("ThrottlingException")) && attempt < ATTEMPTS) {
                pause(attempt);
                continue;
            }
            if (code.equals("ResourceNotFoundException")) {
                throw new SecretUnavailable("secret '" + reference + "' does not exist in this account and region");
            }
            throw new SecretUnavailable("secret '" + reference + "' cannot be read: " + code + " (HTTP " + reply.status() + ")");
        }
    }

    /** A signed POST of GetSecretValue; also what init priming signs (nothing is sent then). */
    HttpCall signed(String body) {
        String region = required("AWS_REGION");
        URI endpoint = endpoint(region);
        String amzDate = AMZ_DATE.format(clock.instant());
        String date = amzDate.substring(0, 8);
        String payloadHash = sha256Hex(body);
        Map<String, String> headers = new TreeMap<>();
        headers.put("content-type", "application/x-amz-json-1.1");
        headers.put("x-amz-content-sha256", payloadHash);
        headers.put("host", endpoint.getPort() < 0 ? endpoint.getHost() : endpoint.getHost() + ":" + endpoint.getPort());
        headers.put("x-amz-date", amzDate);
        headers.put("x-amz-target", "secretsmanager.GetSecretValue");
        String token = settings.apply("AWS_SESSION_TOKEN");
        if (token != null && !token.isBlank()) {
            headers.put("x-amz-security-token", token);
        }
        StringBuilder canonicalHeaders = new StringBuilder();
        headers.forEach((name, value) -> canonicalHeaders.append(name).append(':').append(value.strip()).append('\n'));
        String signedHeaders = String.join(";", headers.keySet());
        String canonical = "POST\n/\n\n" + canonicalHeaders + "\n" + signedHeaders + "\n" + payloadHash;
        String scope = date + "/" + region + "/" + SERVICE + "/aws4_request";
        String toSign = "AWS4-HMAC-SHA256\n" + amzDate + "\n" + scope + "\n" + sha256Hex(canonical);
        byte[] key = hmac(("AWS4" + required("AWS_SECRET_ACCESS_KEY")).getBytes(StandardCharsets.UTF_8), date);
        key = hmac(hmac(hmac(key, region), SERVICE), "aws4_request");
        String signature = HexFormat.of().formatHex(hmac(key, toSign));
        Map<String, String> sent = new LinkedHashMap<>(headers);
        sent.remove("host"); // the HTTP client writes Host itself, the same value
        sent.put("Authorization", "AWS4-HMAC-SHA256 Credential=" + required("AWS_ACCESS_KEY_ID") + "/" + scope
                + ", SignedHeaders=" + signedHeaders + ", Signature=" + signature);
        return HttpCall.post("Secrets Manager GetSecretValue", URI.create(endpoint + "/"), sent, body);
    }

    private URI endpoint(String region) {
        String configured = settings.apply("AWS_ENDPOINT_URL_SECRETS_MANAGER");
        if (configured == null || configured.isBlank()) {
            configured = settings.apply("AWS_ENDPOINT_URL");
        }
        String url = configured == null || configured.isBlank() ? "https://secretsmanager." + region + ".amazonaws.com" : configured.strip();
        return URI.create(url.endsWith("/") ? url.substring(0, url.length() - 1) : url);
    }

    private String required(String name) {
        String value = settings.apply(name);
        if (value == null || value.isBlank()) {
            throw new SecretUnavailable("Secrets Manager cannot be called: " + name + " is not set");
        }
        return value;
    }

    private static JsonNode parse(String body) {
        try {
            return body == null || body.isBlank() ? null : Json.MAPPER.readTree(body);
        } catch (IOException e) {
            return null;
        }
    }

    /** {@code "__type"} is "ResourceNotFoundException" or "com.amazonaws…#ResourceNotFoundException"; never a value. */
    private static String errorCode(JsonNode answer) {
        JsonNode type = answer == null ? null : answer.get("__type");
        if (type == null || !type.isTextual()) {
            return "unknown error";
        }
        String code = type.asText();
        return code.substring(code.lastIndexOf('#') + 1);
    }

    private static void pause(int attempt) {
        try {
            Thread.sleep(50L << (2 * (attempt - 1)));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SecretUnavailable("interrupted while reading a secret");
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
