package dev.logindoctor.realorg;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.logindoctor.model.Cause;
import dev.logindoctor.model.Diagnosis;
import dev.logindoctor.model.Finding;
import dev.logindoctor.model.Verdict;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static dev.logindoctor.realorg.EveryCauseOnARealOrgTest.explain;
import static dev.logindoctor.realorg.EveryCauseOnARealOrgTest.soapInvalidLogin;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Profile Login Hours (Metadata API ProfileLoginHours: {day}Start/{day}End in minutes from midnight,
 * docs/salesforce-wire-facts.md#login-ip-ranges-and-login-hours) read in the org's TimeZoneSidKey, here
 * America/Los_Angeles: DST starts 2026-03-08 and ends 2026-11-01; a window may end at 1440; start == end allows
 * no login; a missing day restricts nothing. Only the login-hours step's verdict is checked: the history is
 * empty.
 */
class LoginHoursAcrossZonesTest {
    private final RealOrg org = new RealOrg();

    @AfterEach
    void stop() {
        org.close();
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            2026-03-09T15:30:00Z|RULED_OUT
            2026-03-09T14:30:00Z|CONFIRMED
            2026-03-06T15:30:00Z|CONFIRMED
            2026-03-06T16:30:00Z|RULED_OUT
            2026-11-02T16:30:00Z|RULED_OUT
            2026-11-02T15:30:00Z|CONFIRMED
            2026-11-28T07:59:00Z|RULED_OUT
            2026-11-24T01:00:00Z|CONFIRMED
            2026-11-24T00:59:00Z|RULED_OUT
            2026-11-28T08:30:00Z|RULED_OUT
            2026-11-29T20:00:00Z|CONFIRMED
            """)
    void theFailureIsJudgedInTheOrgsLocalTime(String failedAt, Verdict expected) {
        RealOrg.Answer answer = RealOrg.Answer.healthy().history();
        ObjectNode hours = answer.profileMetadata().putObject("loginHours");
        // Monday 08:00-17:00; Friday 08:00-24:00 (1440); Thursday all day; Sunday start == end: no login; Saturday missing.
        hours.put("mondayStart", 480).put("mondayEnd", 1020)
                .put("thursdayStart", 0).put("thursdayEnd", 1440)
                .put("fridayStart", "480").put("fridayEnd", "1440")
                .put("sundayStart", 0).put("sundayEnd", 0);
        org.answer(answer);
        Diagnosis d = org.diagnose(soapInvalidLogin().replace("2026-11-27T10:15:00Z", failedAt));
        Finding hoursFinding = d.findings().stream().filter(f -> f.cause() == Cause.LOGIN_HOURS_RESTRICTED).findFirst().orElseThrow();
        assertEquals(expected, hoursFinding.verdict(), () -> explain(d));
        if (expected == Verdict.CONFIRMED) {
            assertEquals(Cause.LOGIN_HOURS_RESTRICTED, d.cause(), () -> explain(d));
        }
    }
}
