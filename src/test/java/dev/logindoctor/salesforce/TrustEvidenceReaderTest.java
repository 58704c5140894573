package dev.logindoctor.salesforce;

import dev.logindoctor.model.FailureReport;
import dev.logindoctor.model.LoginFlow;
import dev.logindoctor.model.OrgEvidence;
import dev.logindoctor.model.OrgInfo;
import dev.logindoctor.model.ReportedError;
import dev.logindoctor.model.TrustEvent;
import dev.logindoctor.model.TrustEvidence;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import static dev.logindoctor.salesforce.ContractServer.fixture;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The Trust API reader against reconstructed Trust bodies (docs/salesforce-wire-facts.md#trust-status-api). */
class TrustEvidenceReaderTest {
    static final Instant FAILED_AT = Instant.parse("2026-11-27T10:15:00Z");
    private final ContractServer server = new ContractServer();

    @AfterEach
    void stop() {
        server.close();
    }

    private TrustEvidence read(String loginUrl, OrgEvidence org) {
        return new TrustEvidenceReader(new TrustClient(server.baseUrl(), new HttpTransport())).read(report(loginUrl), org, FAILED_AT);
    }

    static FailureReport report(String loginUrl) {
        return new FailureReport("billing-sync", loginUrl, "integration@acme.com", LoginFlow.SOAP, new ReportedError("INVALID_LOGIN", ""),
                FAILED_AT, null, null, null, null);
    }

    static OrgEvidence orgOn(String instance) {
        return new OrgEvidence(true, null, new OrgInfo("00D5g00000ABCDEEA2", "Acme", instance, false, null, "Enterprise Edition", "UTC"),
                null, null, null, null, null, null, null, null, null, "https://acme.my.salesforce.com", Map.of(), 2, null);
    }

    private void serveNa224() {
        server.on("GET", "/v1/instances/NA224/status", fixture(200, "trust-instance-status-na224.json"));
        server.on("GET", "/v1/maintenances", fixture(200, "trust-maintenances-na224.json"));
        server.on("GET", "/v1/incidents", fixture(200, "trust-incidents-na224.json"));
    }

    @Test
    void theOrgsInstanceGivesStatusMaintenancesAndIncidentsNearTheFailure() {
        serveNa224();
        TrustEvidence t = read("https://acme.my.salesforce.com", orgOn("NA224"));
        assertTrue(t.available());
        assertEquals("NA224", t.instanceKey());
        assertEquals("MAINTENANCE_CORE", t.instanceStatus());

        // Sent side by side, so in no particular order.
        List<String> queries = server.requests().stream().map(r -> r.path() + (r.query() == null ? "" : "?" + r.query())).sorted().toList();
        assertEquals(List.of("/v1/incidents?instance=NA224&startTime=2026-11-26T10:15:00Z",
                "/v1/instances/NA224/status?childProducts=false",
                "/v1/maintenances?instance=NA224&startTime=2026-11-26T10:15:00Z"), queries);

        assertEquals(3, t.events().size(), "the embedded maintenance once, no past or foreign ones, two incidents: " + t.events());
        TrustEvent maintenance = t.events().stream().filter(e -> e.kind() == TrustEvent.Kind.MAINTENANCE).findFirst().orElseThrow();
        assertEquals("NA224 Patch Release", maintenance.name());
        assertEquals(Instant.parse("2026-11-27T10:00:00Z"), maintenance.start());
        assertEquals(Instant.parse("2026-11-27T12:00:00Z"), maintenance.end());
        assertTrue(maintenance.core());
        assertEquals("inProgress", maintenance.status());
        assertTrue(maintenance.covers(FAILED_AT, 0));

        TrustEvent incident = t.events().stream().filter(e -> "15001".equals(e.id())).findFirst().orElseThrow();
        assertEquals(Instant.parse("2026-11-27T10:05:00Z"), incident.start(), "earliest impact start");
        assertEquals(Instant.parse("2026-11-27T10:45:00Z"), incident.end(), "latest impact end");
        assertTrue(incident.core());
        assertEquals("resolved", incident.status(), "the latest IncidentEvent");
        TrustEvent open = t.events().stream().filter(e -> "15002".equals(e.id())).findFirst().orElseThrow();
        assertNull(open.end(), "an impact without endTime keeps the incident open");
        assertFalse(open.core());
    }

    @Test
    void withoutTheOrgTheMyDomainAliasFindsTheInstance() {
        serveNa224();
        server.on("GET", "/v1/instanceAliases/acme/status", fixture(200, "trust-alias-status-acme.json"));
        TrustEvidence t = read("https://acme.my.salesforce.com", OrgEvidence.unavailable("no secret", 0));
        assertEquals("NA224", t.instanceKey());
        assertEquals("/v1/instanceAliases/acme/status", server.requests().get(0).path());
    }

    @Test
    void anUnknownAliasFallsBackToSearch() {
        serveNa224();
        server.on("GET", "/v1/search/acme", fixture(200, "trust-search-acme.json"));
        TrustEvidence t = read("https://acme.my.salesforce.com", null);
        assertEquals("NA224", t.instanceKey(), "alias endpoint 404, search hit");
    }

    @Test
    void anEmptySearchMakesTrustUnavailableSayingWhy() {
        server.on("GET", "/v1/search/acme--uat", fixture(200, "trust-search-empty.json"));
        TrustEvidence t = read("https://acme--uat.sandbox.my.salesforce.com", null);
        assertFalse(t.available());
        assertEquals("the Trust API knows no instance for My Domain 'acme--uat' (it lists none for sandbox, trial and scratch orgs)",
                t.unavailableReason());
    }

    @Test
    void aGenericLoginHostWithoutTheOrgCannotBeResolved() {
        TrustEvidence t = read("https://login.salesforce.com", OrgEvidence.unavailable("no secret", 0));
        assertFalse(t.available());
        assertEquals("the org's instance is unknown: there is no diagnostics connection, and the login host login.salesforce.com "
                + "is not a My Domain whose alias the Trust API could look up (name it as \"myDomain\" in the diagnostics secret)",
                t.unavailableReason());
        assertTrue(server.requests().isEmpty());
    }

    @Test
    void withoutTheOrgTheDiagnosticsSecretsMyDomainLeadsToTheInstance() {
        // During maintenance even the diagnostics login is refused: the alias must come from the secret.
        serveNa224();
        server.on("GET", "/v1/instanceAliases/acme/status", fixture(200, "trust-alias-status-acme.json"));
        TrustEvidence t = new TrustEvidenceReader(new TrustClient(server.baseUrl(), new HttpTransport()))
                .read(report("https://login.salesforce.com"), OrgEvidence.unavailable("refused", 1), FAILED_AT, "ACME");
        assertEquals("/v1/instanceAliases/acme/status", server.requests().get(0).path());
        assertEquals("NA224", t.instanceKey(), String.valueOf(t));
    }

    @Test
    void throttlingAndOutagesAreThrownForARetryGarbageIsUnavailable() {
        server.on("GET", "/v1/instances/NA224/status", fixture(503, "html-error-page.html"));
        assertThrows(Throttled.class, () -> read("https://acme.my.salesforce.com", orgOn("NA224")));
        server.on("GET", "/v1/instances/NA225/status", fixture(500, "html-error-page.html"));
        assertThrows(SalesforceUnavailable.class, () -> read("https://acme.my.salesforce.com", orgOn("NA225")));
        server.on("GET", "/v1/instances/NA226/status", fixture(200, "html-error-page.html"));
        TrustEvidence t = read("https://acme.my.salesforce.com", orgOn("NA226"));
        assertFalse(t.available());
        assertTrue(t.unavailableReason().startsWith("the Trust API could not be read: Trust instance status body was not JSON"), t.unavailableReason());
    }

    @Test
    void aBaseUrlWithV1IsNotDoubled() {
        serveNa224();
        TrustEvidence t = new TrustEvidenceReader(new TrustClient(server.baseUrl() + "/v1/", new HttpTransport()))
                .read(report("https://acme.my.salesforce.com"), orgOn("NA224"), FAILED_AT);
        assertTrue(t.available());
        assertThrows(InsecureEndpoint.class, () -> new TrustClient("http://api.status.salesforce.com", new HttpTransport()));
    }

    @Test
    void aliasesComeFromMyDomainHostsOnly() {
        assertEquals("acme", TrustEvidenceReader.myDomainAlias("https://acme.my.salesforce.com"));
        assertEquals("acme--uat", TrustEvidenceReader.myDomainAlias("https://acme--uat.sandbox.my.salesforce.com/"));
        assertEquals("acme", TrustEvidenceReader.myDomainAlias("https://ACME.lightning.force.com"));
        assertNull(TrustEvidenceReader.myDomainAlias("https://login.salesforce.com"));
        assertNull(TrustEvidenceReader.myDomainAlias("http://127.0.0.1:8443"));
    }
}
