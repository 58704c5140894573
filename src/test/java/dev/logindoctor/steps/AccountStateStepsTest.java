package dev.logindoctor.steps;

import dev.logindoctor.model.Finding;
import dev.logindoctor.model.LoginFlow;
import dev.logindoctor.model.LoginHistoryRow;
import dev.logindoctor.model.OrgSettings;
import dev.logindoctor.model.Verdict;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

import static dev.logindoctor.steps.Scenario.at;
import static dev.logindoctor.steps.Scenario.row;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Lockout, frozen and inactive users. */
class AccountStateStepsTest {
    private static final Clock FIVE_MINUTES_AFTER = Clock.fixed(Instant.parse("2026-11-27T10:20:00Z"), ZoneOffset.UTC);
    private final CheckLockout lockout = new CheckLockout(FIVE_MINUTES_AFTER);

    private static Scenario lockedByOldWrongPasswords() {
        return Scenario.healthy().userLogin(false, true).addHistory(
                row(at(-25), "Invalid Password"), row(at(-22), "Invalid Password"), row(at(-20), "Invalid Password"),
                row(at(-8), "Password Lockout"), row(at(0).plusSeconds(3), "Password Lockout"));
    }

    @Test
    void aLockedUserIsLockedOutAndTheFixSaysWhenItUnlocksItself() {
        Finding f = lockout.check(lockedByOldWrongPasswords().evidence());
        assertEquals(Verdict.CONFIRMED, f.verdict());
        // First lockout row 10:07 + the org's 15 minutes = 10:22, two minutes after "now".
        assertTrue(f.remediation().contains("unlocks by itself at about 2026-11-27T10:22:00Z (in 2 min)"), f.remediation());
        assertTrue(f.remediation().contains("Setup → Users → integration@acme.com → Unlock"));
        assertTrue(f.remediation().contains("Fix the credential"), "or the next run locks it again");
    }

    @Test
    void withThePolicyUnknownTheFixUsesAndSaysTheFifteenMinuteDefault() {
        Scenario s = lockedByOldWrongPasswords().settings(OrgSettings.unknown());
        assertTrue(lockout.check(s.evidence()).remediation().contains("15 min (Salesforce's default"));
    }

    @Test
    void aForeverLockoutNeedsAnAdmin() {
        Scenario s = lockedByOldWrongPasswords().settings(new OrgSettings(true, true, true, 10, 0));
        assertTrue(lockout.check(s.evidence()).remediation().contains("Forever"));
    }

    @Test
    void aLockoutRowOfAnotherUserIsNotThisUsersLockout() {
        Scenario s = Scenario.healthy().addHistory(new LoginHistoryRow(at(0), "Password Lockout", "203.0.113.7",
                "Partner", null, null, null, null, null, Scenario.OTHER_USER_ID));
        assertEquals(Verdict.RULED_OUT, lockout.check(s.evidence()).verdict());
    }

    @Test
    void theLockoutRowConfirmsEvenAfterTheLockHasExpired() {
        Scenario s = Scenario.healthy().addHistory(row(at(1), "password lockout"));
        Finding f = lockout.check(s.evidence());
        assertEquals(Verdict.CONFIRMED, f.verdict());
        assertTrue(f.remediation().contains("has ended"), f.remediation());
    }

    @Test
    void notLockedNowWithTheHistoryUnknownIsNotProofOfNoLockout() {
        Scenario s = Scenario.healthy().historyUnknown("LoginHistory not readable");
        assertEquals(Verdict.INCONCLUSIVE, lockout.check(s.evidence()).verdict());
    }

    @Test
    void passwordLockoutCodeConfirmsFromTheReportAlone() {
        Scenario s = Scenario.healthy().orgUnavailable("no diagnostics secret").error("PASSWORD_LOCKOUT", "");
        assertEquals(Verdict.CONFIRMED, lockout.check(s.evidence()).verdict());
    }

    @Test
    void aFrozenUserIsFrozen() {
        CheckFrozen frozen = new CheckFrozen();
        Finding f = frozen.check(Scenario.healthy().userLogin(true, false).evidence());
        assertEquals(Verdict.CONFIRMED, f.verdict());
        assertTrue(f.remediation().contains("Setup → Users → integration@acme.com → Unfreeze"));
        assertEquals(Verdict.RULED_OUT, frozen.check(Scenario.healthy().evidence()).verdict());
        assertEquals(Verdict.CONFIRMED, frozen.check(Scenario.healthy().addHistory(row(at(0), "User is Frozen")).evidence()).verdict());
    }

    @Test
    void anInactiveUserIsInactive() {
        CheckInactive inactive = new CheckInactive();
        Finding f = inactive.check(Scenario.healthy().inactive().evidence());
        assertEquals(Verdict.CONFIRMED, f.verdict());
        assertTrue(f.remediation().contains("Setup → Users → integration@acme.com → Edit → tick Active"));
        assertEquals(Verdict.RULED_OUT, inactive.check(Scenario.healthy().evidence()).verdict());
        Scenario refresh = Scenario.healthy().orgUnavailable("no diagnostics secret").flow(LoginFlow.OAUTH_REFRESH_TOKEN)
                .error("inactive_user", "user is inactive");
        assertEquals(Verdict.CONFIRMED, inactive.check(refresh.evidence()).verdict(), "from the report alone");
    }

    @Test
    void accountStateOfASandboxUserSaysNothingAboutALoginToProduction() {
        Scenario s = Scenario.healthy().loginUrl("https://login.salesforce.com").sandboxOrg("Acme UAT").userLogin(true, true).inactive();
        s.diagnosticsLoginUrl = "https://test.salesforce.com";
        assertEquals(Verdict.INCONCLUSIVE, new CheckFrozen().check(s.evidence()).verdict());
        assertEquals(Verdict.INCONCLUSIVE, lockout.check(s.evidence()).verdict());
        assertEquals(Verdict.INCONCLUSIVE, new CheckInactive().check(s.evidence()).verdict());
        assertEquals(Verdict.CONFIRMED, new CheckLoginEndpoint().check(s.evidence()).verdict());
    }
}
