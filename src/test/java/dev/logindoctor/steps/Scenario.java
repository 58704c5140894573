package dev.logindoctor.steps;

import dev.logindoctor.model.ConnectedAppPolicy;
import dev.logindoctor.model.EffectivePermissions;
import dev.logindoctor.model.Evidence;
import dev.logindoctor.model.FailureReport;
import dev.logindoctor.model.IpRange;
import dev.logindoctor.model.LoginFlow;
import dev.logindoctor.model.LoginHistoryRow;
import dev.logindoctor.model.LoginHours;
import dev.logindoctor.model.Lookup;
import dev.logindoctor.model.MyDomainPolicy;
import dev.logindoctor.model.OrgEvidence;
import dev.logindoctor.model.OrgInfo;
import dev.logindoctor.model.OrgSettings;
import dev.logindoctor.model.ReportedError;
import dev.logindoctor.model.SalesforceId;
import dev.logindoctor.model.TrustEvent;
import dev.logindoctor.model.TrustEvidence;
import dev.logindoctor.model.UserLoginState;
import dev.logindoctor.model.UserRecord;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds evidence for a scenario, starting from a healthy production org ("Acme", My Domain acme,
 * instance NA123) whose integration user logs in with SOAP and got the bundled INVALID_LOGIN at
 * {@link #FAILED_AT}. Each test changes only what its scenario is about.
 */
final class Scenario {
    static final Instant FAILED_AT = Instant.parse("2026-11-27T10:15:00Z"); // a Friday; 05:15 in New York
    static final String USER_ID_15 = "005Dn000001AbCd";
    static final String USER_ID_18 = SalesforceId.to18(USER_ID_15);
    static final String OTHER_USER_ID = "005Dn000009ZzYx";
    static final String GENERIC_INVALID_LOGIN = "Invalid username, password, security token; or user locked out.";

    // report
    String loginUrl = "https://acme.my.salesforce.com";
    String username = "integration@acme.com";
    LoginFlow flow = LoginFlow.SOAP;
    ReportedError error = new ReportedError("INVALID_LOGIN", GENERIC_INVALID_LOGIN);
    Instant failedAt = FAILED_AT;
    String sourceIp = "203.0.113.7";
    Instant credentialUpdatedAt = Instant.parse("2026-10-01T00:00:00Z");

    // org
    boolean orgAvailable = true;
    String unavailableReason;
    ReportedError refusal;
    OrgInfo organization = new OrgInfo("00D5g0000012345", "Acme", "NA123", false, null, "Enterprise Edition", "America/New_York");
    Lookup userLookup = Lookup.FOUND;
    UserRecord user = new UserRecord(USER_ID_18, "integration@acme.com", true, "00e5g000000Prof", "Integration",
            "Standard", Instant.parse("2026-09-01T12:00:00Z"), Instant.parse("2026-11-27T09:30:00Z"));
    UserRecord baseUsernameUser;
    UserLoginState userLogin = new UserLoginState(false, false);
    List<LoginHistoryRow> history = new ArrayList<>(List.of(row(FAILED_AT.minus(Duration.ofMinutes(45)), "Success")));
    EffectivePermissions permissions = new EffectivePermissions(true, true, false, false, null, List.of("Integration (profile)"));
    List<IpRange> ipRanges = new ArrayList<>();
    LoginHours loginHours = new LoginHours("America/New_York", List.of());
    OrgSettings settings = new OrgSettings(true, true, true, 10, 15);
    String diagnosticsLoginUrl = "https://acme.my.salesforce.com";
    Map<String, String> gaps = new HashMap<>();
    List<ConnectedAppPolicy> connectedApps = List.of(new ConnectedAppPolicy("0H45g000000AbCdCAK", "Billing Sync", false, null, null));
    MyDomainPolicy myDomainPolicy = new MyDomainPolicy(false, false);

    // trust
    TrustEvidence trust = new TrustEvidence(true, null, "NA123", "OK", List.of());

    static Scenario healthy() {
        return new Scenario();
    }

    static LoginHistoryRow row(Instant at, String status) {
        return row(at, status, "203.0.113.7");
    }

    static LoginHistoryRow row(Instant at, String status, String ip) {
        return new LoginHistoryRow(at, status, ip, "Partner", null, "acme.my.salesforce.com", "SOAP Partner", "62.0", "Billing Sync", USER_ID_18);
    }

    static Instant at(int minutesFromFailure) {
        return FAILED_AT.plus(Duration.ofMinutes(minutesFromFailure));
    }

    Scenario flow(LoginFlow value) {
        flow = value;
        return this;
    }

    Scenario error(String code, String description) {
        error = new ReportedError(code, description);
        return this;
    }

    Scenario loginUrl(String value) {
        loginUrl = value;
        return this;
    }

    Scenario username(String value) {
        username = value;
        return this;
    }

    Scenario sourceIp(String value) {
        sourceIp = value;
        return this;
    }

    Scenario credentialUpdatedAt(Instant value) {
        credentialUpdatedAt = value;
        return this;
    }

    Scenario passwordChangedAt(Instant value) {
        user = new UserRecord(user.id(), user.username(), user.active(), user.profileId(), user.profileName(), user.userType(),
                value, user.lastLoginDate());
        return this;
    }

    Scenario inactive() {
        user = new UserRecord(user.id(), user.username(), false, user.profileId(), user.profileName(), user.userType(),
                user.lastPasswordChangeDate(), user.lastLoginDate());
        return this;
    }

    Scenario sandboxOrg(String name) {
        organization = new OrgInfo(organization.id(), name, "CS42", true, null, "Enterprise Edition", organization.timeZone());
        return this;
    }

    /** The username is not in the org: the user-dependent parts are unknown, as the composite request leaves them. */
    Scenario userNotFound() {
        userLookup = Lookup.NOT_FOUND;
        user = null;
        userLogin = null;
        history = null;
        permissions = null;
        ipRanges = null;
        loginHours = null;
        for (String part : List.of("userLogin", "loginHistory", "permissions", "ipRanges", "loginHours")) {
            gaps.put(part, "no user " + username + " in this org");
        }
        return this;
    }

    Scenario orgUnavailable(String reason) {
        orgAvailable = false;
        unavailableReason = reason;
        return this;
    }

    /** The diagnostics login itself was refused with this answer. */
    Scenario diagnosticsRefused(String code, String description) {
        orgAvailable = false;
        unavailableReason = "the diagnostics user's JWT bearer login was refused: " + code + ": " + description;
        refusal = new ReportedError(code, description);
        return this;
    }

    /** The user's Is Single Sign-On Enabled and Password Never Expires, on top of the current permissions. */
    Scenario ssoAndExpiry(Boolean ssoEnabled, Boolean passwordNeverExpires) {
        EffectivePermissions p = permissions;
        permissions = new EffectivePermissions(p.apiEnabled(), p.apiOnlyUser(), p.mfaForUiLogins(), p.mfaForApiLogins(),
                p.bypassMfaForUiLogins(), p.grantedBy(), ssoEnabled, passwordNeverExpires);
        return this;
    }

    Scenario history(LoginHistoryRow... rows) {
        history = new ArrayList<>(List.of(rows));
        return this;
    }

    Scenario addHistory(LoginHistoryRow... rows) {
        history.addAll(List.of(rows));
        return this;
    }

    Scenario historyUnknown(String reason) {
        history = null;
        gaps.put("loginHistory", reason);
        return this;
    }

    Scenario userLogin(boolean frozen, boolean locked) {
        userLogin = new UserLoginState(frozen, locked);
        return this;
    }

    Scenario permissions(Boolean apiEnabled, Boolean apiOnly, Boolean mfaUi, Boolean mfaApi, Boolean bypass) {
        permissions = new EffectivePermissions(apiEnabled, apiOnly, mfaUi, mfaApi, bypass, List.of("Integration (profile)"));
        return this;
    }

    Scenario ipRanges(IpRange... ranges) {
        ipRanges = new ArrayList<>(List.of(ranges));
        return this;
    }

    Scenario loginHours(LoginHours hours) {
        loginHours = hours;
        return this;
    }

    Scenario settings(OrgSettings value) {
        settings = value;
        return this;
    }

    Scenario connectedApps(ConnectedAppPolicy... apps) {
        connectedApps = List.of(apps);
        return this;
    }

    Scenario myDomainPolicy(Boolean apiRequiresMyDomain, Boolean uiRequiresMyDomain) {
        myDomainPolicy = new MyDomainPolicy(apiRequiresMyDomain, uiRequiresMyDomain);
        return this;
    }

    Scenario trust(TrustEvidence value) {
        trust = value;
        return this;
    }

    Scenario trustEvents(TrustEvent... events) {
        trust = new TrustEvidence(true, null, "NA123", "OK", List.of(events));
        return this;
    }

    FailureReport report() {
        return new FailureReport("billing-sync", loginUrl, username, flow, error, failedAt, sourceIp, credentialUpdatedAt,
                "login-doctor/billing-sync", "login-doctor/diagnostics");
    }

    OrgEvidence org() {
        if (!orgAvailable) {
            return OrgEvidence.refused(unavailableReason, 1, refusal == null ? null : diagnosticsLoginUrl, refusal);
        }
        return new OrgEvidence(true, null, organization, userLookup, user, baseUsernameUser, userLogin, history, permissions,
                ipRanges, loginHours, settings, diagnosticsLoginUrl, gaps, 2, null).withAppsAndDomain(connectedApps, myDomainPolicy);
    }

    Evidence evidence() {
        return new Evidence(report(), org(), trust);
    }
}
