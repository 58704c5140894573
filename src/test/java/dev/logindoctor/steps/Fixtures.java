package dev.logindoctor.steps;

import dev.logindoctor.model.Cause;
import dev.logindoctor.model.IpRange;
import dev.logindoctor.model.LoginFlow;
import dev.logindoctor.model.LoginHours;
import dev.logindoctor.model.TrustEvent;
import dev.logindoctor.model.UserRecord;

import java.time.DayOfWeek;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import static dev.logindoctor.steps.Scenario.at;
import static dev.logindoctor.steps.Scenario.row;

/** One scenario per cause, each with exactly that one thing wrong, the way a real org shows it. */
final class Fixtures {
    static final IpRange OFFICE = new IpRange("10.0.0.0", "10.0.255.255", "office");
    static final IpRange DATA_CENTER = new IpRange("198.51.100.0", "198.51.100.255", "data center");

    private Fixtures() {
    }

    static Map<Cause, Scenario> all() {
        Map<Cause, Scenario> all = new EnumMap<>(Cause.class);
        for (Cause cause : Cause.values()) {
            if (cause != Cause.UNDETERMINED) {
                all.put(cause, of(cause));
            }
        }
        return all;
    }

    static Scenario of(Cause cause) {
        return switch (cause) {
            // A typo in the username: the diagnostics org is the org behind the host, and has no such user.
            case USERNAME_NOT_FOUND -> Scenario.healthy().username("integration@acme.con").userNotFound();
            // The password in the secret is wrong; it was set after the last password change, so the token is current.
            case WRONG_PASSWORD -> Scenario.healthy().addHistory(
                    row(at(-20), "Invalid Password"), row(at(-10), "Invalid Password"),
                    row(at(0).plusSeconds(2), "Invalid Password"));
            // Someone reset the password after the secret was stored: the stored token is stale.
            case SECURITY_TOKEN_MISSING_OR_STALE -> Scenario.healthy()
                    .passwordChangedAt(Instant.parse("2026-11-20T08:00:00Z"))
                    .addHistory(row(at(0).plusSeconds(1), "Invalid Password"));
            // JWT from a new egress address; the profile allows only the office and the data center.
            case LOGIN_IP_RESTRICTED -> Scenario.healthy().flow(LoginFlow.OAUTH_JWT)
                    .error("invalid_grant", "IP restricted or invalid login hours")
                    .sourceIp("192.0.2.44")
                    .ipRanges(OFFICE, DATA_CENTER)
                    .loginHours(new LoginHours("America/New_York", List.of(new LoginHours.DayWindow(DayOfWeek.FRIDAY, 4 * 60, 22 * 60))));
            // The nightly job runs at 05:15 New York time; the profile allows Friday 06:00–20:00.
            case LOGIN_HOURS_RESTRICTED -> Scenario.healthy()
                    .loginHours(new LoginHours("America/New_York", List.of(new LoginHours.DayWindow(DayOfWeek.FRIDAY, 6 * 60, 20 * 60))))
                    .addHistory(row(at(0).plusSeconds(1), "Restricted time"));
            // Old wrong passwords locked the user; the current attempt is refused as a lockout.
            case USER_LOCKED_OUT -> Scenario.healthy().userLogin(false, true).addHistory(
                    row(at(-25), "Invalid Password"), row(at(-22), "Invalid Password"), row(at(-20), "Invalid Password"),
                    row(at(-12), "Password Lockout"), row(at(0).plusSeconds(3), "Password Lockout"));
            case USER_FROZEN -> Scenario.healthy().userLogin(true, false).addHistory(row(at(0), "User is frozen"));
            // A refresh-token integration whose user was deactivated.
            case USER_INACTIVE -> Scenario.healthy().flow(LoginFlow.OAUTH_REFRESH_TOKEN)
                    .error("inactive_user", "user is inactive").inactive();
            // Planned maintenance on the instance; the login never reached the org.
            case ORG_MAINTENANCE -> Scenario.healthy().error("SERVER_UNAVAILABLE", "Server unavailable")
                    .trustEvents(new TrustEvent(TrustEvent.Kind.MAINTENANCE, "1234", "NA123 Core Service Maintenance",
                            Instant.parse("2026-11-27T10:00:00Z"), Instant.parse("2026-11-27T10:30:00Z"), true, "inProgress"));
            // An admin gave the integration user MFA; Salesforce records the MFA demand.
            case MFA_REQUIRED -> Scenario.healthy().permissions(true, false, true, false, null)
                    .addHistory(row(at(0).plusSeconds(1), "Multi-factor (formerly called two-factor) is required"));
            // A sandbox username sent to production; the diagnostics connection reaches production.
            case WRONG_LOGIN_ENDPOINT -> {
                Scenario s = Scenario.healthy().loginUrl("https://login.salesforce.com").username("integration@acme.com.uat").userNotFound();
                s.baseUsernameUser = new UserRecord(Scenario.USER_ID_18, "integration@acme.com", true, "00e5g000000Prof",
                        "Integration", "Standard", Instant.parse("2026-09-01T12:00:00Z"), null);
                yield s;
            }
            case CONNECTED_APP_NOT_APPROVED -> Scenario.healthy().flow(LoginFlow.OAUTH_JWT)
                    .error("invalid_grant", "user hasn't approved this consumer").history();
            case JWT_ASSERTION_INVALID -> Scenario.healthy().flow(LoginFlow.OAUTH_JWT)
                    .error("invalid_grant", "audience is invalid").history();
            // An org from after Summer '23: the username-password flow is blocked.
            case LOGIN_FLOW_BLOCKED -> {
                Scenario s = Scenario.healthy().flow(LoginFlow.OAUTH_PASSWORD).error("invalid_grant", "authentication failure")
                        .addHistory(row(at(0).plusSeconds(1), "Username-Password Flow Disabled"));
                s.settings = new dev.logindoctor.model.OrgSettings(true, null, true, 10, 15);
                yield s;
            }
            case LOGIN_RATE_EXCEEDED -> Scenario.healthy().addHistory(row(at(0).minusSeconds(20), "Login Rate Exceeded"));
            case UNDETERMINED -> throw new IllegalArgumentException("no fixture for UNDETERMINED");
        };
    }

    static List<Cause> causes() {
        return new ArrayList<>(all().keySet());
    }
}
