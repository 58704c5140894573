package dev.logindoctor.sim;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static dev.logindoctor.sim.SoapLoginTest.PASSWORD;
import static dev.logindoctor.sim.SoapLoginTest.TOKEN;
import static dev.logindoctor.sim.SoapLoginTest.TRUSTED_IP;
import static dev.logindoctor.sim.SoapLoginTest.UNTRUSTED_IP;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Lockout, password change, IP ranges, login hours and MFA, as an org with those policies enforces them. */
class LoginPolicyTest {
    SimulatedOrg org;

    @BeforeEach
    void start() {
        org = SimHttp.testOrg();
    }

    @AfterEach
    void stop() {
        org.close();
    }

    @Test
    void threeWrongPasswordsLockTheUserAndLaterAttemptsStayLocked() {
        for (int i = 0; i < 3; i++) {
            SimHttp.soapLogin(org, "svc@acme.com", "wrong" + i, UNTRUSTED_IP);
        }
        SimHttp.Reply whileLocked = SimHttp.soapLogin(org, "svc@acme.com", PASSWORD + TOKEN, UNTRUSTED_IP);

        assertTrue(whileLocked.body().contains("<faultcode>sf:INVALID_LOGIN</faultcode>"));
        List<String> statuses = org.loginHistory("svc@acme.com").stream().limit(4).map(r -> r.status()).toList();
        assertEquals(List.of("Password Lockout", "Password Lockout", "Invalid Password", "Invalid Password"), statuses);
        SimHttp.Reply attempts = SimHttp.get(org, "/_sim/attempts?username=SVC%40acme.com", null);
        assertEquals(4, attempts.json().get("attempts").asInt());
        assertEquals(4, attempts.json().get("failed").asInt());
        assertTrue(org.state().isLocked(org.state().userByUsername("svc@acme.com").orElseThrow()));
    }

    @Test
    void theLockLiftsAfterTheLockoutPeriodOnTheSimClock() {
        for (int i = 0; i < 3; i++) {
            SimHttp.passwordGrant(org, "svc@acme.com", "wrong" + i, UNTRUSTED_IP);
        }
        org.clock().advance(Duration.ofMinutes(16));

        assertEquals(200, SimHttp.passwordGrant(org, "svc@acme.com", PASSWORD + TOKEN, UNTRUSTED_IP).status());
    }

    @Test
    void aPasswordChangeResetsTheTokenSoTheOldTokenFails() {
        SimHttp.Reply change = SimHttp.postJson(org, "/_sim/password", null,
                "{\"username\":\"svc@acme.com\",\"newPassword\":\"Winter2026!Billing\"}");
        assertEquals(200, change.status());

        SimHttp.Reply oldBoth = SimHttp.soapLogin(org, "svc@acme.com", PASSWORD + TOKEN, UNTRUSTED_IP);
        SimHttp.Reply newPasswordOldToken = SimHttp.soapLogin(org, "svc@acme.com", "Winter2026!Billing" + TOKEN, UNTRUSTED_IP);
        SimHttp.Reply newPasswordFromOffice = SimHttp.soapLogin(org, "svc@acme.com", "Winter2026!Billing", TRUSTED_IP);

        assertEquals(500, oldBoth.status());
        assertEquals(500, newPasswordOldToken.status());
        assertEquals(200, newPasswordFromOffice.status());
        assertEquals(List.of("Success", "Invalid Password", "Invalid Password"),
                org.loginHistory("svc@acme.com").stream().limit(3).map(r -> r.status()).toList());
        var user = org.state().userByUsername("svc@acme.com").orElseThrow();
        assertTrue(Duration.between(user.lastPasswordChangeDate, org.now()).abs().getSeconds() < 60);
    }

    @Test
    void profileIpRangesDenyOtherAddressesAndWaiveTheTokenInside() {
        SimHttp.Reply outside = SimHttp.passwordGrant(org, "ranged@acme.com", "Ranged#2026TOKENranged1234567890abc", UNTRUSTED_IP);
        SimHttp.Reply insideNoToken = SimHttp.soapLogin(org, "ranged@acme.com", "Ranged#2026", "192.0.2.10");

        assertEquals("IP restricted or invalid login hours", outside.json().get("error_description").asText());
        assertEquals(200, insideNoToken.status(), insideNoToken.body());
        assertEquals(List.of("Success", "Restricted IP"),
                org.loginHistory("ranged@acme.com").stream().map(r -> r.status()).toList());
    }

    @Test
    void loginHoursInTheOrgTimeZone() {
        // 2026-11-25T03:00Z is Tuesday 19:00 in Los Angeles: after 18:00.
        org.clock().set(Instant.parse("2026-11-25T03:00:00Z"));
        SimHttp.Reply evening = SimHttp.soapLogin(org, "ranged@acme.com", "Ranged#2026", "192.0.2.10");
        // Saturday has start == end: no login all day.
        org.clock().set(Instant.parse("2026-11-28T20:00:00Z"));
        SimHttp.Reply saturday = SimHttp.passwordGrant(org, "ranged@acme.com", "Ranged#2026", "192.0.2.10");
        // Sunday has no window: unrestricted.
        org.clock().set(Instant.parse("2026-11-29T20:00:00Z"));
        SimHttp.Reply sunday = SimHttp.soapLogin(org, "ranged@acme.com", "Ranged#2026", "192.0.2.10");

        assertEquals(500, evening.status());
        assertEquals("IP restricted or invalid login hours", saturday.json().get("error_description").asText());
        assertEquals(200, sunday.status());
        assertEquals(List.of("Success", "Restricted Time", "Restricted Time"),
                org.loginHistory("ranged@acme.com").stream().map(r -> r.status()).toList());
    }

    @Test
    void mfaForApiLoginsRefusesAPlainTokenUnlessTheUserIsApiOnly() {
        SimHttp.Reply human = SimHttp.soapLogin(org, "human@acme.com", "Human#2026TOKENhuman12345678901234", UNTRUSTED_IP);
        SimHttp.Reply apiOnly = SimHttp.soapLogin(org, "apionly@acme.com", "ApiOnly#2026TOKENapionly123456789012", UNTRUSTED_IP);

        assertEquals(500, human.status());
        assertEquals("Multi-factor required", org.loginHistory("human@acme.com").getFirst().status());
        assertEquals(200, apiOnly.status(), apiOnly.body());
    }
}
