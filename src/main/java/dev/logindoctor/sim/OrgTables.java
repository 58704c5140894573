package dev.logindoctor.sim;

import dev.logindoctor.model.IpRange;
import dev.logindoctor.model.SalesforceId;

import java.time.DayOfWeek;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A consistent snapshot of the org as rows, one map per record keyed by API field name, for the
 * query engine. Taken under the org lock, so a query never sees half a login.
 */
final class OrgTables {
    private final Map<String, List<Map<String, Object>>> tables = new HashMap<>();
    private final Map<String, Map<String, Map<String, Object>>> byId = new HashMap<>();

    private OrgTables() {
    }

    /**
     * @param viewerUserId the session's user; without Manage Users it sees only its own LoginHistory
     *                     rows (Salesforce's rule since v37.0, docs/salesforce-wire-facts.md#loginhistory)
     */
    static OrgTables snapshot(OrgState org, String viewerUserId) {
        OrgTables t = new OrgTables();
        synchronized (org) {
            boolean manageUsers = org.userById(viewerUserId).map(u -> u.effectivePerms().manageUsers()).orElse(false);
            t.put("Organization", List.of(organization(org)));
            List<Map<String, Object>> users = new ArrayList<>();
            List<Map<String, Object>> logins = new ArrayList<>();
            List<Map<String, Object>> assignments = new ArrayList<>();
            for (SimUser u : org.users) {
                users.add(user(u, org));
                logins.add(row("Id", u.userLoginId, "UserId", u.id, "IsFrozen", u.frozen, "IsPasswordLocked", org.isLocked(u),
                        "LastModifiedDate", u.lastLoginDate == null ? u.createdDate : u.lastLoginDate));
                int n = 0;
                for (SimPermissionSet ps : u.allAssignments()) {
                    // Stable ids per (user, set): derived, not stored, so snapshots agree with each other.
                    assignments.add(row("Id", SalesforceId.to18("0Pa" + u.id.substring(3, 12) + String.format("%03d", n++)),
                            "AssigneeId", u.id, "PermissionSetId", ps.id()));
                }
            }
            t.put("User", users);
            t.put("UserLogin", logins);
            t.put("PermissionSetAssignment", assignments);
            List<Map<String, Object>> history = new ArrayList<>();
            for (HistoryRow h : org.history) {
                if (manageUsers || h.userId().equals(viewerUserId)) {
                    history.add(history(h));
                }
            }
            t.put("LoginHistory", history);
            List<Map<String, Object>> profiles = new ArrayList<>();
            List<Map<String, Object>> toolingProfiles = new ArrayList<>();
            List<Map<String, Object>> ranges = new ArrayList<>();
            for (SimProfile p : org.profiles) {
                Map<String, Object> r = row("Id", p.id, "Name", p.name, "UserType", "Standard", "Description", null);
                permissions(r, p.perms);
                profiles.add(r);
                toolingProfiles.add(row("Id", p.id, "Name", p.name, "FullName", p.name, "Metadata", profileMetadata(p)));
                int n = 0;
                for (IpRange range : p.loginIpRanges) {
                    ranges.add(row("Id", SalesforceId.to18("0Lr" + p.id.substring(3, 12) + String.format("%03d", n++)),
                            "ProfileId", p.id, "StartAddress", range.start(), "EndAddress", range.end(), "Description", range.description()));
                }
            }
            t.put("Profile", profiles);
            t.put("tooling:Profile", toolingProfiles);
            t.put("LoginIpRange", ranges);
            List<Map<String, Object>> sets = new ArrayList<>();
            for (SimPermissionSet ps : org.permissionSets) {
                Map<String, Object> r = row("Id", ps.id(), "Name", ps.name(), "Label", ps.label(), "IsOwnedByProfile", ps.ownedByProfile(),
                        "ProfileId", ps.profileId());
                permissions(r, ps.perms());
                sets.add(r);
            }
            t.put("PermissionSet", sets);
            List<Map<String, Object>> apps = new ArrayList<>();
            for (SimApp a : org.apps) {
                // External Client Apps are not ConnectedApplication rows; an app known but not installed is not either.
                if (a.policy.externalClientApp() || !a.policy.installed()) {
                    continue;
                }
                SimApp.Expiry e = a.policy.expiry();
                apps.add(row("Id", a.id, "Name", a.name, "OptionsAllowAdminApprovedUsersOnly", a.adminApprovedOnly,
                        "OptionsRefreshTokenValidityMetric", e != null && e.ifNotUsed(),
                        "RefreshTokenValidityPeriod", e == null ? null : e.period()));
            }
            t.put("ConnectedApplication", apps);
            t.put("tooling:MyDomainSettings", List.of(row("Id", SalesforceId.to18("0Md" + org.orgId.substring(3, 15)),
                    "DurableId", "MyDomainSettings", "FullName", "MyDomain", "Metadata", row(
                            "canOnlyLoginWithMyDomainUrl", org.uiLoginRequiresMyDomain,
                            "doesApiLoginRequireOrgDomain", org.apiLoginRequiresMyDomain))));
            t.put("tooling:SecuritySettings", List.of(row("Id", SalesforceId.to18("0Ss" + org.orgId.substring(3, 15)),
                    "DurableId", "SecuritySettings", "FullName", "Security", "Metadata", securityMetadata(org))));
        }
        return t;
    }

    List<Map<String, Object>> rows(String object, boolean tooling) {
        return tables.getOrDefault((tooling ? "tooling:" : "") + object, List.of());
    }

    Map<String, Object> byId(String object, String id) {
        if (id == null) {
            return null;
        }
        return byId.getOrDefault(object, Map.of()).get(SalesforceId.to18(id));
    }

    private void put(String object, List<Map<String, Object>> rows) {
        tables.put(object, rows);
        if (!object.startsWith("tooling:")) {
            Map<String, Map<String, Object>> index = new HashMap<>();
            for (Map<String, Object> r : rows) {
                index.put(SalesforceId.to18((String) r.get("Id")), r);
            }
            byId.put(object, index);
        }
    }

    private static Map<String, Object> organization(OrgState org) {
        return row("Id", org.orgId, "Name", org.orgName, "InstanceName", org.instanceName, "IsSandbox", org.sandbox,
                "TrialExpirationDate", org.trialExpirationDate, "OrganizationType", org.organizationType,
                "TimeZoneSidKey", org.timeZone, "LanguageLocaleKey", "en_US", "DefaultLocaleSidKey", "en_US",
                "CreatedDate", Instant.parse("2019-03-14T17:42:11Z"));
    }

    private static Map<String, Object> user(SimUser u, OrgState org) {
        return row("Id", u.id, "Username", u.username, "FirstName", u.firstName, "LastName", u.lastName, "Name", u.fullName(),
                "Email", u.email, "IsActive", u.active, "ProfileId", u.profile.id, "UserType", u.userType,
                "LastPasswordChangeDate", u.lastPasswordChangeDate, "LastLoginDate", u.lastLoginDate,
                "TimeZoneSidKey", org.timeZone, "CreatedDate", u.createdDate);
    }

    private static Map<String, Object> history(HistoryRow h) {
        return row("Id", h.id(), "UserId", h.userId(), "LoginTime", h.loginTime(), "Status", h.status(), "SourceIp", h.sourceIp(),
                "LoginType", h.loginType(), "LoginSubType", h.loginSubType(), "LoginUrl", h.loginUrl(), "ApiType", h.apiType(),
                "ApiVersion", h.apiVersion(), "Application", h.application(), "Browser", h.browser(), "Platform", h.platform(),
                "ClientVersion", "N/A", "CountryIso", null, "TlsProtocol", "TLS 1.3", "CipherSuite", "TLS_AES_256_GCM_SHA384",
                "ForwardedForIp", null, "AuthenticationServiceId", null, "LoginGeoId", null, "NetworkId", null,
                "OptionsIsGet", false, "OptionsIsPost", true);
    }

    private static void permissions(Map<String, Object> r, Perms p) {
        r.put("PermissionsApiEnabled", p.apiEnabled());
        r.put("PermissionsApiUserOnly", p.apiOnlyUser());
        r.put("PermissionsForceTwoFactor", p.mfaForUiLogins());
        r.put("PermissionsTwoFactorApi", p.mfaForApiLogins());
        r.put("PermissionsBypassMFAForUiLogins", p.bypassMfaForUiLogins());
        r.put("PermissionsManageUsers", p.manageUsers());
        r.put("PermissionsViewSetup", p.viewSetup());
        r.put("PermissionsIsSsoEnabled", p.ssoEnabled());
        r.put("PermissionsPasswordNeverExpires", p.passwordNeverExpires());
    }

    /**
     * Profile metadata in the Metadata API's shape
     * (docs/salesforce-wire-facts.md#login-ip-ranges-and-login-hours): login IP ranges and hours in minutes
     * from midnight.
     */
    private static Map<String, Object> profileMetadata(SimProfile p) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("custom", !p.name.startsWith("System Administrator"));
        m.put("description", null);
        Map<String, Object> hours = null;
        if (!p.loginHourMinutes.isEmpty()) {
            hours = new LinkedHashMap<>();
            for (DayOfWeek d : DayOfWeek.values()) {
                int[] w = p.loginHourMinutes.get(d);
                String day = d.name().toLowerCase(Locale.ROOT);
                hours.put(day + "Start", w == null ? null : w[0]);
                hours.put(day + "End", w == null ? null : w[1]);
            }
        }
        m.put("loginHours", hours);
        List<Map<String, Object>> ranges = new ArrayList<>();
        for (IpRange r : p.loginIpRanges) {
            ranges.add(row("description", r.description(), "endAddress", r.end(), "startAddress", r.start()));
        }
        m.put("loginIpRanges", ranges);
        m.put("userLicense", p.userLicense);
        List<Map<String, Object>> perms = new ArrayList<>();
        Perms x = p.perms;
        for (Object[] e : new Object[][]{{"ApiEnabled", x.apiEnabled()}, {"ApiUserOnly", x.apiOnlyUser()},
                {"ForceTwoFactor", x.mfaForUiLogins()}, {"TwoFactorApi", x.mfaForApiLogins()},
                {"BypassMFAForUiLogins", x.bypassMfaForUiLogins()}, {"ManageUsers", x.manageUsers()}, {"ViewSetup", x.viewSetup()}}) {
            if ((Boolean) e[1]) {
                perms.add(row("enabled", true, "name", e[0]));
            }
        }
        m.put("userPermissions", perms);
        return m;
    }

    /**
     * SecuritySettings metadata (docs/salesforce-wire-facts.md#password-and-lockout-policy): the password
     * policy in the Metadata API's enumerations.
     */
    private static Map<String, Object> securityMetadata(OrgState org) {
        Map<String, Object> policies = new LinkedHashMap<>();
        policies.put("expiration", org.passwordExpiration);
        policies.put("historyRestriction", "3");
        policies.put("lockoutInterval", switch (org.lockoutMinutes) {
            case 0 -> "Forever";
            case 30 -> "ThirtyMinutes";
            case 60 -> "SixtyMinutes";
            default -> "FifteenMinutes";
        });
        policies.put("maxLoginAttempts", switch (org.maxInvalidAttempts) {
            case 0 -> "NoLimit";
            case 3 -> "ThreeAttempts";
            case 5 -> "FiveAttempts";
            default -> "TenAttempts";
        });
        policies.put("minimumPasswordLength", 8);
        List<Map<String, Object>> trusted = new ArrayList<>();
        for (IpRange r : org.trustedIpRanges) {
            trusted.add(row("description", r.description(), "end", r.end(), "start", r.start()));
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("networkAccess", row("ipRanges", trusted));
        m.put("passwordPolicies", policies);
        m.put("sessionSettings", row("sessionTimeout", org.sessionTimeoutMinutes <= 120 ? "TwoHours" : "TwentyFourHours"));
        return m;
    }

    static Map<String, Object> row(Object... kv) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put((String) kv[i], kv[i + 1]);
        }
        return m;
    }
}
