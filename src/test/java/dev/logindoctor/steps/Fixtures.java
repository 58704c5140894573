package dev.logindoctor.steps;

import dev.logindoctor.model.Cause;
import dev.logindoctor.model.ConnectedAppPolicy;
import dev.logindoctor.model.IpRange;
import dev.logindoctor.model.LoginFlow;
import dev.logindoctor.model.LoginHours;
import dev.logindoctor.model.OrgSettings;
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
            case LOGIN_FLOW_BLOCKED -> Scenario.healthy().flow(LoginFlow.OAUTH_PASSWORD).error("invalid_grant", "authentication failure")
                    .settings(new OrgSettings(true, null, true, 10, 15))
                    .addHistory(row(at(0).plusSeconds(1), "Username-Password Flow Disabled"));
            case LOGIN_RATE_EXCEEDED -> Scenario.healthy().addHistory(row(at(0).minusSeconds(20), "Login Rate Exceeded"));
            // login() succeeded with passwordExpired = true; the integration's next call got Salesforce's expired-password fault.
            case PASSWORD_EXPIRED -> Scenario.healthy().error("INVALID_OPERATION_WITH_EXPIRED_PASSWORD",
                            "The users password has expired, you must call SetPassword before attempting any other API operations")
                    .settings(new OrgSettings(true, true, true, 10, 15, 90)).ssoAndExpiry(false, false)
                    .addHistory(row(at(0), "Success"));
            // The org is locked: the integration and the diagnostics user are refused alike.
            case ORG_UNAVAILABLE -> Scenario.healthy().flow(LoginFlow.OAUTH_PASSWORD)
                    .error("inactive_org", "organization is locked, closed, or suspended")
                    .diagnosticsRefused("inactive_org", "organization is locked, closed, or suspended");
            // An old runtime still on TLS 1.0.
            case CLIENT_UNSUPPORTED -> Scenario.healthy().error("UNSUPPORTED_CLIENT", "TLS 1.0 has been disabled in this organization."
                    + " Please use TLS 1.1 or higher when connecting to Salesforce using https.").history();
            // The user is on delegated authentication: the company's service refused the password.
            case DELEGATED_AUTH_FAILED -> Scenario.healthy().ssoAndExpiry(true, false)
                    .addHistory(row(at(0).plusSeconds(1), "Invalid Password"));
            // An admin removed API Enabled from the integration's profile.
            case API_ACCESS_DISABLED -> Scenario.healthy().error("API_CURRENTLY_DISABLED", "API is disabled for this User")
                    .permissions(false, true, false, false, null).history();
            // A refresh-token integration whose refresh token was revoked; a token endpoint refusal leaves no row.
            case REFRESH_TOKEN_INVALID -> Scenario.healthy().flow(LoginFlow.OAUTH_REFRESH_TOKEN)
                    .error("invalid_grant", "expired access/refresh token").history();
            // The consumer secret was rotated in the app but not in the integration's secret.
            case CONNECTED_APP_CLIENT_INVALID -> Scenario.healthy().flow(LoginFlow.OAUTH_PASSWORD)
                    .error("invalid_client", "invalid client credentials").history();
            // The app admits only admin-approved users, and the integration user's profile is not assigned.
            case CONNECTED_APP_ACCESS_DENIED -> Scenario.healthy().flow(LoginFlow.OAUTH_REFRESH_TOKEN)
                    .error("invalid_app_access", "user is not admin approved to access this app").history()
                    .connectedApps(new ConnectedAppPolicy("0H45g000000AbCdCAK", "Billing Sync", true, null, null));
            // The org refuses API logins through login.salesforce.com; the refusal left no row.
            case MY_DOMAIN_LOGIN_REQUIRED -> Scenario.healthy().loginUrl("https://login.salesforce.com").history()
                    .myDomainPolicy(true, true);
            case UNDETERMINED -> throw new IllegalArgumentException("no fixture for UNDETERMINED");
        };
    }

    /** A scenario with the one cause it should be diagnosed as. */
    record Variant(String name, Cause cause, Scenario scenario) {
        @Override
        public String toString() {
            return cause + ": " + name;
        }
    }

    /** Every cause's fixture, plus other ways the same single cause shows in real orgs. */
    static List<Variant> variants() {
        List<Variant> out = new ArrayList<>();
        all().forEach((cause, s) -> out.add(new Variant("fixture", cause, s)));
        Scenario sandboxUserToProduction = Scenario.healthy().loginUrl("https://login.salesforce.com").sandboxOrg("Acme UAT")
                .history(row(at(-40), "Success"));
        sandboxUserToProduction.diagnosticsLoginUrl = "https://acme--uat.sandbox.my.salesforce.com";
        out.add(new Variant("a sandbox user sent to login.salesforce.com", Cause.WRONG_LOGIN_ENDPOINT, sandboxUserToProduction));
        out.add(new Variant("the Lightning host", Cause.WRONG_LOGIN_ENDPOINT, Scenario.healthy()
                .loginUrl("https://acme.lightning.force.com").error("405", "Only POST allowed").history()));
        out.add(new Variant("the token-required row", Cause.SECURITY_TOKEN_MISSING_OR_STALE, Scenario.healthy()
                .addHistory(row(at(0), "Failed: API security token required"))));
        out.add(new Variant("LOGIN_MUST_USE_SECURITY_TOKEN without the org", Cause.SECURITY_TOKEN_MISSING_OR_STALE, Scenario.healthy()
                .orgUnavailable("no diagnostics secret").error("LOGIN_MUST_USE_SECURITY_TOKEN", "Are you at a new location?")));
        out.add(new Variant("a password-flow wrong password from inside the ranges", Cause.WRONG_PASSWORD, Scenario.healthy()
                .flow(LoginFlow.OAUTH_PASSWORD).error("invalid_grant", "authentication failure").credentialUpdatedAt(null)
                .ipRanges(new IpRange("203.0.113.0", "203.0.113.255", "egress"))
                .addHistory(row(at(0), "Invalid password"))));
        out.add(new Variant("the restricted IP row behind NAT", Cause.LOGIN_IP_RESTRICTED, Scenario.healthy().sourceIp("10.0.3.7")
                .ipRanges(OFFICE).addHistory(row(at(0), "Restricted IP", "192.0.2.44"))));
        out.add(new Variant("the shared OAuth error with the hours excluding the failure", Cause.LOGIN_HOURS_RESTRICTED, Scenario.healthy()
                .flow(LoginFlow.OAUTH_PASSWORD).error("invalid_grant", "IP restricted or invalid login hours").history()
                .loginHours(new LoginHours("America/New_York", List.of(new LoginHours.DayWindow(DayOfWeek.FRIDAY, 6 * 60, 20 * 60))))));
        out.add(new Variant("frozen with no row", Cause.USER_FROZEN, Scenario.healthy().userLogin(true, false)
                .error("INVALID_LOGIN", Scenario.GENERIC_INVALID_LOGIN)));
        out.add(new Variant("deactivated, SOAP", Cause.USER_INACTIVE, Scenario.healthy().inactive().addHistory(row(at(0), "User is Inactive"))));
        out.add(new Variant("locked with the lockout row only", Cause.USER_LOCKED_OUT, Scenario.healthy().addHistory(row(at(0), "Password Lockout"))));
        out.add(new Variant("MFA for API logins on the password flow", Cause.MFA_REQUIRED, Scenario.healthy().flow(LoginFlow.OAUTH_PASSWORD)
                .error("invalid_grant", "authentication failure").permissions(true, false, false, true, null)
                .addHistory(row(at(0), "Invalid Password"))));
        out.add(new Variant("MFA for UI logins on the web-server flow", Cause.MFA_REQUIRED, Scenario.healthy().flow(LoginFlow.OAUTH_WEB_SERVER)
                .error("invalid_grant", "authentication failure").permissions(true, false, true, false, null).history()));
        out.add(new Variant("a core incident", Cause.ORG_MAINTENANCE, Scenario.healthy().error("UNKNOWN_EXCEPTION", "").history()
                .trustEvents(new TrustEvent(TrustEvent.Kind.INCIDENT, "77", "Login failures on NA123",
                        Instant.parse("2026-11-27T09:58:00Z"), null, true, "inProgress"))));
        out.add(new Variant("SOAP login() above v64.0", Cause.LOGIN_FLOW_BLOCKED, Scenario.healthy()
                .loginUrl("https://acme.my.salesforce.com/services/Soap/u/65.0").error("INVALID_OPERATION",
                        "The SOAP Login operation is not available in the API version specified (65.0)").history()));
        out.add(new Variant("SOAP login() off in a new org", Cause.LOGIN_FLOW_BLOCKED, Scenario.healthy().error("INVALID_OPERATION",
                "SOAP API login() is disabled by default in this org. Contact the org administrator to enable SOAP API login().").history()));
        out.add(new Variant("a retired API version", Cause.CLIENT_UNSUPPORTED, Scenario.healthy()
                .loginUrl("https://acme.my.salesforce.com/services/Soap/u/20.0").error("UNSUPPORTED_API_VERSION", "Invalid Api version specified on URL").history()));
        out.add(new Variant("the API version removed row", Cause.CLIENT_UNSUPPORTED, Scenario.healthy()
                .addHistory(row(at(0), "Failed: API Version Removed. Use a newer API version."))));
        out.add(new Variant("the trial expired (API_CURRENTLY_DISABLED)", Cause.ORG_UNAVAILABLE, Scenario.healthy()
                .error("API_CURRENTLY_DISABLED", "Your trial has expired.").diagnosticsRefused("inactive_org", "organization is locked, closed, or suspended")));
        out.add(new Variant("ORG_LOCKED without the org", Cause.ORG_UNAVAILABLE, Scenario.healthy().orgUnavailable("no diagnostics secret")
                .error("ORG_LOCKED", "")));
        out.add(new Variant("the bundled error while the same host refuses the diagnostics user", Cause.ORG_UNAVAILABLE, Scenario.healthy()
                .diagnosticsRefused("inactive_org", "organization is locked, closed, or suspended")));
        out.add(new Variant("the organization suspended row", Cause.ORG_UNAVAILABLE, Scenario.healthy()
                .addHistory(row(at(0), "Organization suspended"))));
        out.add(new Variant("the service-down row", Cause.DELEGATED_AUTH_FAILED, Scenario.healthy()
                .addHistory(row(at(0), "Your company's authentication service is down"))));
        out.add(new Variant("SSO_SERVICE_DOWN without the org", Cause.DELEGATED_AUTH_FAILED, Scenario.healthy().orgUnavailable("no diagnostics secret")
                .error("SSO_SERVICE_DOWN", "")));
        out.add(new Variant("API_DISABLED_FOR_ORG", Cause.API_ACCESS_DISABLED, Scenario.healthy()
                .error("API_DISABLED_FOR_ORG", "API is not enabled for this Organization or Partner").history()));
        out.add(new Variant("the OAuth API access disabled row", Cause.API_ACCESS_DISABLED, Scenario.healthy().flow(LoginFlow.OAUTH_PASSWORD)
                .error("invalid_grant", "authentication failure").addHistory(row(at(0), "Failed: OAuth API access disabled"))));
        out.add(new Variant("the short 'ip restricted' with the address outside the ranges", Cause.LOGIN_IP_RESTRICTED, Scenario.healthy()
                .flow(LoginFlow.OAUTH_PASSWORD).error("invalid_grant", "ip restricted").sourceIp("192.0.2.44").ipRanges(OFFICE).history()));
        out.add(new Variant("invalid_grant 'inactive user'", Cause.USER_INACTIVE, Scenario.healthy().flow(LoginFlow.OAUTH_REFRESH_TOKEN)
                .error("invalid_grant", "inactive user").history()));
        out.add(new Variant("no Use Any API Auth", Cause.LOGIN_FLOW_BLOCKED, Scenario.healthy().error("INSUFFICIENT_ACCESS", "").history()));
        out.add(new Variant("an expired JWT", Cause.JWT_ASSERTION_INVALID, Scenario.healthy().flow(LoginFlow.OAUTH_JWT)
                .error("invalid_grant", "expired authorization code").history()));
        out.add(new Variant("rate_limit_exceeded", Cause.LOGIN_RATE_EXCEEDED, Scenario.healthy().flow(LoginFlow.OAUTH_PASSWORD)
                .error("rate_limit_exceeded", "number of logins exceeded").history()));
        out.add(new Variant("a username missing behind the generic host", Cause.USERNAME_NOT_FOUND, Scenario.healthy()
                .loginUrl("https://login.salesforce.com").username("intgration@acme.com").userNotFound()));
        out.add(new Variant("the Missing Consumer Key Parameter row", Cause.CONNECTED_APP_CLIENT_INVALID, Scenario.healthy()
                .flow(LoginFlow.OAUTH_PASSWORD).error("invalid_grant", "authentication failure")
                .addHistory(row(at(0), "Missing Consumer Key Parameter"))));
        out.add(new Variant("the Consumer Deleted row", Cause.CONNECTED_APP_CLIENT_INVALID, Scenario.healthy()
                .flow(LoginFlow.OAUTH_REFRESH_TOKEN).error("invalid_grant", "authentication failure")
                .addHistory(row(at(0), "Failed: Consumer Deleted"))));
        out.add(new Variant("a wrong consumer key on the client credentials flow", Cause.CONNECTED_APP_CLIENT_INVALID, Scenario.healthy()
                .flow(LoginFlow.OAUTH_CLIENT_CREDENTIALS).error("invalid_client_id", "client identifier invalid").history()));
        out.add(new Variant("no Run As user", Cause.CONNECTED_APP_ACCESS_DENIED, Scenario.healthy()
                .flow(LoginFlow.OAUTH_CLIENT_CREDENTIALS).error("invalid_grant", "no client credentials user enabled").history()));
        out.add(new Variant("an External Client App missing after a sandbox refresh", Cause.CONNECTED_APP_ACCESS_DENIED, Scenario.healthy()
                .flow(LoginFlow.OAUTH_WEB_SERVER).error("invalid_request", "External client app is not installed in this org").history()));
        out.add(new Variant("the Restricted domain row through login.salesforce.com", Cause.MY_DOMAIN_LOGIN_REQUIRED, Scenario.healthy()
                .loginUrl("https://login.salesforce.com").myDomainPolicy(null, null).addHistory(row(at(0), "Restricted domain"))));
        out.add(new Variant("a revoked refresh token with the app's expiry policy", Cause.REFRESH_TOKEN_INVALID, Scenario.healthy()
                .flow(LoginFlow.OAUTH_REFRESH_TOKEN).error("invalid_grant", "expired access/refresh token")
                .connectedApps(new ConnectedAppPolicy("0H45g000000AbCdCAK", "Billing Sync", false, 90, true))
                .history(new dev.logindoctor.model.LoginHistoryRow(at(-40), "Success", "203.0.113.7", "Remote Access 2.0",
                        "OauthRefreshToken", "login.salesforce.com", "N/A", "N/A", "Billing Sync", Scenario.USER_ID_18))));
        return out;
    }
}
