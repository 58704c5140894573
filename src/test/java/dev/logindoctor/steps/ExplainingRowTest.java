package dev.logindoctor.steps;

import dev.logindoctor.model.LoginFlow;
import dev.logindoctor.model.LoginHistoryRow;
import org.junit.jupiter.api.Test;

import static dev.logindoctor.steps.Scenario.USER_ID_15;
import static dev.logindoctor.steps.Scenario.at;
import static dev.logindoctor.steps.Scenario.row;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ExplainingRowTest {

    private static ExplainingRow explain(Scenario s) {
        return ExplainingRow.of(s.report(), s.org());
    }

    private static LoginHistoryRow rowFor(String userId, java.time.Instant when, String status) {
        return new LoginHistoryRow(when, status, "203.0.113.7", "Partner", null, null, null, null, null, userId);
    }

    @Test
    void picksTheFailureRowClosestToTheFailureAndCallsOlderRowsContext() {
        ExplainingRow row = explain(Scenario.healthy().addHistory(
                row(at(-30), "Invalid Password"), row(at(-25), "Invalid Password"), row(at(-20), "Invalid Password"),
                row(at(1), "Password Lockout")));
        assertEquals(ExplainingRow.Kind.ROW, row.kind());
        assertEquals(LoginStatus.PASSWORD_LOCKOUT, row.status());
        assertTrue(row.lines().stream().anyMatch(l -> l.contains("context, not proof: 3 earlier 'Invalid Password' rows")), row.lines().toString());
    }

    @Test
    void rowsOutsideTheClockSkewWindowAreNeverTheExplanation() {
        ExplainingRow row = explain(Scenario.healthy().history(row(at(-6), "Password Lockout"), row(at(6), "Password Lockout")));
        assertEquals(ExplainingRow.Kind.NO_ROWS, row.kind());
        assertEquals(LoginStatus.UNRECOGNIZED, row.status());
    }

    @Test
    void aSuccessRowClosestToTheFailureMeansTheHistoryDoesNotExplainIt() {
        ExplainingRow row = explain(Scenario.healthy().history(row(at(0).plusSeconds(10), "Success")));
        assertEquals(ExplainingRow.Kind.SUCCESS_CLOSEST, row.kind());
        assertTrue(row.lines().get(0).contains("does not explain"));
    }

    @Test
    void aSuccessBetweenTheFailureRowAndTheFailureMakesThatRowAnEarlierAttempt() {
        ExplainingRow row = explain(Scenario.healthy().history(row(at(-4), "Invalid Password"), row(at(-1), "Success")));
        assertEquals(ExplainingRow.Kind.SUCCESS_CLOSEST, row.kind());
        assertTrue(row.lines().get(0).contains("earlier attempt"), row.lines().toString());
    }

    @Test
    void aSuccessAfterTheFailureIsARetryAndLeavesTheFailureRowTheExplanation() {
        // A retry once the secret was fixed: the Success is closer to failedAt but later than it.
        ExplainingRow row = explain(Scenario.healthy().history(row(at(-4), "Invalid Password"), row(at(0).plusSeconds(10), "Success")));
        assertEquals(ExplainingRow.Kind.ROW, row.kind());
        assertEquals(LoginStatus.INVALID_PASSWORD, row.status());
    }

    @Test
    void rowsOfAnotherUserAreIgnored() {
        ExplainingRow row = explain(Scenario.healthy().history(rowFor(Scenario.OTHER_USER_ID, at(0), "Password Lockout")));
        assertEquals(ExplainingRow.Kind.NO_ROWS, row.kind());
        assertTrue(row.lines().stream().anyMatch(l -> l.contains("1 LoginHistory row(s) of other users ignored")));
    }

    @Test
    void aFifteenCharacterUserIdOnTheRowIsTheSameUserAsTheEighteenCharacterId() {
        ExplainingRow row = explain(Scenario.healthy().history(rowFor(USER_ID_15, at(0), "Password Lockout")));
        assertEquals(LoginStatus.PASSWORD_LOCKOUT, row.status());
    }

    @Test
    void aStatusInOddCaseStillMatches() {
        assertEquals(LoginStatus.PASSWORD_LOCKOUT, explain(Scenario.healthy().history(row(at(0), "PASSWORD lockout"))).status());
    }

    @Test
    void anUnknownStatusIsListedWithNoOpinion() {
        ExplainingRow row = explain(Scenario.healthy().history(row(at(0), "Failed: Quantum flux")));
        assertEquals(ExplainingRow.Kind.ROW, row.kind());
        assertEquals(LoginStatus.UNRECOGNIZED, row.status());
        assertTrue(row.lines().get(0).contains("'Failed: Quantum flux'") && row.lines().get(0).contains("no opinion"));
    }

    @Test
    void rowsWithoutTimesOrStatusDoNotBreakIt() {
        ExplainingRow row = explain(Scenario.healthy().history(
                new LoginHistoryRow(null, "Password Lockout", null, null, null, null, null, null, null, null),
                new LoginHistoryRow(at(0), null, null, null, null, null, null, null, null, null)));
        assertEquals(ExplainingRow.Kind.ROW, row.kind());
        assertEquals(LoginStatus.UNRECOGNIZED, row.status());
        assertTrue(row.lines().stream().anyMatch(l -> l.contains("without LoginTime ignored")));
    }

    @Test
    void noRowForAKnownUserWithSoapMeansTheAttemptProbablyWentElsewhere() {
        ExplainingRow row = explain(Scenario.healthy().history());
        assertEquals(ExplainingRow.Kind.NO_ROWS, row.kind());
        assertTrue(row.absence().contains("probably went to another org or host"), row.absence());
    }

    @Test
    void noRowForAJwtCallMeansItCanFailBeforeAUserIsEstablished() {
        ExplainingRow row = explain(Scenario.healthy().flow(LoginFlow.OAUTH_JWT).history());
        assertTrue(row.absence().contains("before a user is established"), row.absence());
    }

    @Test
    void noRowForAnUnknownUsernameIsConsistentWithTheUsernameNotExisting() {
        Scenario s = Scenario.healthy().userNotFound();
        s.history = java.util.List.of();
        ExplainingRow row = explain(s);
        assertTrue(row.absence().contains("username that does not exist"), row.absence());
    }

    @Test
    void theRowsSourceIpBeatsTheReportsBehindNat() {
        Scenario s = Scenario.healthy().sourceIp("10.0.3.7").history(row(at(0), "Restricted IP", "198.51.100.20"));
        assertEquals("198.51.100.20", explain(s).sourceIp(s.report()));
    }

    @Test
    void historyFromAnotherOrgIsNotEvidence() {
        Scenario s = Scenario.healthy().loginUrl("https://login.salesforce.com").sandboxOrg("Acme UAT")
                .history(row(at(0), "Password Lockout"));
        s.diagnosticsLoginUrl = "https://test.salesforce.com";
        assertEquals(ExplainingRow.Kind.OTHER_ORG, explain(s).kind());
    }

    @Test
    void unreadableHistorySaysWhy() {
        ExplainingRow row = explain(Scenario.healthy().historyUnknown("INSUFFICIENT_ACCESS on LoginHistory"));
        assertEquals(ExplainingRow.Kind.HISTORY_UNKNOWN, row.kind());
        assertTrue(row.lines().get(0).contains("INSUFFICIENT_ACCESS on LoginHistory"));
    }
}
