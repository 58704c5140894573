package dev.logindoctor.aws;

import dev.logindoctor.engine.DiagnosisState;
import dev.logindoctor.engine.FailureReportParser;
import dev.logindoctor.engine.StepRunner;
import dev.logindoctor.json.Json;
import dev.logindoctor.model.FailureReport;
import dev.logindoctor.salesforce.HttpTransport;
import dev.logindoctor.salesforce.SalesforceEvidenceSources;
import dev.logindoctor.salesforce.TokenCache;
import dev.logindoctor.steps.EliminationStep;

import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.Map;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;

/**
 * The one-time work of a handler's first real request, done in a SnapStart init (run once, at
 * publish) so the snapshot holds it: the whole evidence path of an org-reading step (the secret
 * read over SigV4, the JWT, token, composite and Trust requests, the mapping into evidence), the
 * TLS context — against {@link PrimingOrg} on loopback with made-up data. No AWS SDK class here
 * (the step functions ship none); Intake's and Record's AWS calls are {@link AwsCallPriming}'s. Nothing is kept: a throwaway key, its own token cache, every result
 * discarded; the shared HTTP client keeps no connection (the server is gone before the snapshot).
 */
final class SnapStartPriming {
    /** The recorded answers' time, so the evidence is read as it would be right after that failure. */
    static final Instant AT = Instant.parse("2026-12-03T16:30:20Z");
    static final Clock CLOCK = Clock.fixed(AT, ZoneOffset.UTC);
    private static final String REPORT = """
            {"integrationId": "init-priming", "loginUrl": "https://acme.my.salesforce.com",
             "username": "billing.sync@acme.com", "flow": "SOAP",
             "error": {"code": "INVALID_LOGIN", "description": "Invalid username, password, security token; or user locked out."},
             "failedAt": "2026-12-03T16:30:15Z", "sourceIp": "203.0.113.7",
             "credentialSecret": "priming/integration", "diagnosticsSecret": "priming/diagnostics"}""";

    private SnapStartPriming() {
    }

    /**
     * Rounds of each primed request path: code that ran once in init is still interpreted on the
     * first request, so a few rounds let the JIT compile it first (CheckUsername's first request: 25
     * ms after one round, 19 after five, network excluded; README Performance).
     */
    static final int ROUNDS = 5;

    /** An org-reading step's first request, end to end: secret, token, composite and Trust over the shared client; returns the state it made. */
    static DiagnosisState evidencePath(EliminationStep step) {
        DiagnosisState state = null;
        try (PrimingOrg org = new PrimingOrg()) {
            org.answering("secretsmanager.GetSecretValue", secretAnswer(diagnosticsSecret(org.baseUrl())));
            HttpTransport transport = LambdaEvidenceSources.transport();
            Map<String, String> settings = Map.of("AWS_REGION", "us-east-1", "AWS_ENDPOINT_URL", org.baseUrl(),
                    "AWS_ACCESS_KEY_ID", "init-priming", "AWS_SECRET_ACCESS_KEY", "init-priming");
            SecretsManagerHttp secretsManager = new SecretsManagerHttp(transport, settings::get, CLOCK);
            FailureReport report = new FailureReportParser(CLOCK).parse(REPORT);
            for (int round = 0; round < ROUNDS; round++) {
                // A fresh secret cache and token cache each round, so every round reads, signs and logs in.
                PrefixedSecrets secrets = new PrefixedSecrets(secretsManager::secretString, "priming/", CLOCK);
                SalesforceEvidenceSources sources = new SalesforceEvidenceSources(secrets, org.baseUrl(), transport, CLOCK, new TokenCache());
                state = new StepRunner(sources, StepRunner.OnError.ABSORB).run(step, DiagnosisState.start(report, AT));
                InitPriming.write(StateDocument.write(state));
            }
        }
        try {
            LambdaEvidenceSources.secretsManager().signed("{\"SecretId\":\"priming/diagnostics\"}");
        } catch (AwsCallFailed e) {
            // no region or credentials in this environment: the real request will sign then
        }
        tlsClientHello();
        return state;
    }

    /** The JDK's default TLS context (trust store loaded) and a client hello, as an https request's start would. */
    static void tlsClientHello() {
        try {
            SSLEngine engine = SSLContext.getDefault().createSSLEngine("login.salesforce.com", 443);
            engine.setUseClientMode(true);
            engine.beginHandshake();
            engine.wrap(ByteBuffer.allocate(0), ByteBuffer.allocate(engine.getSession().getPacketBufferSize()));
            engine.closeOutbound();
        } catch (GeneralSecurityException | java.io.IOException e) {
            throw new IllegalStateException("the JDK's default TLS context cannot start a handshake", e);
        }
    }

    static String diagnosticsSecret(String baseUrl) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            KeyPair keys = generator.generateKeyPair();
            String pem = "-----BEGIN PRIVATE KEY-----\n" + Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(keys.getPrivate().getEncoded())
                    + "\n-----END PRIVATE KEY-----\n";
            return Json.MAPPER.createObjectNode().put("loginUrl", baseUrl).put("username", "login-doctor@priming.example")
                    .put("clientId", "init-priming").put("privateKey", pem).put("myDomain", "acme").toString();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every JDK has RSA", e);
        }
    }

    static String secretAnswer(String secret) {
        return Json.MAPPER.createObjectNode().put("Name", "priming/diagnostics").put("VersionId", "init-priming")
                .put("SecretString", secret).toString();
    }
}
