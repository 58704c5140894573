package dev.logindoctor.salesforce;

import dev.logindoctor.engine.SourceUnavailable;
import com.fasterxml.jackson.databind.JsonNode;
import dev.logindoctor.engine.SecretResolver;
import dev.logindoctor.model.FailureReport;
import dev.logindoctor.model.LoginHistoryRow;
import dev.logindoctor.model.Lookup;
import dev.logindoctor.model.OrgEvidence;
import dev.logindoctor.model.ReportedError;
import dev.logindoctor.model.TrustEvent;
import dev.logindoctor.model.TrustEvidence;
import dev.logindoctor.sim.FaultSpec;
import dev.logindoctor.sim.IntegrationSpec;
import dev.logindoctor.sim.SimIntegration;
import dev.logindoctor.sim.SimScenarios;
import dev.logindoctor.sim.SimulatedOrg;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The evidence sources end to end against every catalog scenario of {@link SimulatedOrg}: the
 * integration's own failed login is played first (by the sim's helper, as the integration would),
 * then Login Doctor reads the org — exactly two org API requests, and not one login attempt with
 * the integration's credentials (the sim's /_sim/requests and /_sim/attempts say so).
 */
class SimulatedOrgEvidenceTest {
    private static final HttpClient ADMIN = HttpClient.newHttpClient();

    static List<String> scenarios() {
        return SimScenarios.catalog();
    }

    /** The org after the integration's failing login, with counters reset so only Login Doctor's requests count. */
    private static SimulatedOrg orgAfterTheFailure(String scenario) {
        SimulatedOrg org = SimulatedOrg.start(scenario);
        IntegrationSpec spec = org.scenario().integration();
        SimIntegration.attemptLogin(org, spec);
        org.resetCounters();
        return org;
    }

    static FailureReport reportFor(SimulatedOrg org) {
        IntegrationSpec spec = org.scenario().integration();
        return new FailureReport(spec.integrationId(), spec.loginUrl() == null ? org.baseUrl() : spec.loginUrl(), spec.username(),
                spec.flow(), new ReportedError("INVALID_LOGIN", "Invalid username, password, security token; or user locked out."),
                org.now(), spec.sourceIp(), spec.credentialUpdatedAt(), "login-doctor/integration", "login-doctor/diagnostics");
    }

    static SalesforceEvidenceSources sources(SimulatedOrg org, HttpTransport transport) {
        SecretResolver secrets = reference -> {
            if (reference.equals("login-doctor/diagnostics")) {
                return org.diagnosticsSecretJson();
            }
            throw new AssertionError("Login Doctor asked for " + reference + ": only the diagnostics secret may be read");
        };
        return new SalesforceEvidenceSources(secrets, org.baseUrl(), transport, SimClocks.of(org), new TokenCache());
    }

    private static JsonNode admin(SimulatedOrg org, String pathAndQuery) throws Exception {
        HttpResponse<String> r = ADMIN.send(HttpRequest.newBuilder(URI.create(org.baseUrl() + pathAndQuery)).build(),
                HttpResponse.BodyHandlers.ofString());
        return WireJson.MAPPER.readTree(r.body());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("scenarios")
    void everyScenarioIsReadWithTwoOrgRequestsAndNoLoginAsTheIntegration(String scenario) throws Exception {
        try (SimulatedOrg org = orgAfterTheFailure(scenario)) {
            FailureReport report = reportFor(org);
            SalesforceEvidenceSources sources = sources(org, new HttpTransport());
            OrgEvidence evidence = sources.fetchOrg(report);
            JsonNode attempts = admin(org, "/_sim/attempts?username=" + java.net.URLEncoder.encode(report.username(), "UTF-8"));
            assertEquals(0, attempts.get("attempts").asInt(), "no login with the integration's credentials");
            JsonNode requests = admin(org, "/_sim/requests");
            if (scenario.equals("org-maintenance")) {
                // The sim refuses every login while the instance is down, the diagnostics user's JWT included.
                assertFalse(evidence.available());
                assertTrue(evidence.unavailableReason().contains("down for maintenance"), evidence.unavailableReason());
                assertEquals(1, requests.get("total").asInt(), requests.toString());
                return;
            }
            if (scenario.equals("org-unavailable")) {
                // A locked org refuses the diagnostics user too: the refusal is kept as evidence.
                assertFalse(evidence.available());
                assertEquals("inactive_org", evidence.diagnosticsRefusal().code());
                assertEquals(1, requests.get("total").asInt(), requests.toString());
                return;
            }
            assertTrue(evidence.available(), evidence.unavailableReason());
            assertEquals(2, evidence.requests());
            assertEquals(2, requests.get("total").asInt(), requests.toString());
            assertEquals(1, requests.get("token").asInt());
            assertEquals(1, requests.get("composite").asInt());
            assertNotNull(evidence.organization(), evidence.gap("organization"));
            assertNotNull(evidence.settings().maxInvalidLoginAttempts(), evidence.gap("settings"));

            TrustEvidence trust = sources.fetchTrust(report, evidence);
            assertTrue(trust.available(), trust.unavailableReason());
            assertEquals(evidence.organization().instanceName(), trust.instanceKey());
            assertEquals(2, admin(org, "/_sim/requests").get("total").asInt(), "Trust requests are not org requests");
        }
    }

    @Test
    void aLockedOutUserShowsTheLockAndTheLockoutRow() {
        try (SimulatedOrg org = orgAfterTheFailure("user-locked-out")) {
            OrgEvidence e = sources(org, new HttpTransport()).fetchOrg(reportFor(org));
            assertEquals(Lookup.FOUND, e.userLookup());
            assertTrue(e.userLogin().passwordLocked());
            assertTrue(e.loginHistory().stream().map(LoginHistoryRow::status).anyMatch("Password Lockout"::equalsIgnoreCase), e.loginHistory().toString());
            assertEquals(10, e.settings().maxInvalidLoginAttempts());
            assertEquals(15, e.settings().lockoutMinutes());
        }
    }

    @Test
    void aMistypedUsernameIsNotFoundAndItsDependentPartsAreExpectedGaps() {
        try (SimulatedOrg org = orgAfterTheFailure("username-not-found")) {
            OrgEvidence e = sources(org, new HttpTransport()).fetchOrg(reportFor(org));
            assertEquals(Lookup.NOT_FOUND, e.userLookup());
            assertEquals("no user billing.synk@acme.com in this org", e.gap("userLogin"));
        }
    }

    @Test
    void aSandboxUserSentToProductionIsFoundInTheSandbox() {
        try (SimulatedOrg org = orgAfterTheFailure("wrong-login-endpoint")) {
            OrgEvidence e = sources(org, new HttpTransport()).fetchOrg(reportFor(org));
            assertEquals(Lookup.FOUND, e.userLookup());
            assertTrue(e.organization().sandbox());
        }
    }

    @Test
    void profileRestrictionsAreRead() {
        try (SimulatedOrg org = orgAfterTheFailure("login-hours-restricted")) {
            FailureReport report = reportFor(org);
            OrgEvidence e = sources(org, new HttpTransport()).fetchOrg(report);
            assertFalse(e.loginHours().days().isEmpty(), e.gap("loginHours"));
            assertFalse(e.loginHours().allows(report.failedAt()));
        }
        try (SimulatedOrg org = orgAfterTheFailure("login-ip-restricted")) {
            FailureReport report = reportFor(org);
            OrgEvidence e = sources(org, new HttpTransport()).fetchOrg(report);
            assertFalse(e.ipRanges().isEmpty(), e.gap("ipRanges"));
            assertTrue(e.ipRanges().stream().noneMatch(r -> r.contains(report.sourceIp())), e.ipRanges().toString());
        }
    }

    @Test
    void aMaintenanceCoveringTheFailureIsFoundThroughTheMyDomainWhenTheOrgCannotBeRead() {
        try (SimulatedOrg org = orgAfterTheFailure("org-maintenance")) {
            FailureReport sim = reportFor(org);
            // As a real report would name it: the org's My Domain (the sim serves its Trust aliases).
            FailureReport report = new FailureReport(sim.integrationId(), "https://acme.my.salesforce.com", sim.username(), sim.flow(),
                    sim.error(), sim.failedAt(), sim.sourceIp(), sim.credentialUpdatedAt(), sim.credentialSecret(), sim.diagnosticsSecret());
            SalesforceEvidenceSources sources = sources(org, new HttpTransport());
            OrgEvidence orgEvidence = sources.fetchOrg(new FailureReport(sim.integrationId(), sim.loginUrl(), sim.username(), sim.flow(),
                    sim.error(), sim.failedAt(), sim.sourceIp(), sim.credentialUpdatedAt(), sim.credentialSecret(), sim.diagnosticsSecret()));
            assertFalse(orgEvidence.available());
            TrustEvidence t = sources.fetchTrust(report, orgEvidence);
            assertEquals("NA224", t.instanceKey(), t.unavailableReason());
            assertTrue(t.instanceStatus().startsWith("MAINTENANCE"), t.instanceStatus());
            assertTrue(t.events().stream().anyMatch(ev -> ev.kind() == TrustEvent.Kind.MAINTENANCE && ev.covers(report.failedAt(), 0)),
                    t.events().toString());
        }
    }

    @Test
    void anExpiredSessionCostsOneReauthenticationNotMore() throws Exception {
        try (SimulatedOrg org = orgAfterTheFailure("healthy")) {
            SalesforceEvidenceSources sources = sources(org, new HttpTransport());
            assertEquals(2, sources.fetchOrg(reportFor(org)).requests());
            assertEquals(1, sources.fetchOrg(reportFor(org)).requests(), "the cached token");
            org.expireSessions();
            org.resetCounters();
            OrgEvidence e = sources.fetchOrg(reportFor(org));
            assertTrue(e.available());
            assertEquals(3, e.requests(), "composite 401, token, composite");
            assertEquals(3, admin(org, "/_sim/requests").get("total").asInt());
        }
    }

    @Test
    void faultsMapToRetryOrUnavailable() {
        try (SimulatedOrg org = orgAfterTheFailure("healthy")) {
            FailureReport report = reportFor(org);
            HttpTransport quick = new HttpTransport(Duration.ofSeconds(2), Duration.ofMillis(800), HttpTransport.DEFAULT_MAX_RESPONSE_BYTES);
            org.addFault(new FaultSpec("composite", "throttle", null, null, null, 1));
            assertInstanceOf(Throttled.class, assertThrows(SourceUnavailable.class, () -> sources(org, quick).fetchOrg(report)).getCause());
            org.addFault(new FaultSpec("composite", "status", null, 500, null, 1));
            assertInstanceOf(SalesforceUnavailable.class, assertThrows(SourceUnavailable.class, () -> sources(org, quick).fetchOrg(report)).getCause());
            org.addFault(new FaultSpec("composite", "hang", null, null, null, 1));
            SourceUnavailable hang = assertThrows(SourceUnavailable.class, () -> sources(org, quick).fetchOrg(report));
            assertTrue(hang.getMessage().contains("timed out after 0.8 s"), hang.getMessage());
            org.addFault(new FaultSpec("composite", "reset", null, null, null, 1));
            assertInstanceOf(SalesforceUnavailable.class, assertThrows(SourceUnavailable.class, () -> sources(org, quick).fetchOrg(report)).getCause());
            org.addFault(new FaultSpec("composite", "html", null, 200, null, 1));
            OrgEvidence html = sources(org, quick).fetchOrg(report);
            assertFalse(html.available());
            assertTrue(html.unavailableReason().startsWith("composite body was not JSON"), html.unavailableReason());
            org.addFault(new FaultSpec("composite", "truncate", null, null, null, 1));
            OrgEvidence truncated = sources(org, quick).fetchOrg(report);
            assertFalse(truncated.available());
            assertTrue(truncated.unavailableReason().startsWith("composite body was truncated JSON"), truncated.unavailableReason());
            org.addFault(new FaultSpec("token", "status", null, 503, null, 1));
            assertInstanceOf(Throttled.class, assertThrows(SourceUnavailable.class, () -> sources(org, quick).fetchOrg(report)).getCause());
            org.addFault(new FaultSpec("trust", "status", null, 502, null, 1));
            OrgEvidence onNa = sources(org, quick).fetchOrg(report);
            assertInstanceOf(SalesforceUnavailable.class,
                    assertThrows(SourceUnavailable.class, () -> sources(org, quick).fetchTrust(report, onNa)).getCause());
            org.clearFaults();
            assertTrue(sources(org, quick).fetchOrg(report).available(), "healthy again once the faults are gone");
        }
    }
}
