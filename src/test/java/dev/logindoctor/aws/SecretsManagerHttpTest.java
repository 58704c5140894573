package dev.logindoctor.aws;

import dev.logindoctor.engine.SecretResolver.SecretUnavailable;
import dev.logindoctor.salesforce.HttpTransport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;

import java.time.Clock;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The step functions' SDK-free GetSecretValue (SigV4 by the JDK) against moto's Secrets Manager. */
@ExtendWith(MotoServer.class)
class SecretsManagerHttpTest {
    private static final String VALUE = "{\"privateKey\":\"-----BEGIN PRIVATE KEY-----\\nMIIEvQ-known-test-value\\n-----END PRIVATE KEY-----\"}";

    private final SecretsManagerClient sdk;
    private final SecretsManagerHttp http;
    private final String prefix = "login-doctor-" + UUID.randomUUID().toString().substring(0, 8) + "/";

    SecretsManagerHttpTest(MotoServer.Moto moto) {
        sdk = moto.secretsManager();
        Map<String, String> env = Map.of("AWS_REGION", "us-east-1", "AWS_ENDPOINT_URL", moto.endpoint().toString(),
                "AWS_ACCESS_KEY_ID", "testing", "AWS_SECRET_ACCESS_KEY", "testing", "AWS_SESSION_TOKEN", "session-token");
        http = new SecretsManagerHttp(new HttpTransport(), env::get, Clock.systemUTC());
    }

    @Test
    void aSecretIsReadByNameOrArnAsTheSdkReadsIt() {
        String arn = sdk.createSecret(c -> c.name(prefix + "diagnostics").secretString(VALUE)).arn();
        assertEquals(VALUE, http.secretString(prefix + "diagnostics"));
        assertEquals(VALUE, http.secretString(arn));
    }

    @Test
    void aMissingSecretNamesTheReferenceAndNothingElse() {
        SecretUnavailable e = assertThrows(SecretUnavailable.class, () -> http.secretString(prefix + "missing"));
        assertEquals("secret '" + prefix + "missing' does not exist in this account and region", e.getMessage());
    }

    @Test
    void aBinarySecretIsRefusedWithoutItsBytes() {
        sdk.createSecret(c -> c.name(prefix + "binary").secretBinary(SdkBytes.fromUtf8String(VALUE)));
        SecretUnavailable e = assertThrows(SecretUnavailable.class, () -> http.secretString(prefix + "binary"));
        assertTrue(e.getMessage().contains("binary data"), e.getMessage());
        assertFalse(e.getMessage().contains("known-test-value"));
    }

    @Test
    void theRequestIsSignedForSecretsManagerInTheRegionWithTheSessionToken() {
        var call = http.signed("{}");
        String authorization = call.headers().get("Authorization");
        assertTrue(authorization.startsWith("AWS4-HMAC-SHA256 Credential=testing/"), authorization);
        assertTrue(authorization.contains("/us-east-1/secretsmanager/aws4_request"), authorization);
        assertTrue(authorization.contains("SignedHeaders=content-type;host;x-amz-content-sha256;x-amz-date;x-amz-security-token;x-amz-target"), authorization);
        assertEquals("session-token", call.headers().get("x-amz-security-token"));
        assertEquals("secretsmanager.GetSecretValue", call.headers().get("x-amz-target"));
    }

    @Test
    void theSignatureIsTheOneTheSdksOwnSignerComputes() {
        java.time.Instant at = java.time.Instant.parse("2026-11-27T10:15:30Z");
        Map<String, String> env = Map.of("AWS_REGION", "eu-west-1", "AWS_ACCESS_KEY_ID", "AKIDEXAMPLE",
                "AWS_SECRET_ACCESS_KEY", "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY");
        SecretsManagerHttp fixed = new SecretsManagerHttp(new HttpTransport(), env::get, Clock.fixed(at, java.time.ZoneOffset.UTC));
        String body = "{\"SecretId\":\"login-doctor/diagnostics\"}";
        var ours = fixed.signed(body);

        var request = software.amazon.awssdk.http.SdkHttpRequest.builder()
                .method(software.amazon.awssdk.http.SdkHttpMethod.POST)
                .uri(java.net.URI.create("https://secretsmanager.eu-west-1.amazonaws.com/"))
                .putHeader("content-type", "application/x-amz-json-1.1")
                .putHeader("x-amz-target", "secretsmanager.GetSecretValue")
                .build();
        var signed = software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner.create().sign(r -> r
                .identity(software.amazon.awssdk.identity.spi.AwsCredentialsIdentity.create("AKIDEXAMPLE", "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY"))
                .request(request)
                .payload(software.amazon.awssdk.http.ContentStreamProvider.fromUtf8String(body))
                .putProperty(software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner.SERVICE_SIGNING_NAME, "secretsmanager")
                .putProperty(software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner.REGION_NAME, "eu-west-1")
                .putProperty(software.amazon.awssdk.http.auth.spi.signer.HttpSigner.SIGNING_CLOCK, Clock.fixed(at, java.time.ZoneOffset.UTC)));

        assertEquals(signed.request().firstMatchingHeader("Authorization").orElseThrow(), ours.headers().get("Authorization"));
        assertEquals(java.net.URI.create("https://secretsmanager.eu-west-1.amazonaws.com/"), ours.uri());
    }

    @Test
    void withoutRegionOrCredentialsNothingIsSent() {
        SecretsManagerHttp bare = new SecretsManagerHttp(new HttpTransport(), name -> null, Clock.systemUTC());
        SecretUnavailable e = assertThrows(SecretUnavailable.class, () -> bare.secretString(prefix + "diagnostics"));
        assertTrue(e.getMessage().contains("AWS_REGION is not set"), e.getMessage());
    }
}
