package dev.logindoctor.salesforce;

import com.fasterxml.jackson.databind.JsonNode;
import dev.logindoctor.model.ConnectedAppPolicy;
import dev.logindoctor.model.EffectivePermissions;
import dev.logindoctor.model.IpRange;
import dev.logindoctor.model.LoginHistoryRow;
import dev.logindoctor.model.LoginHours;
import dev.logindoctor.model.Lookup;
import dev.logindoctor.model.MyDomainPolicy;
import dev.logindoctor.model.OrgEvidence;
import dev.logindoctor.model.OrgInfo;
import dev.logindoctor.model.OrgSettings;
import dev.logindoctor.model.SalesforceId;
import dev.logindoctor.model.UserLoginState;
import dev.logindoctor.model.UserRecord;

import java.time.DayOfWeek;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Maps the org evidence composite's parts to {@link OrgEvidence}. Every part that failed or said
 * nothing usable leaves its field null and a gap saying why. Rows are checked again on this side
 * (the right user, the right time window), because a diagnosis must never rest on someone else's row.
 */
final class OrgEvidenceMapper {
    static final int MAX_HISTORY = 50;

    private final CompositeResponse response;
    private final String username;
    private final Instant failedAt;
    private final Map<String, String> gaps = new LinkedHashMap<>();

    private OrgEvidenceMapper(CompositeResponse response, String username, Instant failedAt) {
        this.response = response;
        this.username = username;
        this.failedAt = failedAt;
    }

    static OrgEvidence map(CompositeResponse response, String username, Instant failedAt, String diagnosticsLoginUrl, int requests) {
        return map(response, username, failedAt, diagnosticsLoginUrl, null, requests);
    }

    static OrgEvidence map(CompositeResponse response, String username, Instant failedAt, String diagnosticsLoginUrl,
                           String instanceUrl, int requests) {
        return new OrgEvidenceMapper(response, username, failedAt).map(diagnosticsLoginUrl, requests).withInstanceUrl(instanceUrl);
    }

    private OrgEvidence map(String diagnosticsLoginUrl, int requests) {
        OrgInfo org = organization();
        List<SObjectRow> userRows = rows("user", "user");
        Lookup lookup;
        UserRecord user = null;
        if (userRows == null) {
            lookup = Lookup.UNKNOWN;
        } else if (userRows.isEmpty()) {
            lookup = Lookup.NOT_FOUND;
        } else {
            List<SObjectRow> matches = UserRows.matching(userRows, username);
            lookup = matches.isEmpty() ? Lookup.UNKNOWN : Lookup.FOUND;
            user = matches.isEmpty() ? null : UserRows.record(matches);
            if (matches.isEmpty()) {
                gaps.put("user", UserRows.noMatch(userRows, username));
            } else if (user.active() == null) {
                gaps.put("user", "the User row has no readable IsActive (missing, null, not a boolean, or duplicated rows disagree)");
            }
        }
        UserRecord baseUser = baseUser();

        UserLoginState userLogin = null;
        List<LoginHistoryRow> history = null;
        EffectivePermissions permissions = null;
        List<IpRange> ipRanges = null;
        LoginHours loginHours = null;
        if (user == null) {
            String why = lookup == Lookup.NOT_FOUND
                    ? "no user " + username + " in this org"
                    : "unknown because the user lookup failed (" + gaps.get("user") + ")";
            for (String part : List.of("userLogin", "loginHistory", "permissions", "ipRanges", "loginHours")) {
                gaps.put(part, why);
            }
        } else {
            userLogin = userLogin(user);
            history = history(user);
            permissions = permissions(user);
            JsonNode metadata = profileMetadata(user);
            ipRanges = ipRanges(user, metadata);
            loginHours = loginHours(metadata, org);
        }
        OrgSettings settings = SecurityPolicyMapper.settings(response, gaps);
        List<ConnectedAppPolicy> apps = connectedApps();
        MyDomainPolicy myDomain = myDomainPolicy();
        return new OrgEvidence(true, null, org, lookup, user, baseUser, userLogin, history, permissions, ipRanges, loginHours,
                settings, diagnosticsLoginUrl, gaps, requests, null).withAppsAndDomain(apps, myDomain);
    }

    /** ConnectedApplication rows; a row without a Name names no app and is skipped. */
    private List<ConnectedAppPolicy> connectedApps() {
        List<SObjectRow> rows = rows("apps", "connectedApps");
        if (rows == null) {
            return null;
        }
        List<ConnectedAppPolicy> apps = new ArrayList<>();
        for (SObjectRow r : rows) {
            if (r.text("Name") != null) {
                apps.add(new ConnectedAppPolicy(r.text("Id"), r.text("Name"), r.bool("OptionsAllowAdminApprovedUsersOnly"),
                        integer(r.get("RefreshTokenValidityPeriod")), r.bool("OptionsRefreshTokenValidityMetric")));
            }
        }
        return apps;
    }

    /** MyDomainSettings' login policy, from the Tooling API's Metadata; unknown when the type is not served. */
    private MyDomainPolicy myDomainPolicy() {
        List<SObjectRow> rows = rows("myDomain", "myDomain");
        if (rows == null) {
            return null;
        }
        JsonNode metadata = rows.isEmpty() ? null : rows.get(0).get("Metadata");
        if (metadata == null || !metadata.isObject()) {
            gaps.put("myDomain", "MyDomainSettings had no Metadata");
            return null;
        }
        SObjectRow m = new SObjectRow(metadata);
        Boolean api = m.bool("doesApiLoginRequireOrgDomain");
        Boolean ui = m.bool("canOnlyLoginWithMyDomainUrl");
        if (api == null && ui == null) {
            gaps.put("myDomain", "MyDomainSettings' Metadata had neither doesApiLoginRequireOrgDomain nor canOnlyLoginWithMyDomainUrl");
            return null;
        }
        return new MyDomainPolicy(api, ui);
    }

    /** A whole number from a number or a numeric string; anything else is unknown. */
    private static Integer integer(JsonNode v) {
        if (v == null || v.isNull()) {
            return null;
        }
        if (v.isIntegralNumber()) {
            return v.asInt();
        }
        String t = v.asText().strip();
        return t.matches("\\d{1,9}") ? Integer.valueOf(t) : null;
    }

    // ---- parts ----

    private OrgInfo organization() {
        List<SObjectRow> rows = rows("org", "organization");
        if (rows == null) {
            return null;
        }
        if (rows.isEmpty()) {
            gaps.put("organization", "the Organization query returned no row");
            return null;
        }
        SObjectRow o = rows.get(0);
        Boolean sandbox = o.bool("IsSandbox");
        if (sandbox == null) {
            // Unknown is not production: a guessed environment would prove a wrong login host that is not there.
            gaps.put("organization", "the Organization row has no IsSandbox, so whether the org is a sandbox is unknown");
            return null;
        }
        return new OrgInfo(o.text("Id"), o.text("Name"), o.text("InstanceName"), sandbox,
                o.instant("TrialExpirationDate"), o.text("OrganizationType"), o.text("TimeZoneSidKey"));
    }

    private UserRecord baseUser() {
        CompositeResponse.Part part = response.part("baseUser");
        if (part == null || !part.ok()) {
            return null;
        }
        List<SObjectRow> rows = records(part);
        String base = OrgEvidenceRequest.baseUsername(username);
        List<SObjectRow> matches = rows == null || base == null ? List.of() : UserRows.matching(rows, base);
        return matches.isEmpty() ? null : UserRows.record(matches);
    }

    private UserLoginState userLogin(UserRecord user) {
        List<SObjectRow> rows = rows("userLogin", "userLogin");
        if (rows == null) {
            return null;
        }
        // Only a row that names this user is about this user: one without a readable UserId proves nothing.
        SObjectRow row = rows.stream().filter(r -> sameId(r.string("UserId"), user.id())).findFirst().orElse(null);
        if (row == null) {
            gaps.put("userLogin", "no UserLogin row for user " + user.id());
            return null;
        }
        Boolean frozen = row.bool("IsFrozen");
        Boolean locked = row.bool("IsPasswordLocked");
        if (frozen == null || locked == null) {
            gaps.put("userLogin", "the UserLogin row has no readable " + (frozen == null ? "IsFrozen" : "IsPasswordLocked"));
            return null;
        }
        return new UserLoginState(frozen, locked);
    }

    private List<LoginHistoryRow> history(UserRecord user) {
        List<SObjectRow> rows = rows("history", "loginHistory");
        if (rows == null) {
            return null;
        }
        Instant from = failedAt.minus(OrgEvidenceRequest.HISTORY_BEFORE);
        Instant to = failedAt.plus(OrgEvidenceRequest.HISTORY_AFTER);
        List<LoginHistoryRow> kept = new ArrayList<>();
        for (SObjectRow r : rows) {
            String userId = r.string("UserId");
            Instant time = r.instant("LoginTime");
            boolean sameUser = sameId(userId, user.id());
            if (!sameUser || time == null || time.isBefore(from) || time.isAfter(to)) {
                continue;
            }
            kept.add(new LoginHistoryRow(time, r.text("Status"), r.text("SourceIp"), r.text("LoginType"), r.text("LoginSubType"),
                    r.text("LoginUrl"), r.text("ApiType"), r.text("ApiVersion"), r.text("Application"), userId));
        }
        kept.sort(Comparator.comparing(LoginHistoryRow::loginTime).reversed());
        return kept.size() > MAX_HISTORY ? List.copyOf(kept.subList(0, MAX_HISTORY)) : kept;
    }

    private EffectivePermissions permissions(UserRecord user) {
        List<SObjectRow> rows = rows("perms", "permissions");
        if (rows == null) {
            return null;
        }
        if (rows.isEmpty()) {
            gaps.put("permissions", "no PermissionSetAssignment rows (not even the profile's own permission set)");
            return null;
        }
        List<String> grantedBy = new ArrayList<>();
        for (SObjectRow r : rows) {
            boolean grantsAny = List.of("ApiEnabled", "ApiUserOnly", "ForceTwoFactor", "TwoFactorApi").stream()
                    .anyMatch(p -> Boolean.TRUE.equals(r.bool("PermissionSet.Permissions" + p)));
            if (grantsAny) {
                grantedBy.add(setLabel(r, user));
            }
        }
        Boolean bypass = null;
        List<SObjectRow> bypassRows = rows("permsBypass", null);
        CompositeResponse.Part bypassPart = response.part("permsBypass");
        if (bypassRows != null) {
            bypass = anyOf(bypassRows, "PermissionSet.PermissionsBypassMFAForUiLogins");
            for (SObjectRow r : bypassRows) {
                if (Boolean.TRUE.equals(r.bool("PermissionSet.PermissionsBypassMFAForUiLogins"))) {
                    String label = r.text("PermissionSet.Name") == null ? "a permission set" : "permission set " + r.text("PermissionSet.Name");
                    if (!grantedBy.contains(label)) {
                        grantedBy.add(label);
                    }
                }
            }
        } else {
            gaps.put("permissions", "PermissionsBypassMFAForUiLogins is unknown: "
                    + (bypassPart == null ? "not in the response" : bypassPart.failure()));
        }
        return new EffectivePermissions(
                anyOf(rows, "PermissionSet.PermissionsApiEnabled"),
                anyOf(rows, "PermissionSet.PermissionsApiUserOnly"),
                anyOf(rows, "PermissionSet.PermissionsForceTwoFactor"),
                anyOf(rows, "PermissionSet.PermissionsTwoFactorApi"),
                bypass,
                grantedBy,
                separatePermission("permsSso", "PermissionsIsSsoEnabled", "ssoEnabled", grantedBy),
                separatePermission("permsPasswordNeverExpires", "PermissionsPasswordNeverExpires", "passwordNeverExpires", grantedBy));
    }

    /**
     * A permission read in its own subrequest, because the field is not in every org (Is Single
     * Sign-On Enabled exists only where delegated authentication is on): OR over the assignments, a
     * failure is a gap under {@code gapKey}.
     */
    private Boolean separatePermission(String ref, String permission, String gapKey, List<String> grantedBy) {
        List<SObjectRow> rows = rows(ref, gapKey);
        if (rows == null) {
            return null;
        }
        for (SObjectRow r : rows) {
            if (Boolean.TRUE.equals(r.bool("PermissionSet." + permission))) {
                String label = r.text("PermissionSet.Name") == null ? "a permission set" : "permission set " + r.text("PermissionSet.Name");
                if (!grantedBy.contains(label)) {
                    grantedBy.add(label);
                }
            }
        }
        Boolean any = anyOf(rows, "PermissionSet." + permission);
        if (any == null) {
            gaps.put(gapKey, "no assignment row carried PermissionSet." + permission);
        }
        return any;
    }

    /** OR over the rows: true if any grants it, false if every row says false, else unknown. */
    private static Boolean anyOf(List<SObjectRow> rows, String field) {
        if (rows.isEmpty()) {
            return null;
        }
        boolean allKnown = true;
        for (SObjectRow r : rows) {
            Boolean v = r.bool(field);
            if (Boolean.TRUE.equals(v)) {
                return true;
            }
            allKnown &= v != null;
        }
        return allKnown ? Boolean.FALSE : null;
    }

    private static String setLabel(SObjectRow r, UserRecord user) {
        String label = r.text("PermissionSet.Label") != null ? r.text("PermissionSet.Label") : r.text("PermissionSet.Name");
        if (Boolean.TRUE.equals(r.bool("PermissionSet.IsOwnedByProfile"))) {
            return "profile " + (user.profileName() != null ? user.profileName() : label);
        }
        return "permission set " + (label == null ? "(unnamed)" : label);
    }

    /** The Profile's Metadata (Tooling API), or null with the reason recorded for ipRanges/loginHours. */
    private JsonNode profileMetadata(UserRecord user) {
        CompositeResponse.Part part = response.part("profileMeta");
        String why;
        if (part == null) {
            why = "the response had no profileMeta part";
        } else if (!part.ok()) {
            why = "the Tooling Profile query failed: " + part.failure();
        } else {
            List<SObjectRow> rows = records(part);
            SObjectRow row = rows == null ? null : rows.stream()
                    .filter(r -> sameId(r.string("Id"), user.profileId())).findFirst().orElse(null);
            JsonNode metadata = row == null ? null : row.get("Metadata");
            if (metadata != null && metadata.isObject()) {
                return metadata;
            }
            why = rows == null ? "the Tooling Profile answer had no records array"
                    : row == null ? "the Tooling API returned no Profile row for " + user.profileId()
                    : "the Tooling Profile row had no Metadata";
        }
        gaps.put("profileMeta", why);
        return null;
    }

    private List<IpRange> ipRanges(UserRecord user, JsonNode metadata) {
        if (metadata != null) {
            JsonNode list = SObjectRow.field(metadata, "loginIpRanges");
            List<IpRange> ranges = new ArrayList<>();
            if (list != null && !list.isNull()) {
                // A single range may arrive as an object rather than a one-element array.
                for (JsonNode r : list.isArray() ? list : List.of(list)) {
                    SObjectRow range = new SObjectRow(r);
                    ranges.add(new IpRange(range.string("startAddress"), range.string("endAddress"), range.text("description")));
                }
            }
            return readable(ranges);
        }
        // Fallback: LoginIpRange rows. Its field names are unconfirmed, hence FIELDS(ALL) and every known spelling.
        String metaWhy = gaps.get("profileMeta");
        List<SObjectRow> rows = rows("ipRanges", null);
        if (rows == null) {
            CompositeResponse.Part part = response.part("ipRanges");
            gaps.put("ipRanges", metaWhy + "; and the LoginIpRange query failed: " + (part == null ? "not in the response" : part.failure()));
            return null;
        }
        if (rows.isEmpty()) {
            return List.of();
        }
        boolean attributable = rows.stream()
                .anyMatch(r -> SObjectRow.field(r.node(), "ProfileId") != null || SObjectRow.field(r.node(), "ParentId") != null);
        if (!attributable) {
            gaps.put("ipRanges", metaWhy + "; and the LoginIpRange rows carry neither ProfileId nor ParentId, so they cannot be tied to the profile");
            return null;
        }
        List<IpRange> ranges = new ArrayList<>();
        for (SObjectRow r : rows) {
            String owner = r.text("ProfileId") != null ? r.text("ProfileId") : r.text("ParentId");
            if (owner == null || !SalesforceId.same(owner, user.profileId())) {
                continue;
            }
            ranges.add(new IpRange(firstText(r, "StartAddress", "IpStartAddress"), firstText(r, "EndAddress", "IpEndAddress"), r.text("Description")));
        }
        return readable(ranges);
    }

    private static String firstText(SObjectRow r, String... names) {
        for (String n : names) {
            if (r.string(n) != null) {
                return r.string(n);
            }
        }
        return null;
    }

    /** The ranges, or null with a gap when one of them has a bound that is no address: a range misread is a gap, not a closed door. */
    private List<IpRange> readable(List<IpRange> ranges) {
        for (IpRange range : ranges) {
            if (!IpRange.isAddress(range.start()) || !IpRange.isAddress(range.end())) {
                gaps.put("ipRanges", "a Login IP Range of the profile has a start or end that is missing or no IP address");
                return null;
            }
        }
        return ranges;
    }

    /** The same record id (15/18 characters, any case); an id that is missing or not a string is not the same. */
    private static boolean sameId(String id, String expected) {
        return id != null && expected != null && SalesforceId.same(id, expected);
    }

    private LoginHours loginHours(JsonNode metadata, OrgInfo org) {
        if (metadata == null) {
            gaps.put("loginHours", gaps.get("profileMeta"));
            return null;
        }
        JsonNode hours = SObjectRow.field(metadata, "loginHours");
        List<LoginHours.DayWindow> days = new ArrayList<>();
        if (hours != null && hours.isObject()) {
            for (DayOfWeek day : DayOfWeek.values()) {
                String name = day.name().toLowerCase(Locale.ROOT);
                Integer start = LoginHoursValues.minutes(SObjectRow.field(hours, name + "Start"));
                Integer end = LoginHoursValues.minutes(SObjectRow.field(hours, name + "End"));
                // Both ends or no claim: an end before the start is not a documented shape, so it restricts nothing here.
                if (start != null && end != null && end >= start) {
                    days.add(new LoginHours.DayWindow(day, start, end));
                }
            }
        }
        String zone = org == null ? null : org.timeZone();
        if (!days.isEmpty() && zone != null && !LoginHoursValues.knownZone(zone)) {
            gaps.put("loginHours", "the profile has login hours but the org's time zone is not one Java knows");
            return null;
        }
        if (!days.isEmpty() && zone == null) {
            gaps.put("loginHours", "the profile has login hours but the org's time zone is unknown ("
                    + gaps.getOrDefault("organization", "Organization.TimeZoneSidKey was empty") + ")");
            return null;
        }
        return new LoginHours(zone, days);
    }

    // ---- plumbing ----

    /**
     * The part's records; null when it failed (the reason recorded under {@code gapKey} when given).
     */
    private List<SObjectRow> rows(String referenceId, String gapKey) {
        CompositeResponse.Part part = response.part(referenceId);
        String why = null;
        List<SObjectRow> rows = null;
        if (part == null) {
            why = "the org's answer had no '" + referenceId + "' part";
        } else if (!part.ok()) {
            why = "the " + referenceId + " subrequest failed: " + part.failure();
        } else {
            rows = records(part);
            if (rows == null) {
                why = "the " + referenceId + " subrequest's answer had no records array";
            }
        }
        if (rows == null && gapKey != null) {
            gaps.put(gapKey, why);
        }
        return rows;
    }

    private static List<SObjectRow> records(CompositeResponse.Part part) {
        JsonNode records = part.body() == null ? null : SObjectRow.field(part.body(), "records");
        if (records == null || !records.isArray()) {
            return null;
        }
        List<SObjectRow> rows = new ArrayList<>();
        records.forEach(r -> rows.add(new SObjectRow(r)));
        return rows;
    }
}
