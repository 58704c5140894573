package dev.logindoctor.salesforce;

import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;

/**
 * The one composite request that reads the org for a diagnosis — exactly the table in
 * docs/org-evidence-queries.md (a test compares the two). {@code allOrNone:false}: each
 * subrequest may fail on its own and becomes a gap, never a failed diagnosis.
 */
final class OrgEvidenceRequest {
    static final Duration HISTORY_BEFORE = Duration.ofMinutes(60);
    /**
     * Only as far past the failure as the clock skew the steps allow (ExplainingRow.CLOCK_SKEW): an
     * integration that keeps retrying after the failure must not push the rows that explain it out
     * of the newest-first, capped answer.
     */
    static final Duration HISTORY_AFTER = Duration.ofMinutes(5);
    static final String USER_FIELDS = "Id, Username, IsActive, ProfileId, Profile.Name, UserType, LastPasswordChangeDate, LastLoginDate";
    private static final String USER_ID = "'@{user.records[0].Id}'";
    /** The org's connected apps and the OAuth policies ConnectedApplication exposes (External Client Apps are not rows). */
    static final String APPS_QUERY = "SELECT Id, Name, OptionsAllowAdminApprovedUsersOnly, OptionsRefreshTokenValidityMetric,"
            + " RefreshTokenValidityPeriod FROM ConnectedApplication LIMIT 200";

    private OrgEvidenceRequest() {
    }

    static CompositeRequest build(String username, Instant failedAt, String apiVersion) {
        Instant from = failedAt.minus(HISTORY_BEFORE);
        Instant to = failedAt.plus(HISTORY_AFTER);
        CompositeRequest.Builder b = CompositeRequest.builder(apiVersion).allOrNone(false)
                .query("org", "SELECT Id, Name, InstanceName, IsSandbox, TrialExpirationDate, OrganizationType, TimeZoneSidKey FROM Organization LIMIT 1")
                .query("user", userQuery(username));
        String base = baseUsername(username);
        if (base != null) {
            b.query("baseUser", userQuery(base));
        }
        return b
                .query("userLogin", "SELECT Id, UserId, IsFrozen, IsPasswordLocked FROM UserLogin WHERE UserId = " + USER_ID)
                .query("history", "SELECT LoginTime, Status, SourceIp, LoginType, LoginSubType, LoginUrl, ApiType, ApiVersion, Application, UserId"
                        + " FROM LoginHistory WHERE UserId = " + USER_ID + " AND LoginTime >= " + soqlDatetime(from)
                        + " AND LoginTime <= " + soqlDatetime(to) + " ORDER BY LoginTime DESC LIMIT " + OrgEvidenceMapper.MAX_HISTORY)
                .query("perms", "SELECT PermissionSet.Name, PermissionSet.Label, PermissionSet.IsOwnedByProfile, PermissionSet.PermissionsApiEnabled,"
                        + " PermissionSet.PermissionsApiUserOnly, PermissionSet.PermissionsForceTwoFactor, PermissionSet.PermissionsTwoFactorApi"
                        + " FROM PermissionSetAssignment WHERE AssigneeId = " + USER_ID)
                .query("permsBypass", "SELECT PermissionSet.Name, PermissionSet.PermissionsBypassMFAForUiLogins FROM PermissionSetAssignment"
                        + " WHERE AssigneeId = " + USER_ID)
                .query("permsSso", "SELECT PermissionSet.Name, PermissionSet.PermissionsIsSsoEnabled FROM PermissionSetAssignment"
                        + " WHERE AssigneeId = " + USER_ID)
                .query("permsPasswordNeverExpires", "SELECT PermissionSet.Name, PermissionSet.PermissionsPasswordNeverExpires"
                        + " FROM PermissionSetAssignment WHERE AssigneeId = " + USER_ID)
                .toolingQuery("profileMeta", "SELECT Id, Name, Metadata FROM Profile WHERE Id = '@{user.records[0].ProfileId}'")
                .query("ipRanges", "SELECT FIELDS(ALL) FROM LoginIpRange LIMIT 200")
                .toolingQuery("security", "SELECT Metadata FROM SecuritySettings")
                .query("apps", APPS_QUERY)
                .toolingQuery("myDomain", "SELECT Metadata FROM MyDomainSettings")
                .build();
    }

    static String userQuery(String username) {
        return "SELECT " + USER_FIELDS + " FROM User WHERE Username = '" + soqlString(username) + "' LIMIT 1";
    }

    /** SOQL string literal content: backslash and single quote escaped with a backslash. */
    static String soqlString(String value) {
        return value.replace("\\", "\\\\").replace("'", "\\'");
    }

    /** An unquoted SOQL datetime literal, whole seconds in UTC: {@code 2026-11-27T09:15:00Z}. */
    static String soqlDatetime(Instant instant) {
        return DateTimeFormatter.ISO_INSTANT.format(instant.truncatedTo(ChronoUnit.SECONDS));
    }

    /**
     * The username without a trailing sandbox suffix ({@code a@acme.com.uat} → {@code a@acme.com}),
     * or null. Only when the part after '@' has at least two dots: the last label is then taken as
     * the suffix Salesforce appends when it copies users into a sandbox.
     */
    static String baseUsername(String username) {
        int at = username.lastIndexOf('@');
        if (at < 0) {
            return null;
        }
        String domain = username.substring(at + 1);
        if (domain.chars().filter(c -> c == '.').count() < 2) {
            return null;
        }
        int lastDot = username.lastIndexOf('.');
        String base = username.substring(0, lastDot);
        return base.length() > at + 1 ? base : null;
    }
}
