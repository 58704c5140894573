package dev.logindoctor.cli;

import dev.logindoctor.model.Risk;
import dev.logindoctor.model.RiskFinding;
import dev.logindoctor.model.RiskReport;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every risk kind on the simulated org, over the wire as {@code check} runs it: the integration's
 * own login is healthy, the check finds its one risk with the right date and fix, spends at most 2
 * org API requests and adds no login attempt. The control ({@code risk-none}: each risk nearly
 * there) finds none and judges every kind.
 */
class RisksAheadOnTheSimulatedOrgTest {

    private static RiskFinding only(String scenario, Risk expected) {
        RiskDemo.Outcome o = RiskDemo.check(scenario);
        assertTrue(o.loginHealthy(), scenario + ": the integration's own login works today");
        assertEquals(0, o.loginAttemptsAdded(), scenario + ": the check logged in as no one");
        assertTrue(o.orgRequests() <= 2, scenario + ": " + o.orgRequests() + " org API requests");
        assertEquals(List.of(expected), o.found(), scenario + ": " + o.report().risks());
        return o.report().risks().get(0);
    }

    @Test
    void aSoapIntegrationIsWarnedThatLoginRetiresWithSummer27AndToleratedBelowV64() {
        RiskFinding f = only("risk-soap-login-retiring", Risk.SOAP_LOGIN_RETIRING);
        assertNull(f.dueAt(), "Salesforce names a release, not a day");
        assertTrue(f.evidence().stream().anyMatch(l -> l.contains("API v62.0")), f.evidence().toString());
        assertTrue(f.fix().contains("External Client App") && f.fix().contains("JWT bearer"), f.fix());
    }

    @Test
    void anOAuthPasswordFlowIntegrationIsToldToMoveOffTheFlow() {
        RiskFinding f = only("risk-password-flow-retiring", Risk.PASSWORD_FLOW_RETIRING);
        assertNull(f.dueAt());
        assertTrue(f.fix().contains("JWT bearer") && f.fix().contains("Allow OAuth Username-Password Flows"), f.fix());
    }

    @Test
    void aTrialOrgExpiringInTwoWeeksIsReportedWithItsTrialExpirationDate() {
        RiskFinding f = only("risk-org-expires", Risk.ORG_EXPIRES);
        assertEquals(Instant.parse("2026-12-11T00:00:00Z"), f.dueAt());
        assertTrue(f.evidence().get(0).contains("TrialExpirationDate"), f.evidence().toString());
        assertTrue(f.fix().contains("Company Information"), f.fix());
    }

    @Test
    void aJwtCertificateEndingWithinTheHorizonIsReportedWithItsNotAfter() {
        RiskFinding f = only("risk-certificate-expires", Risk.CERTIFICATE_EXPIRES);
        assertEquals(Instant.parse("2026-12-15T00:00:00Z"), f.dueAt());
        assertTrue(f.evidence().get(0).contains("CN=billing-sync"), f.evidence().toString());
        assertTrue(f.fix().contains("Use digital signatures"), f.fix());
    }

    @Test
    void aCoreMaintenanceTakingLoginsDownNextWeekIsReportedFromItsPlannedStart() {
        RiskFinding f = only("risk-maintenance-scheduled", Risk.MAINTENANCE_SCHEDULED);
        assertEquals(Instant.parse("2026-12-05T03:00:00Z"), f.dueAt());
        assertTrue(f.evidence().get(0).contains("548310") && f.evidence().get(0).contains("NA224"), f.evidence().toString());
        assertTrue(f.fix().contains("2026-12-05T08:00:00Z"), f.fix());
    }

    @Test
    void anIntegrationUserWithMfaAndWithoutApiOnlyIsExposed() {
        RiskFinding f = only("risk-mfa-exposed", Risk.MFA_EXPOSED);
        assertNull(f.dueAt());
        assertTrue(f.evidence().get(0).contains("not API Only User"), f.evidence().toString());
        assertTrue(f.fix().contains("API Only User"), f.fix());
    }

    @Test
    void loginHoursClosingTenMinutesAheadAreReportedAtTheirClosingMinute() {
        RiskFinding f = only("risk-login-hours-closing", Risk.LOGIN_HOURS_CLOSING);
        // Friday 02:25 in Los Angeles (PST, UTC-8).
        assertEquals(Instant.parse("2026-11-27T10:25:00Z"), f.dueAt());
        assertTrue(f.fix().contains("Setup → Profiles → Acme Integration → Login Hours"), f.fix());
    }

    @Test
    void aPasswordThatTheNinetyDayPolicyExpiresInTwelveDaysIsReportedWithItsExpiryDate() {
        // A password that expires is sent by a password flow, and every one of those is retiring too.
        RiskDemo.Outcome o = RiskDemo.check("risk-password-expires");
        assertTrue(o.loginHealthy());
        assertEquals(0, o.loginAttemptsAdded());
        assertEquals(List.of(Risk.PASSWORD_EXPIRES, Risk.SOAP_LOGIN_RETIRING), o.found().stream().sorted().toList());
        RiskFinding f = o.report().risks().stream().filter(r -> r.risk() == Risk.PASSWORD_EXPIRES).findFirst().orElseThrow();
        // Last changed 2026-09-10T16:20Z under the org-wide NinetyDays policy.
        assertEquals(Instant.parse("2026-12-09T16:20:00Z"), f.dueAt());
        assertTrue(f.fix().contains("Password Never Expires") && f.fix().contains("Before 2026-12-09T16:20:00Z"), f.fix());
    }

    @Test
    void theSamePasswordUnderPasswordNeverExpiresIsNoRisk() {
        RiskDemo.Outcome o = RiskDemo.check("risk-password-never-expires");
        assertTrue(o.loginHealthy());
        assertEquals(List.of(Risk.SOAP_LOGIN_RETIRING), o.found(), "Password Never Expires on the profile: the policy never expires this password");
        assertTrue(o.report().assessments().stream().anyMatch(a -> a.risk() == Risk.PASSWORD_EXPIRES && a.status() == dev.logindoctor.model.RiskAssessment.Status.CLEAR),
                "PASSWORD_EXPIRES was judged clear on evidence, not left unknown: " + o.report().assessments());
    }

    @Test
    void theControlWithEveryRiskNearlyThereFindsNoneAndJudgesEveryKind() {
        RiskDemo.Outcome o = RiskDemo.check("risk-none");
        RiskReport report = o.report();
        assertTrue(o.loginHealthy());
        assertEquals(List.of(), report.risks(), "a trial beyond the horizon, a certificate valid for two years, an available, a far and a "
                + "cancelled maintenance, MFA on an API Only user, hours closing after the next run: none is a risk");
        assertEquals(List.of(), report.gaps(), "every kind was judged on evidence");
        assertEquals(Risk.values().length, report.assessments().size());
    }

    @Test
    void everyScenarioOfTheRiskCatalogIsRightAsTheDemoShowsIt() {
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        int wrong = RiskDemo.printTable(RiskDemo.catalog(), new java.io.PrintWriter(new java.io.OutputStreamWriter(bytes, java.nio.charset.StandardCharsets.UTF_8), true));
        String table = bytes.toString(java.nio.charset.StandardCharsets.UTF_8);
        assertEquals(0, wrong, table);
        assertTrue(table.contains(RiskDemo.catalog().size() + " of " + RiskDemo.catalog().size() + " risk checks right"), table);
    }
}
