package dev.logindoctor.steps;

import dev.logindoctor.model.Evidence;
import dev.logindoctor.model.Finding;
import dev.logindoctor.model.LoginFlow;
import dev.logindoctor.model.OrgSettings;
import dev.logindoctor.model.TrustEvent;
import dev.logindoctor.model.TrustEvidence;
import dev.logindoctor.model.Verdict;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import static dev.logindoctor.steps.Scenario.at;
import static dev.logindoctor.steps.Scenario.row;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Maintenance, login flow, login rate, connected app approval and JWT assertion. */
class OrgAndAppStepsTest {
    private static final Clock SOON_AFTER = Clock.fixed(Instant.parse("2026-11-27T10:25:00Z"), ZoneOffset.UTC);
    private static final Clock NEXT_DAY = Clock.fixed(Instant.parse("2026-11-28T10:25:00Z"), ZoneOffset.UTC);

    private static TrustEvent maintenance(String start, String end, boolean core) {
        return new TrustEvent(TrustEvent.Kind.MAINTENANCE, "42", "NA123 Major Release", Instant.parse(start),
                end == null ? null : Instant.parse(end), core, "scheduled");
    }

    @Test
    void aMaintenanceDuringWhichLoginsStayAvailableDoesNotExplainARefusedLogin() {
        for (String availability : new String[] {"available", "readOnly", "Read-Only"}) {
            TrustEvent m = new TrustEvent(TrustEvent.Kind.MAINTENANCE, "43", "NA123 Patch", Instant.parse("2026-11-27T10:00:00Z"),
                    Instant.parse("2026-11-27T10:30:00Z"), true, "inProgress", availability);
            Finding f = new CheckMaintenance(java.time.Clock.systemUTC()).check(Scenario.healthy().trustEvents(m).evidence());
            assertEquals(Verdict.INCONCLUSIVE, f.verdict(), availability);
            assertTrue(f.evidence().stream().anyMatch(l -> l.contains("logins stay available")), f.evidence().toString());
        }
        TrustEvent down = new TrustEvent(TrustEvent.Kind.MAINTENANCE, "44", "NA123 Major Release", Instant.parse("2026-11-27T10:00:00Z"),
                Instant.parse("2026-11-27T10:30:00Z"), true, "inProgress", "unavailable");
        assertEquals(Verdict.CONFIRMED, new CheckMaintenance(java.time.Clock.systemUTC()).check(Scenario.healthy().trustEvents(down).evidence()).verdict());
    }

    @Test
    void aMaintenanceCoveringTheFailureIsMaintenance() {
        Finding f = new CheckMaintenance(SOON_AFTER).check(Scenario.healthy()
                .trustEvents(maintenance("2026-11-27T10:00:00Z", "2026-11-27T10:30:00Z", true)).evidence());
        assertEquals(Verdict.CONFIRMED, f.verdict());
        assertTrue(f.remediation().contains("2026-11-27T10:30:00Z") && f.remediation().contains("https://status.salesforce.com/instances/NA123"));
        assertTrue(f.remediation().contains("Don't rotate credentials"));
    }

    @Test
    void aMaintenanceThatEndedHoursBeforeIsNotIt() {
        Finding f = new CheckMaintenance(SOON_AFTER).check(Scenario.healthy()
                .trustEvents(maintenance("2026-11-27T05:00:00Z", "2026-11-27T06:00:00Z", true)).evidence());
        assertEquals(Verdict.RULED_OUT, f.verdict());
        assertTrue(f.evidence().stream().anyMatch(l -> l.contains("ended 4 h 15 min before")), f.evidence().toString());
    }

    @Test
    void aCoreIncidentStillOpenCoversTheFailure() {
        TrustEvent incident = new TrustEvent(TrustEvent.Kind.INCIDENT, "9", "Login failures", Instant.parse("2026-11-27T10:05:00Z"), null, true, "inProgress");
        assertEquals(Verdict.CONFIRMED, new CheckMaintenance(SOON_AFTER).check(Scenario.healthy().trustEvents(incident).evidence()).verdict());
        TrustEvent nonCore = new TrustEvent(TrustEvent.Kind.INCIDENT, "9", "Reports slow", Instant.parse("2026-11-27T10:05:00Z"), null, false, "inProgress");
        assertEquals(Verdict.INCONCLUSIVE, new CheckMaintenance(SOON_AFTER).check(Scenario.healthy().trustEvents(nonCore).evidence()).verdict());
    }

    @Test
    void theCurrentInstanceStatusCountsOnlyForARecentFailure() {
        Scenario s = Scenario.healthy().trust(new TrustEvidence(true, null, "NA123", "MAJOR_INCIDENT_CORE", List.of()));
        assertEquals(Verdict.CONFIRMED, new CheckMaintenance(SOON_AFTER).check(s.evidence()).verdict());
        assertEquals(Verdict.INCONCLUSIVE, new CheckMaintenance(NEXT_DAY).check(s.evidence()).verdict());
    }

    @Test
    void trustUnavailableIsInconclusiveButTheMaintenanceRowStillConfirms() {
        Scenario s = Scenario.healthy().trust(TrustEvidence.unavailable("api.status.salesforce.com timed out"));
        Finding f = new CheckMaintenance(SOON_AFTER).check(s.evidence());
        assertEquals(Verdict.INCONCLUSIVE, f.verdict());
        assertTrue(f.evidence().get(0).contains("timed out"));
        assertEquals(Verdict.CONFIRMED, new CheckMaintenance(SOON_AFTER).check(
                s.addHistory(row(at(0), "Organization is in maintenance")).evidence()).verdict());
    }

    @Test
    void theUsernamePasswordFlowTurnedOffBlocksTheOAuthPasswordFlow() {
        Scenario s = Scenario.healthy().flow(LoginFlow.OAUTH_PASSWORD).error("invalid_grant", "authentication failure")
                .settings(new OrgSettings(true, false, true, 10, 15)).history();
        Finding f = new CheckLoginFlow().check(s.evidence());
        assertEquals(Verdict.CONFIRMED, f.verdict());
        assertTrue(f.remediation().contains("Setup → OAuth and OpenID Connect Settings → turn on \"Allow OAuth Username-Password Flows\""));
    }

    @Test
    void soapLoginOffOrAboveV64BlocksSoap() {
        Scenario off = Scenario.healthy().settings(new OrgSettings(false, true, true, 10, 15)).history();
        Finding f = new CheckLoginFlow().check(off.evidence());
        assertEquals(Verdict.CONFIRMED, f.verdict());
        assertTrue(f.remediation().contains("Setup → User Interface → tick \"Enable SOAP API login()\""));
        Scenario v65 = Scenario.healthy().orgUnavailable("no diagnostics secret").loginUrl("https://acme.my.salesforce.com/services/Soap/u/65.0");
        assertEquals(Verdict.CONFIRMED, new CheckLoginFlow().check(v65.evidence()).verdict(), "from the report alone");
    }

    @Test
    void useAnyApiAuthMissingBlocksSoapLogin() {
        Scenario noUseAnyApiAuth = Scenario.healthy().orgUnavailable("x").error("INSUFFICIENT_ACCESS", "");
        assertTrue(new CheckLoginFlow().check(noUseAnyApiAuth.evidence()).remediation().contains("Use Any API Auth"));
    }

    @Test
    void aUserWithoutApiEnabledIsApiAccessDisabledNotABlockedFlow() {
        Scenario noApi = Scenario.healthy().permissions(false, true, false, false, null).history();
        Finding f = new CheckApiAccess().check(noApi.evidence());
        assertEquals(Verdict.CONFIRMED, f.verdict());
        assertTrue(f.remediation().contains("Setup → Profiles → Integration → System Permissions → API Enabled"), f.remediation());
        assertNotEquals(Verdict.CONFIRMED, new CheckLoginFlow().check(noApi.evidence()).verdict());
    }

    @Test
    void theOrgWithoutApiAndTheOAuthApiDisabledRowAreApiAccessDisabled() {
        Scenario noApi = Scenario.healthy().orgUnavailable("x").error("API_DISABLED_FOR_ORG", "API is not enabled for this Organization or Partner");
        assertTrue(new CheckApiAccess().check(noApi.evidence()).remediation().contains("edition with API access"));
        assertNotEquals(Verdict.CONFIRMED, new CheckLoginFlow().check(noApi.evidence()).verdict());
        Scenario row = Scenario.healthy().flow(LoginFlow.OAUTH_REFRESH_TOKEN).error("invalid_grant", "authentication failure")
                .addHistory(row(at(0), "Failed: OAuth API access disabled"));
        assertEquals(Verdict.CONFIRMED, new CheckApiAccess().check(row.evidence()).verdict());
        assertNotEquals(Verdict.CONFIRMED, new CheckLoginFlow().check(row.evidence()).verdict());
    }

    @Test
    void aSettingThatIsOffIsNotTheReasonWhenTheRowGivesAnother() {
        Scenario s = Scenario.healthy().settings(new OrgSettings(false, true, true, 10, 15)).addHistory(row(at(0), "Password Lockout"));
        assertEquals(Verdict.INCONCLUSIVE, new CheckLoginFlow().check(s.evidence()).verdict());
    }

    @Test
    void aFlowTheOrgAllowsIsRuledOutAndUnknownSettingsAreInconclusive() {
        assertEquals(Verdict.RULED_OUT, new CheckLoginFlow().check(Scenario.healthy().evidence()).verdict());
        Finding unknown = new CheckLoginFlow().check(Scenario.healthy().settings(OrgSettings.unknown()).evidence());
        assertEquals(Verdict.INCONCLUSIVE, unknown.verdict());
        assertTrue(unknown.evidence().stream().anyMatch(l -> l.contains("\"Enable SOAP API login()\" unknown")), unknown.evidence().toString());
    }

    @Test
    void theLoginRateRowOrErrorIsTheRate() {
        Finding f = new CheckLoginRate().check(Scenario.healthy().addHistory(row(at(0), "login rate exceeded")).evidence());
        assertEquals(Verdict.CONFIRMED, f.verdict());
        assertTrue(f.remediation().contains("per user per hour"));
        Scenario error = Scenario.healthy().orgUnavailable("x").flow(LoginFlow.OAUTH_PASSWORD).error("rate_limit_exceeded", "number of logins exceeded");
        assertEquals(Verdict.CONFIRMED, new CheckLoginRate().check(error.evidence()).verdict());
        assertEquals(Verdict.RULED_OUT, new CheckLoginRate().check(Scenario.healthy().addHistory(row(at(0), "Invalid Password")).evidence()).verdict());
    }

    @Test
    void theUnapprovedConsumerAnswerIsTheConnectedApp() {
        CheckConnectedAppApproval app = new CheckConnectedAppApproval();
        Scenario s = Scenario.healthy().flow(LoginFlow.OAUTH_JWT).error("invalid_grant", "user hasn’t approved this consumer");
        Finding f = app.check(new Evidence(s.report(), null, null));
        assertEquals(Verdict.CONFIRMED, f.verdict(), "needs no org, and takes the typographic apostrophe");
        assertTrue(f.remediation().contains("Admin approved users are pre-authorized"));
        assertEquals(Verdict.RULED_OUT, app.check(Scenario.healthy().evidence()).verdict(), "SOAP uses no connected app");
        assertEquals(Verdict.RULED_OUT, app.check(Scenario.healthy().flow(LoginFlow.OAUTH_JWT)
                .error("invalid_grant", "audience is invalid").evidence()).verdict());
        assertEquals(Verdict.INCONCLUSIVE, app.check(Scenario.healthy().flow(LoginFlow.OAUTH_PASSWORD)
                .error("invalid_grant", "authentication failure").evidence()).verdict());
    }

    @Test
    void eachJwtErrorNamesTheClaimToFix() {
        CheckJwtAssertion jwt = new CheckJwtAssertion();
        Scenario base = Scenario.healthy().flow(LoginFlow.OAUTH_JWT).history();
        assertTrue(jwt.check(base.error("invalid_grant", "audience is invalid").evidence()).remediation().contains("aud claim to https://login.salesforce.com"));
        assertTrue(jwt.check(base.error("invalid_grant", "expired authorization code").evidence()).remediation().contains("3 minutes"));
        assertTrue(jwt.check(base.error("invalid_grant", "invalid assertion").evidence()).remediation().contains("certificate"));
        assertTrue(jwt.check(base.error("invalid_client_id", "client identifier invalid").evidence()).remediation().contains("Consumer Key"));
        Scenario sandbox = Scenario.healthy().flow(LoginFlow.OAUTH_JWT).loginUrl("https://test.salesforce.com").sandboxOrg("Acme UAT")
                .error("invalid_grant", "Audience validation failed");
        sandbox.diagnosticsLoginUrl = "https://test.salesforce.com";
        assertTrue(jwt.check(sandbox.evidence()).remediation().contains("aud claim to https://test.salesforce.com"));
    }

    @Test
    void expiredAuthorizationCodeIsAJwtProblemOnlyForTheJwtFlow() {
        Scenario webServer = Scenario.healthy().flow(LoginFlow.OAUTH_WEB_SERVER).error("invalid_grant", "expired authorization code");
        assertEquals(Verdict.RULED_OUT, new CheckJwtAssertion().check(webServer.evidence()).verdict());
        Scenario jwtOther = Scenario.healthy().flow(LoginFlow.OAUTH_JWT).error("invalid_grant", "user hasn't approved this consumer");
        assertEquals(Verdict.RULED_OUT, new CheckJwtAssertion().check(jwtOther.evidence()).verdict());
    }
}
