package dev.logindoctor.risks;

import dev.logindoctor.model.EffectivePermissions;
import dev.logindoctor.model.FailureReport;
import dev.logindoctor.model.LoginFlow;
import dev.logindoctor.model.Lookup;
import dev.logindoctor.model.OrgEvidence;
import dev.logindoctor.model.OrgSettings;
import dev.logindoctor.model.RiskAssessment;
import dev.logindoctor.model.RiskEvidence;
import dev.logindoctor.model.UserRecord;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** PASSWORD_EXPIRES from the org-wide policy and LastPasswordChangeDate, only with Password Never Expires known to be off. */
class PasswordExpiresTest {
    private static final Instant NOW = Instant.parse("2026-11-27T10:15:00Z");
    private static final Instant CHANGED = Instant.parse("2026-09-10T16:20:00Z");

    private static RiskAssessment judge(LoginFlow flow, Instant lastChange, Integer expiryDays, Boolean neverExpires) {
        UserRecord user = new UserRecord("0055g00000Ab1CdAAJ", "billing.sync@acme.com", true, "00e5g000001Kq2TAAS", "Acme Integration",
                "Standard", lastChange, null);
        EffectivePermissions perms = new EffectivePermissions(true, false, false, false, false, List.of("profile Acme Integration"),
                null, neverExpires);
        OrgEvidence org = new OrgEvidence(true, null, null, Lookup.FOUND, user, null, null, List.of(), perms, List.of(), null,
                new OrgSettings(true, true, true, 10, 15, expiryDays), "https://acme.my.salesforce.com",
                Map.of("passwordExpiry", "SecuritySettings could not be read"), 2, null);
        FailureReport integration = new FailureReport("billing-sync", "https://acme.my.salesforce.com", "billing.sync@acme.com", flow,
                null, NOW, null, null, "local/billing-sync", "local/diagnostics");
        return new PasswordExpires().assess(new RiskEvidence(integration, org, null, null, NOW, Duration.ofDays(30), Duration.ofMinutes(15)));
    }

    @Test
    void aNinetyDayPolicyExpiresAPasswordChangedInSeptemberOnTheNinthOfDecember() {
        RiskAssessment a = judge(LoginFlow.SOAP, CHANGED, 90, false);
        assertEquals(RiskAssessment.Status.FOUND, a.status(), a.toString());
        assertEquals(Instant.parse("2026-12-09T16:20:00Z"), a.finding().dueAt());
        assertTrue(a.finding().fix().contains("Password Never Expires") && a.finding().fix().contains("local/billing-sync"), a.finding().fix());
    }

    @Test
    void passwordNeverExpiresOnIsTheControl() {
        assertEquals(RiskAssessment.Status.CLEAR, judge(LoginFlow.SOAP, CHANGED, 90, true).status());
    }

    @Test
    void anExpiryBeyondTheHorizonAPolicyThatNeverExpiresAndAJwtFlowAreClear() {
        assertEquals(RiskAssessment.Status.CLEAR, judge(LoginFlow.SOAP, CHANGED, 180, false).status());
        assertEquals(RiskAssessment.Status.CLEAR, judge(LoginFlow.SOAP, CHANGED, 0, false).status());
        assertEquals(RiskAssessment.Status.CLEAR, judge(LoginFlow.OAUTH_JWT, CHANGED, 90, false).status());
    }

    @Test
    void anUnreadPolicyLastChangeOrNeverExpiresIsAGapNamingWhatWasMissing() {
        RiskAssessment policy = judge(LoginFlow.OAUTH_PASSWORD, CHANGED, null, false);
        assertEquals(RiskAssessment.Status.UNKNOWN, policy.status());
        assertTrue(policy.note().contains("SecuritySettings could not be read"), policy.note());
        assertEquals(RiskAssessment.Status.UNKNOWN, judge(LoginFlow.SOAP, null, 90, false).status());
        RiskAssessment never = judge(LoginFlow.SOAP, CHANGED, 90, null);
        assertEquals(RiskAssessment.Status.UNKNOWN, never.status(), "a date without knowing Password Never Expires is not a risk");
        assertTrue(never.note().contains("2026-12-09T16:20:00Z"), never.note());
    }
}
