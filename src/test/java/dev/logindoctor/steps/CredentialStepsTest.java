package dev.logindoctor.steps;

import dev.logindoctor.model.Finding;
import dev.logindoctor.model.LoginFlow;
import dev.logindoctor.model.Verdict;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static dev.logindoctor.steps.Scenario.at;
import static dev.logindoctor.steps.Scenario.row;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** CheckPassword, CheckSecurityToken and CheckMfa share "Invalid Password": at most one confirms. */
class CredentialStepsTest {
    private final CheckPassword password = new CheckPassword();
    private final CheckSecurityToken token = new CheckSecurityToken();
    private final CheckMfa mfa = new CheckMfa();

    private static Scenario invalidPasswordNow() {
        return Scenario.healthy().addHistory(row(at(0).plusSeconds(2), "Invalid Password"));
    }

    @Test
    void invalidPasswordWithTheTokenKnownGoodIsAWrongPassword() {
        Scenario s = invalidPasswordNow();
        Finding f = password.check(s.evidence());
        assertEquals(Verdict.CONFIRMED, f.verdict());
        assertTrue(f.remediation().contains("Setup → Users → integration@acme.com → Reset Password"), f.remediation());
        assertTrue(f.remediation().contains("about 9 attempts left"), f.remediation());
        assertEquals(Verdict.RULED_OUT, token.check(s.evidence()).verdict());
        assertEquals(Verdict.RULED_OUT, mfa.check(s.evidence()).verdict());
    }

    @Test
    void aPasswordChangedLongBeforeTheCredentialUpdateIsNotAStaleToken() {
        Scenario s = invalidPasswordNow().passwordChangedAt(Instant.parse("2025-03-01T00:00:00Z"));
        Finding f = token.check(s.evidence());
        assertEquals(Verdict.RULED_OUT, f.verdict());
        assertTrue(f.evidence().stream().anyMatch(l -> l.contains("before the credential was last updated")), f.evidence().toString());
    }

    @Test
    void aPasswordChangedAfterTheCredentialUpdateMakesTheTokenStaleNotThePasswordWrong() {
        Scenario s = invalidPasswordNow().passwordChangedAt(Instant.parse("2026-11-20T08:00:00Z"));
        Finding f = token.check(s.evidence());
        assertEquals(Verdict.CONFIRMED, f.verdict());
        assertTrue(f.remediation().contains("Reset My Security Token"));
        assertTrue(f.remediation().contains("Login IP Ranges of profile Integration"));
        assertEquals(Verdict.INCONCLUSIVE, password.check(s.evidence()).verdict());
    }

    @Test
    void withoutCredentialUpdatedAtTheTokenCouldBeStaleSoNeitherConfirms() {
        Scenario s = invalidPasswordNow().credentialUpdatedAt(null);
        Finding f = password.check(s.evidence());
        assertEquals(Verdict.INCONCLUSIVE, f.verdict());
        assertTrue(f.evidence().stream().anyMatch(l -> l.contains("credentialUpdatedAt")), f.evidence().toString());
        assertEquals(Verdict.INCONCLUSIVE, token.check(s.evidence()).verdict());
    }

    @Test
    void anAddressInsideTheProfileRangesNeedsNoTokenSoAnInvalidPasswordIsThePassword() {
        Scenario s = invalidPasswordNow().passwordChangedAt(Instant.parse("2026-11-20T08:00:00Z")).credentialUpdatedAt(null)
                .ipRanges(Fixtures.OFFICE, new dev.logindoctor.model.IpRange("203.0.113.0", "203.0.113.255", "egress"));
        assertEquals(Verdict.CONFIRMED, password.check(s.evidence()).verdict());
        assertEquals(Verdict.RULED_OUT, token.check(s.evidence()).verdict());
    }

    @Test
    void theTokenRequiredRowOrErrorIsTheToken() {
        Scenario row = Scenario.healthy().addHistory(row(at(0), "Failed: API security token required"));
        assertEquals(Verdict.CONFIRMED, token.check(row.evidence()).verdict());
        assertEquals(Verdict.RULED_OUT, password.check(row.evidence()).verdict());

        Scenario error = Scenario.healthy().orgUnavailable("the diagnostics secret is missing")
                .error("LOGIN_MUST_USE_SECURITY_TOKEN", Scenario.GENERIC_INVALID_LOGIN + " Are you at a new location?");
        assertEquals(Verdict.CONFIRMED, token.check(error.evidence()).verdict(), "decided from the report alone");
    }

    @Test
    void oldInvalidPasswordRowsWithACurrentLockoutRowAreNotAWrongPassword() {
        Scenario s = Scenario.healthy().userLogin(false, true).addHistory(
                row(at(-25), "Invalid Password"), row(at(-22), "Invalid Password"), row(at(1), "Password Lockout"));
        assertEquals(Verdict.RULED_OUT, password.check(s.evidence()).verdict());
        assertEquals(Verdict.CONFIRMED, new CheckLockout().check(s.evidence()).verdict());
    }

    @Test
    void aSuccessBetweenTheFailureRowAndTheFailureLeavesThePasswordUndecided() {
        // The user logged in fine after the Invalid Password row and before the reported failure: that row was an earlier attempt.
        Scenario s = Scenario.healthy().history(row(at(-3), "Invalid Password"), row(at(-1), "Success"));
        assertEquals(Verdict.INCONCLUSIVE, password.check(s.evidence()).verdict());
    }

    @Test
    void flowsWithoutAPasswordRuleBothOut() {
        Scenario s = Scenario.healthy().flow(LoginFlow.OAUTH_JWT).error("invalid_grant", "invalid assertion");
        assertEquals(Verdict.RULED_OUT, password.check(s.evidence()).verdict());
        assertEquals(Verdict.RULED_OUT, token.check(s.evidence()).verdict());
    }

    @Test
    void mfaForApiLoginsRejectsTheTokenSoMfaConfirmsAndThePasswordStepsDoNot() {
        Scenario s = invalidPasswordNow().flow(LoginFlow.OAUTH_PASSWORD).error("invalid_grant", "authentication failure")
                .permissions(true, false, false, true, null);
        Finding f = mfa.check(s.evidence());
        assertEquals(Verdict.CONFIRMED, f.verdict());
        assertTrue(f.remediation().contains("Multi-Factor Authentication for API Logins"));
        assertEquals(Verdict.INCONCLUSIVE, password.check(s.evidence()).verdict());
        assertEquals(Verdict.INCONCLUSIVE, token.check(s.evidence()).verdict());
    }

    @Test
    void mfaForUiLoginsOnAUserWithoutApiOnlyBlocksTheWebServerFlow() {
        Scenario s = Scenario.healthy().flow(LoginFlow.OAUTH_WEB_SERVER).error("invalid_grant", "authentication failure")
                .permissions(true, false, true, false, null);
        Finding f = mfa.check(s.evidence());
        assertEquals(Verdict.CONFIRMED, f.verdict());
        assertTrue(f.remediation().contains("API Only User"));
    }

    @Test
    void anApiOnlyUserIsNotAskedForUiMfa() {
        Scenario s = Scenario.healthy().flow(LoginFlow.OAUTH_WEB_SERVER).permissions(true, true, true, false, null);
        assertEquals(Verdict.RULED_OUT, mfa.check(s.evidence()).verdict());
    }

    @Test
    void uiMfaDoesNotApplyToSoapLogins() {
        Scenario s = Scenario.healthy().permissions(true, false, true, false, null);
        assertEquals(Verdict.RULED_OUT, mfa.check(s.evidence()).verdict());
    }

    @Test
    void theMfaRowConfirmsWhateverItsWording() {
        Scenario s = Scenario.healthy().addHistory(row(at(0), "MULTI-FACTOR REQUIRED"));
        assertEquals(Verdict.CONFIRMED, mfa.check(s.evidence()).verdict());
        assertEquals(Verdict.RULED_OUT, password.check(s.evidence()).verdict());
    }

    @Test
    void withTheOrgUnavailableTheBundledErrorDecidesNothingAndSaysWhy() {
        Scenario s = Scenario.healthy().orgUnavailable("JWT refused: invalid_client_id");
        for (var step : java.util.List.of(password, token, mfa)) {
            Finding f = step.check(s.evidence());
            assertEquals(Verdict.INCONCLUSIVE, f.verdict(), step.name());
            assertTrue(f.evidence().stream().anyMatch(l -> l.contains("JWT refused: invalid_client_id")), step.name() + " " + f.evidence());
        }
    }
}
