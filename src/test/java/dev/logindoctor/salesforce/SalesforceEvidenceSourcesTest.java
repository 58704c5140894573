package dev.logindoctor.salesforce;

import dev.logindoctor.engine.SourceUnavailable;
import dev.logindoctor.engine.SecretResolver;
import dev.logindoctor.model.FailureReport;
import dev.logindoctor.model.Lookup;
import dev.logindoctor.model.OrgEvidence;
import dev.logindoctor.model.TrustEvidence;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static dev.logindoctor.salesforce.ContractServer.fixture;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The engine's evidence port over the real clients: what becomes unavailable, what is thrown for a retry. */
class SalesforceEvidenceSourcesTest {
    private final ContractServer server = new ContractServer();
    private final Clock clock = Clock.fixed(Instant.parse("2026-11-27T10:20:00Z"), ZoneOffset.UTC);
    private final List<String> asked = new ArrayList<>();

    @AfterEach
    void stop() {
        server.close();
    }

    private SalesforceEvidenceSources sources(Map<String, String> secretValues) {
        SecretResolver resolver = reference -> {
            asked.add(reference);
            String v = secretValues.get(reference);
            if (v == null) {
                throw new SecretResolver.SecretUnavailable("secret '" + reference + "' does not exist");
            }
            return v;
        };
        return new SalesforceEvidenceSources(resolver, server.baseUrl(), new HttpTransport(), clock, new TokenCache());
    }

    private SalesforceEvidenceSources withDiagnostics() {
        return sources(Map.of("login-doctor/diagnostics", DiagnosticsCredentialsTest.secret(server.baseUrl(), KnownSecrets.PRIVATE_KEY_PEM),
                "login-doctor/billing-sync", "{\"password\":\"" + KnownSecrets.PASSWORD + "\",\"securityToken\":\"" + KnownSecrets.SECURITY_TOKEN + "\"}"));
    }

    private static FailureReport report() {
        return OrgEvidenceReaderTest.report("integration@acme.com");
    }

    private void token() {
        server.on("POST", "/services/oauth2/token", fixture(200, "oauth-token-success.json", "https://acme.my.salesforce.com", server.baseUrl()));
    }

    @Test
    void aReportWithoutADiagnosticsSecretReadsNothing() {
        FailureReport r = report();
        FailureReport none = new FailureReport(r.integrationId(), r.loginUrl(), r.username(), r.flow(), r.error(), r.failedAt(), r.sourceIp(),
                r.credentialUpdatedAt(), r.credentialSecret(), null);
        OrgEvidence e = withDiagnostics().fetchOrg(none);
        assertFalse(e.available());
        assertTrue(e.unavailableReason().startsWith("the report names no diagnostics secret; "), e.unavailableReason());
        assertEquals(0, e.requests());
        assertTrue(server.requests().isEmpty());
        assertTrue(asked.isEmpty(), "not even the integration's credential secret is read");
    }

    @Test
    void aSuccessfulReadSpendsTwoRequestsAndNeverTouchesTheIntegrationsCredential() {
        token();
        server.on("POST", "/services/data/v62.0/composite", fixture(200, "composite-org-evidence-locked-user.json"));
        OrgEvidence e = withDiagnostics().fetchOrg(report());
        assertTrue(e.available());
        assertEquals(Lookup.FOUND, e.userLookup());
        assertEquals(2, e.requests());
        assertEquals(List.of("login-doctor/diagnostics"), asked);
        assertEquals(2, server.requests().size());
    }

    @Test
    void anUnreadableOrUnusableSecretIsUnavailableEvidence() {
        OrgEvidence missing = sources(Map.of()).fetchOrg(report());
        assertEquals("secret 'login-doctor/diagnostics' does not exist", missing.unavailableReason());
        String pkcs1 = KnownSecrets.PRIVATE_KEY_PEM.replace("BEGIN PRIVATE KEY", "BEGIN RSA PRIVATE KEY").replace("END PRIVATE KEY", "END RSA PRIVATE KEY");
        OrgEvidence bad = sources(Map.of("login-doctor/diagnostics", DiagnosticsCredentialsTest.secret(server.baseUrl(), pkcs1))).fetchOrg(report());
        assertFalse(bad.available());
        assertTrue(bad.unavailableReason().contains("PKCS#1"), bad.unavailableReason());
        KnownSecrets.assertAbsent("unavailable reason", bad.unavailableReason());
    }

    @Test
    void aRefusedJwtIsUnavailableEvidenceThatExplainsTheSetup() {
        server.on("POST", "/services/oauth2/token", fixture(400, "oauth-error-not-approved.json"));
        OrgEvidence e = withDiagnostics().fetchOrg(report());
        assertFalse(e.available());
        assertEquals(1, e.requests());
        assertTrue(e.unavailableReason().contains("pre-authorize the diagnostics user's profile or permission set"), e.unavailableReason());
        assertTrue(e.gap("user").startsWith("no diagnostics connection: the diagnostics user's JWT bearer login"), e.gap("user"));
    }

    @Test
    void aRejectedOrGarbledCompositeIsUnavailable() {
        token();
        server.on("POST", "/services/data/v62.0/composite", fixture(400, "rest-error-400-malformed-query.json"),
                fixture(200, "html-error-page.html"));
        OrgEvidence rejected = withDiagnostics().fetchOrg(report());
        assertTrue(rejected.unavailableReason().startsWith("Salesforce refused the request (HTTP 400 MALFORMED_QUERY)"), rejected.unavailableReason());
        assertEquals(2, rejected.requests());
        OrgEvidence garbled = withDiagnostics().fetchOrg(report());
        assertTrue(garbled.unavailableReason().startsWith("composite body was not JSON: starts with '<html>"), garbled.unavailableReason());
    }

    @Test
    void throttlingAndOutagesAreThrownForTheCallerToRetry() {
        token();
        server.on("POST", "/services/data/v62.0/composite", fixture(403, "rest-error-403-request-limit.json"), fixture(502, "html-error-page.html"));
        // The engine's one retryable failure, carrying what Salesforce said and the original as its cause.
        SourceUnavailable throttled = assertThrows(SourceUnavailable.class, () -> withDiagnostics().fetchOrg(report()));
        assertInstanceOf(Throttled.class, throttled.getCause());
        assertTrue(throttled.getMessage().contains("REQUEST_LIMIT_EXCEEDED"), throttled.getMessage());
        assertInstanceOf(SalesforceUnavailable.class, assertThrows(SourceUnavailable.class, () -> withDiagnostics().fetchOrg(report())).getCause());
    }

    @Test
    void trustUsesTheOrgsInstance() {
        server.on("GET", "/v1/instances/NA224/status", fixture(200, "trust-instance-status-na224.json"));
        server.on("GET", "/v1/maintenances", fixture(200, "trust-maintenances-na224.json"));
        server.on("GET", "/v1/incidents", fixture(200, "trust-incidents-na224.json"));
        TrustEvidence t = withDiagnostics().fetchTrust(report(), TrustEvidenceReaderTest.orgOn("NA224"));
        assertTrue(t.available());
        assertEquals("NA224", t.instanceKey());
    }

    @Test
    void oneDiagnosisReadsTheDiagnosticsSecretOnceEvenWhenTrustNeedsItsMyDomainHint() {
        server.on("POST", "/services/oauth2/token", fixture(400, "oauth-error-invalid-assertion.json"));
        server.on("GET", "/v1/instanceAliases/acme/status", fixture(200, "trust-instance-status-na224.json"));
        server.on("GET", "/v1/maintenances", fixture(200, "trust-maintenances-na224.json"));
        server.on("GET", "/v1/incidents", fixture(200, "trust-incidents-na224.json"));
        SalesforceEvidenceSources sources = withDiagnostics();
        FailureReport r = report();
        FailureReport generic = new FailureReport(r.integrationId(), "https://login.salesforce.com", r.username(), r.flow(), r.error(),
                r.failedAt(), r.sourceIp(), r.credentialUpdatedAt(), r.credentialSecret(), r.diagnosticsSecret());
        OrgEvidence org = sources.fetchOrg(generic);
        sources.fetchTrust(generic, org);
        assertEquals(List.of("login-doctor/diagnostics"), asked);
    }

    @Test
    void anErrorBodyThatEchoesTheAccessTokenInAnyEncodingNeverCarriesItIntoTheReason() {
        String token = "opaque.Token/Value+1234567890";
        server.on("POST", "/services/oauth2/token", ContractServer.json(200, "{\"access_token\":\"" + token + "\",\"instance_url\":\""
                + server.baseUrl() + "\",\"id\":\"https://login.salesforce.com/id/00D5g00000ABCDEEA2/0055g00000DIAGNAAA\","
                + "\"token_type\":\"Bearer\",\"issued_at\":\"1764238500000\",\"scope\":\"api\"}"));
        String urlEncoded = java.net.URLEncoder.encode(token, java.nio.charset.StandardCharsets.UTF_8);
        server.on("POST", "/services/data/v62.0/composite", ContractServer.json(400,
                "[{\"errorCode\":\"INVALID_FIELD\",\"message\":\"no such session " + urlEncoded + " (" + token.toUpperCase() + ")\"}]"));
        OrgEvidence e = withDiagnostics().fetchOrg(report());
        assertFalse(e.available());
        assertFalse(e.unavailableReason().contains(urlEncoded), e.unavailableReason());
        assertFalse(e.unavailableReason().toLowerCase().contains(token.toLowerCase()), e.unavailableReason());
        assertTrue(e.unavailableReason().contains("[redacted]"), e.unavailableReason());
    }
}
