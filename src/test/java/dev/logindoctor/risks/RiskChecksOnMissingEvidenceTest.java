package dev.logindoctor.risks;

import dev.logindoctor.model.EffectivePermissions;
import dev.logindoctor.model.FailureReport;
import dev.logindoctor.model.LoginFlow;
import dev.logindoctor.model.LoginHours;
import dev.logindoctor.model.Lookup;
import dev.logindoctor.model.OrgEvidence;
import dev.logindoctor.model.OrgInfo;
import dev.logindoctor.model.Risk;
import dev.logindoctor.model.RiskAssessment;
import dev.logindoctor.model.RiskEvidence;
import dev.logindoctor.model.SecretCertificate;
import dev.logindoctor.model.TrustEvent;
import dev.logindoctor.model.TrustEvidence;
import dev.logindoctor.model.UserRecord;
import org.junit.jupiter.api.Test;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A risk only on positive evidence: a missing, null or unreadable field is a gap that says what was missing, never a risk and never clear. */
class RiskChecksOnMissingEvidenceTest {
    private static final Instant NOW = Instant.parse("2026-11-27T10:15:00Z");
    private static final UserRecord USER = new UserRecord("0055g00000Ab1CdAAJ", "svc@acme.com", true, "00e5g000001Kq2TAAS",
            "Acme Integration", "Standard", null, null);

    private static FailureReport integration(LoginFlow flow) {
        return new FailureReport("billing-sync", "https://acme.my.salesforce.com", "svc@acme.com", flow, null, NOW, null, null,
                "local/billing-sync", "local/diagnostics");
    }

    private static OrgEvidence org(Lookup lookup, OrgInfo info, EffectivePermissions perms, LoginHours hours, Map<String, String> gaps) {
        return new OrgEvidence(true, null, info, lookup, lookup == Lookup.FOUND ? USER : null, null, null, List.of(), perms, List.of(),
                hours, null, "https://acme.my.salesforce.com", gaps, 2, null);
    }

    private static RiskEvidence evidence(LoginFlow flow, OrgEvidence org, TrustEvidence trust, SecretCertificate cert) {
        return new RiskEvidence(integration(flow), org, trust, cert, NOW, Duration.ofDays(30), Duration.ofMinutes(15));
    }

    private static RiskAssessment judged(List<RiskAssessment> all, Risk risk) {
        return all.stream().filter(a -> a.risk() == risk).findFirst().orElseThrow();
    }

    @Test
    void withoutADiagnosticsConnectionEveryOrgRiskIsAGapNamingTheReason() {
        List<RiskAssessment> all = RiskChecks.assessAll(evidence(LoginFlow.OAUTH_JWT, OrgEvidence.unavailable("the JWT was refused", 1),
                TrustEvidence.unavailable("the org's instance is unknown"), SecretCertificate.unknown("no certificate in the secret")));
        for (Risk r : List.of(Risk.ORG_EXPIRES, Risk.MFA_EXPOSED, Risk.LOGIN_HOURS_CLOSING, Risk.MAINTENANCE_SCHEDULED, Risk.CERTIFICATE_EXPIRES)) {
            RiskAssessment a = judged(all, r);
            assertEquals(RiskAssessment.Status.UNKNOWN, a.status(), r + ": " + a);
            assertTrue(a.note() != null && !a.note().isBlank(), r + " says what could not be read");
        }
        assertTrue(judged(all, Risk.ORG_EXPIRES).note().contains("the JWT was refused"), judged(all, Risk.ORG_EXPIRES).note());
    }

    @Test
    void anOrgWithoutTheIntegrationUserSaysNothingAboutTheIntegration() {
        OrgInfo trial = new OrgInfo("00D", "Other Org", "NA1", false, NOW.plus(Duration.ofDays(3)), "Developer Edition", "UTC");
        List<RiskAssessment> all = RiskChecks.assessAll(evidence(LoginFlow.OAUTH_JWT,
                org(Lookup.NOT_FOUND, trial, new EffectivePermissions(true, false, true, false, false, List.of()), null, Map.of()),
                null, null));
        assertEquals(RiskAssessment.Status.UNKNOWN, judged(all, Risk.ORG_EXPIRES).status(), "another org's trial is not this integration's");
        assertEquals(RiskAssessment.Status.UNKNOWN, judged(all, Risk.MFA_EXPOSED).status());
    }

    @Test
    void unreadPermissionsLoginHoursAndOrganizationAreGapsNotClear() {
        List<RiskAssessment> all = RiskChecks.assessAll(evidence(LoginFlow.SOAP, org(Lookup.FOUND, null, null, null,
                Map.of("permissions", "INVALID_FIELD on PermissionSet", "loginHours", "Tooling Profile query refused",
                        "organization", "Organization query refused")), null, null));
        assertTrue(judged(all, Risk.MFA_EXPOSED).note().contains("INVALID_FIELD"), judged(all, Risk.MFA_EXPOSED).note());
        assertTrue(judged(all, Risk.LOGIN_HOURS_CLOSING).note().contains("Tooling"), judged(all, Risk.LOGIN_HOURS_CLOSING).note());
        assertTrue(judged(all, Risk.ORG_EXPIRES).note().contains("Organization query refused"));
        for (Risk r : List.of(Risk.MFA_EXPOSED, Risk.LOGIN_HOURS_CLOSING, Risk.ORG_EXPIRES, Risk.MAINTENANCE_SCHEDULED)) {
            assertEquals(RiskAssessment.Status.UNKNOWN, judged(all, r).status(), r.name());
        }
    }

    @Test
    void anUnknownApiOnlyFlagWithMfaOnIsAGapNotAnExposure() {
        List<RiskAssessment> all = RiskChecks.assessAll(evidence(LoginFlow.OAUTH_JWT,
                org(Lookup.FOUND, null, new EffectivePermissions(true, null, true, null, null, List.of("profile Acme")), null, Map.of()),
                null, null));
        assertEquals(RiskAssessment.Status.UNKNOWN, judged(all, Risk.MFA_EXPOSED).status());
    }

    @Test
    void aPastOrFarMaintenanceANonCoreOneAndOneKeepingLoginsUpAreNotScheduledRisks() {
        TrustEvidence trust = new TrustEvidence(true, null, "NA224", "OK", List.of(
                new TrustEvent(TrustEvent.Kind.MAINTENANCE, "1", "past", NOW.minus(Duration.ofDays(2)), NOW.minus(Duration.ofDays(1)), true, "completed", "unavailable"),
                new TrustEvent(TrustEvent.Kind.MAINTENANCE, "2", "far", NOW.plus(Duration.ofDays(40)), NOW.plus(Duration.ofDays(40)), true, "confirmed", "unavailable"),
                new TrustEvent(TrustEvent.Kind.MAINTENANCE, "3", "noncore", NOW.plus(Duration.ofDays(2)), null, false, "confirmed", "unavailable"),
                new TrustEvent(TrustEvent.Kind.MAINTENANCE, "4", "readonly", NOW.plus(Duration.ofDays(2)), null, true, "confirmed", "readOnly")));
        RiskAssessment a = new MaintenanceScheduled().assess(evidence(LoginFlow.OAUTH_JWT, null, trust, null));
        assertEquals(RiskAssessment.Status.CLEAR, a.status(), a.toString());
    }

    @Test
    void loginHoursClosedRightNowAreDueNowAndHoursOpenAllIntervalAreClear() {
        // 10:15Z is 02:15 on Friday in Los Angeles.
        LoginHours closedNow = new LoginHours("America/Los_Angeles", List.of(new LoginHours.DayWindow(DayOfWeek.FRIDAY, 360, 1200)));
        RiskAssessment closed = new LoginHoursClosing().assess(evidence(LoginFlow.SOAP, org(Lookup.FOUND, null, null, closedNow, Map.of()), null, null));
        assertEquals(NOW, closed.finding().dueAt());
        LoginHours open = new LoginHours("America/Los_Angeles", List.of(new LoginHours.DayWindow(DayOfWeek.FRIDAY, 0, 180)));
        RiskAssessment clear = new LoginHoursClosing().assess(evidence(LoginFlow.SOAP, org(Lookup.FOUND, null, null, open, Map.of()), null, null));
        assertEquals(RiskAssessment.Status.CLEAR, clear.status(), "03:00 local is 45 minutes away, after the next run");
    }

    @Test
    void aSoapLoginUrlAboveV64SaysLoginIsNoLongerServedThere() {
        FailureReport soap65 = new FailureReport("x", "https://acme.my.salesforce.com/services/Soap/u/65.0", "svc@acme.com",
                LoginFlow.SOAP, null, NOW, null, null, null, null);
        RiskAssessment a = new SoapLoginRetiring().assess(new RiskEvidence(soap65, null, null, null, NOW, Duration.ofDays(30), Duration.ofMinutes(15)));
        assertTrue(a.finding().evidence().get(1).contains("no longer served"), a.finding().evidence().toString());
        assertNotEquals(null, a.finding().fix());
    }
}
