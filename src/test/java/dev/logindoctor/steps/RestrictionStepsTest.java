package dev.logindoctor.steps;

import dev.logindoctor.model.Finding;
import dev.logindoctor.model.IpRange;
import dev.logindoctor.model.LoginFlow;
import dev.logindoctor.model.LoginHours;
import dev.logindoctor.model.Verdict;
import org.junit.jupiter.api.Test;

import java.time.DayOfWeek;
import java.util.List;

import static dev.logindoctor.steps.Scenario.at;
import static dev.logindoctor.steps.Scenario.row;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** CheckIpRestriction and CheckLoginHours share invalid_grant "IP restricted or invalid login hours". */
class RestrictionStepsTest {
    private static final IpRange OFFICE = Fixtures.OFFICE;
    /** Friday 06:00–20:00 New York; the failure is at 05:15 New York. */
    private static final LoginHours DAYTIME = new LoginHours("America/New_York",
            List.of(new LoginHours.DayWindow(DayOfWeek.FRIDAY, 6 * 60, 20 * 60)));
    /** Friday 04:00–22:00 New York: the failure is inside. */
    private static final LoginHours WIDE = new LoginHours("America/New_York",
            List.of(new LoginHours.DayWindow(DayOfWeek.FRIDAY, 4 * 60, 22 * 60)));

    private final CheckIpRestriction ip = new CheckIpRestriction();
    private final CheckLoginHours hours = new CheckLoginHours();

    private static Scenario ipOrHours() {
        return Scenario.healthy().flow(LoginFlow.OAUTH_PASSWORD).error("invalid_grant", "IP restricted or invalid login hours").history();
    }

    @Test
    void theSharedErrorWithTheAddressOutsideTheRangesIsTheIp() {
        Scenario s = ipOrHours().ipRanges(OFFICE).loginHours(WIDE);
        Finding f = ip.check(s.evidence());
        assertEquals(Verdict.CONFIRMED, f.verdict());
        assertTrue(f.remediation().contains("Setup → Profiles → Integration → Login IP Ranges → New: add 203.0.113.7"), f.remediation());
        assertTrue(f.remediation().contains("10.0.0.0–10.0.255.255 (office)"), "names the existing range");
        assertTrue(f.remediation().contains("IP Relaxation"), "an OAuth flow other than JWT can be relaxed");
        assertEquals(Verdict.RULED_OUT, hours.check(s.evidence()).verdict());
    }

    @Test
    void theSharedErrorWithTheFailureOutsideTheHoursIsTheHours() {
        Scenario s = ipOrHours().ipRanges(new IpRange("203.0.113.0", "203.0.113.255", "egress")).loginHours(DAYTIME);
        Finding f = hours.check(s.evidence());
        assertEquals(Verdict.CONFIRMED, f.verdict());
        assertTrue(f.remediation().contains("Friday 06:00–20:00 America/New_York"), f.remediation());
        assertTrue(f.remediation().contains("Friday 05:15"), f.remediation());
        assertEquals(Verdict.RULED_OUT, ip.check(s.evidence()).verdict());
    }

    @Test
    void whenBothExcludeTheAttemptOnlyTheHoursConfirmBecauseSalesforceChecksThemFirst() {
        Scenario s = ipOrHours().ipRanges(OFFICE).loginHours(DAYTIME);
        assertEquals(Verdict.CONFIRMED, hours.check(s.evidence()).verdict());
        Finding f = ip.check(s.evidence());
        assertEquals(Verdict.INCONCLUSIVE, f.verdict());
    }

    @Test
    void theRowsSourceIpBeatsTheReportsBehindNat() {
        // The integration reports its private address, inside the office range; Salesforce saw the NAT's.
        Scenario s = Scenario.healthy().flow(LoginFlow.OAUTH_JWT).error("invalid_grant", "IP restricted or invalid login hours")
                .sourceIp("10.0.3.7").ipRanges(OFFICE).loginHours(WIDE)
                .history(row(at(0), "Failed: IP Address Not Allowed", "192.0.2.44"));
        Finding f = ip.check(s.evidence());
        assertEquals(Verdict.CONFIRMED, f.verdict());
        assertTrue(f.remediation().contains("add 192.0.2.44"), f.remediation());
        assertTrue(f.remediation().contains("JWT bearer flow always enforces"), f.remediation());
    }

    @Test
    void aProfileWithoutRangesRulesTheIpOut() {
        Finding f = ip.check(Scenario.healthy().evidence());
        assertEquals(Verdict.RULED_OUT, f.verdict());
        assertTrue(f.evidence().stream().anyMatch(l -> l.contains("has no Login IP Ranges")));
    }

    @Test
    void anAddressInsideARangeRulesTheIpOut() {
        assertEquals(Verdict.RULED_OUT, ip.check(Scenario.healthy().sourceIp("10.0.9.9").ipRanges(OFFICE).evidence()).verdict());
    }

    @Test
    void anAddressOutsideTheRangesWithTheBundledErrorAndNoRowIsTheIp() {
        Scenario s = Scenario.healthy().ipRanges(OFFICE).history();
        assertEquals(Verdict.CONFIRMED, ip.check(s.evidence()).verdict());
    }

    @Test
    void anAddressOutsideTheRangesIsNotTheReasonWhenTheRowGivesAnother() {
        Scenario s = Scenario.healthy().ipRanges(OFFICE).addHistory(row(at(0), "Password Lockout"));
        assertEquals(Verdict.INCONCLUSIVE, ip.check(s.evidence()).verdict());
    }

    @Test
    void theRestrictedTimeRowAndTheSoapCodesConfirmDirectly() {
        assertEquals(Verdict.CONFIRMED, hours.check(Scenario.healthy().addHistory(row(at(0), "RESTRICTED TIME")).evidence()).verdict());
        Scenario noOrg = Scenario.healthy().orgUnavailable("no diagnostics secret");
        assertEquals(Verdict.CONFIRMED, ip.check(noOrg.error("LOGIN_DURING_RESTRICTED_DOMAIN", "").evidence()).verdict());
        assertEquals(Verdict.CONFIRMED, hours.check(noOrg.error("LOGIN_DURING_RESTRICTED_TIME", "").evidence()).verdict());
    }

    @Test
    void theSharedErrorWithoutTheOrgCannotTellWhich() {
        Scenario s = ipOrHours().orgUnavailable("no diagnostics secret");
        assertEquals(Verdict.INCONCLUSIVE, ip.check(s.evidence()).verdict());
        assertEquals(Verdict.INCONCLUSIVE, hours.check(s.evidence()).verdict());
    }

    @Test
    void loginHoursUseTheOrgsTimeZoneWhenTheHoursCarryNone() {
        Scenario s = Scenario.healthy().loginHours(new LoginHours(null, DAYTIME.days())).addHistory(row(at(0), "Restricted time"));
        Finding f = hours.check(s.evidence());
        assertTrue(f.evidence().stream().anyMatch(l -> l.contains("Friday 05:15 America/New_York")), f.evidence().toString());
    }

    @Test
    void noLoginHoursOrAFailureInsideThemRulesTheHoursOut() {
        assertEquals(Verdict.RULED_OUT, hours.check(Scenario.healthy().evidence()).verdict());
        assertEquals(Verdict.RULED_OUT, hours.check(Scenario.healthy().loginHours(WIDE).evidence()).verdict());
    }
}
