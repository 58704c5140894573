package dev.logindoctor.aws;

import com.fasterxml.jackson.databind.JsonNode;
import dev.logindoctor.engine.SecretResolver.SecretUnavailable;
import dev.logindoctor.json.Json;
import dev.logindoctor.salesforce.HttpCall;
import dev.logindoctor.salesforce.HttpTransport;

import java.time.Clock;
import java.util.function.Function;

/**
 * Secrets Manager's GetSecretValue on {@link AwsJsonApi} (SigV4 by the JDK, no AWS SDK): the step
 * functions read one secret per diagnosis, the probe an integration's credential with its version.
 * Errors name the reference and Secrets Manager's error code, never a value.
 */
final class SecretsManagerHttp {
    private final AwsJsonApi api;

    SecretsManagerHttp(HttpTransport transport, Function<String, String> settings, Clock clock) {
        this(new AwsJsonApi(AwsJsonApi.Service.SECRETS_MANAGER, transport::send, AwsAccount.fromSettings(settings), clock));
    }

    SecretsManagerHttp(AwsJsonApi api) {
        this.api = api;
    }

    /** Lambda's environment, else the SDK's system properties (aws.region, aws.endpointUrl, aws.accessKeyId, …). */
    static SecretsManagerHttp fromEnvironment(HttpTransport transport) {
        return new SecretsManagerHttp(AwsJsonApi.fromEnvironment(AwsJsonApi.Service.SECRETS_MANAGER, transport));
    }

    /** The secret's string value, or {@link SecretUnavailable} naming the reference. */
    String secretString(String reference) {
        return getSecretValue(reference).get("SecretString").asText();
    }

    /** GetSecretValue's answer, holding a string SecretString; every failure a {@link SecretUnavailable} naming the reference. */
    JsonNode getSecretValue(String reference) {
        JsonNode answer;
        try {
            answer = api.call("GetSecretValue", "{\"SecretId\":" + Json.MAPPER.valueToTree(reference) + "}");
        } catch (AwsCallFailed e) {
            if (e.is("ResourceNotFoundException")) {
                throw new SecretUnavailable("secret '" + reference + "' does not exist in this account and region");
            }
            // Code and status only: Secrets Manager's message is not needed to act, and is kept out of every error.
            throw new SecretUnavailable("secret '" + reference + "' cannot be read: "
                    + (e.errorCode() == null ? e.getMessage() : e.errorCode() + " (HTTP " + e.status() + ")"));
        }
        JsonNode value = answer.get("SecretString");
        if (value == null || !value.isTextual()) {
            throw new SecretUnavailable("secret '" + reference + "' holds binary data; Login Doctor expects a JSON string");
        }
        return answer;
    }

    /** A signed POST of GetSecretValue; also what init priming signs (nothing is sent then). */
    HttpCall signed(String body) {
        return api.signed("GetSecretValue", body);
    }
}
