package dev.logindoctor.salesforce;

import dev.logindoctor.engine.DiagnosisState;
import dev.logindoctor.engine.LocalDiagnosisEngine;
import dev.logindoctor.engine.SecretResolver;
import dev.logindoctor.model.Diagnosis;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

import static dev.logindoctor.salesforce.ContractServer.fixture;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The org-request budget is a rule, not a hope: whatever the org answers, one diagnosis sends at most
 * four requests to it, and the count it reports is the count the org received — failed requests included.
 */
class OrgRequestBudgetTest {
    private final ContractServer server = new ContractServer();
    private final Clock clock = Clock.fixed(Instant.parse("2026-11-27T10:20:00Z"), ZoneOffset.UTC);

    @AfterEach
    void stop() {
        server.close();
    }

    private DiagnosisState diagnose() {
        SecretResolver secrets = reference -> DiagnosticsCredentialsTest.secret(server.baseUrl(), KnownSecrets.PRIVATE_KEY_PEM);
        SalesforceEvidenceSources sources = new SalesforceEvidenceSources(secrets, server.baseUrl(), new HttpTransport(), clock, new TokenCache());
        return new LocalDiagnosisEngine(sources, clock).run(OrgEvidenceReaderTest.report("integration@acme.com"));
    }

    private long orgRequests() {
        return server.requests().stream().filter(r -> !r.path().startsWith("/v1/")).count();
    }

    private void token() {
        server.on("POST", "/services/oauth2/token", fixture(200, "oauth-token-success.json", "https://acme.my.salesforce.com", server.baseUrl()));
    }

    @Test
    void anOrgThatAnswers503IsAskedAgainOnlyWhileTheBudgetLastsAndEveryRequestIsCounted() {
        token();
        server.on("POST", "/services/data/v62.0/composite", fixture(503, "html-error-page.html"));
        DiagnosisState finished = diagnose();
        assertTrue(orgRequests() <= 4, "requests sent: " + orgRequests());
        assertEquals(orgRequests(), finished.salesforceRequests());
    }

    @Test
    void aRejectedSessionThenA503CannotPushADiagnosisPastFourRequests() {
        token();
        server.on("POST", "/services/data/v62.0/composite",
                fixture(401, "rest-error-401-invalid-session.json"), fixture(503, "html-error-page.html"));
        DiagnosisState finished = diagnose();
        assertEquals(4, orgRequests(), "token, composite (401), token, composite (503): then the budget is spent");
        assertEquals(4, finished.salesforceRequests());
        Diagnosis diagnosis = new LocalDiagnosisEngine(null, clock).assemble(finished);
        assertEquals(4, diagnosis.salesforceRequests());
    }

    @Test
    void anUnreachableTokenEndpointIsCountedToo() {
        server.on("POST", "/services/oauth2/token", fixture(503, "html-error-page.html"));
        DiagnosisState finished = diagnose();
        assertTrue(orgRequests() <= 4, "requests sent: " + orgRequests());
        assertEquals(orgRequests(), finished.salesforceRequests());
    }
}
