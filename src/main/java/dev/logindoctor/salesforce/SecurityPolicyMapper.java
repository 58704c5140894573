package dev.logindoctor.salesforce;

import com.fasterxml.jackson.databind.JsonNode;
import dev.logindoctor.model.OrgSettings;

import java.util.Locale;
import java.util.Map;

/**
 * The org-wide password policy from the composite's {@code security} part (Tooling
 * {@code SecuritySettings.Metadata.passwordPolicies}): lockout and expiry. A profile's own password
 * policy overrides it and is not read (docs/org-evidence-queries.md).
 */
final class SecurityPolicyMapper {

    private SecurityPolicyMapper() {
    }

    static OrgSettings settings(CompositeResponse response, Map<String, String> gaps) {
        CompositeResponse.Part part = response.part("security");
        JsonNode records = part == null || !part.ok() || part.body() == null ? null : SObjectRow.field(part.body(), "records");
        if (records == null || !records.isArray()) {
            String why = part == null ? "the org's answer had no 'security' part"
                    : !part.ok() ? "the security subrequest failed: " + part.failure()
                    : "the security subrequest's answer had no records array";
            gaps.put("settings", why);
            gaps.put("passwordExpiry", why);
            return OrgSettings.unknown();
        }
        JsonNode policies = records.isEmpty() ? null : new SObjectRow(records.get(0)).get("Metadata.passwordPolicies");
        if (policies == null) {
            gaps.put("settings", "SecuritySettings had no Metadata.passwordPolicies");
            gaps.put("passwordExpiry", "SecuritySettings had no Metadata.passwordPolicies");
            return OrgSettings.unknown();
        }
        SObjectRow p = new SObjectRow(policies);
        Integer expiry = expirationDays(p.text("expiration"));
        if (expiry == null) {
            gaps.put("passwordExpiry", "the org-wide password expiry is unknown: passwordPolicies.expiration was "
                    + (p.text("expiration") == null ? "absent" : "'" + p.text("expiration") + "'"));
        }
        return new OrgSettings(null, null, null, maxLoginAttempts(p.text("maxLoginAttempts")), lockoutMinutes(p.text("lockoutInterval")), expiry);
    }

    /** Metadata API SecuritySettings values (docs/salesforce-wire-facts.md#password-and-lockout-policy); NoLimit and unknown values are null. */
    static Integer maxLoginAttempts(String value) {
        if (value == null) {
            return null;
        }
        return switch (value.strip().toLowerCase(Locale.ROOT)) {
            case "threeattempts" -> 3;
            case "fiveattempts" -> 5;
            case "tenattempts" -> 10;
            default -> null;
        };
    }

    /** Lockout effective period in minutes; Forever is 0 (an admin must unlock). */
    static Integer lockoutMinutes(String value) {
        if (value == null) {
            return null;
        }
        return switch (value.strip().toLowerCase(Locale.ROOT)) {
            case "fifteenminutes" -> 15;
            case "thirtyminutes" -> 30;
            case "sixtyminutes" -> 60;
            case "forever" -> 0;
            default -> null;
        };
    }

    /**
     * "User passwords expire in": Never, ThirtyDays, SixtyDays, NinetyDays, SixMonths, OneYear
     * (docs/salesforce-wire-facts.md, "Password expiry"); Never is 0, unknown values null. Six
     * months and a year are counted as 180 and 365 days: the evidence line says the date is by that count.
     */
    static Integer expirationDays(String value) {
        if (value == null) {
            return null;
        }
        return switch (value.strip().toLowerCase(Locale.ROOT)) {
            case "never" -> 0;
            case "thirtydays" -> 30;
            case "sixtydays" -> 60;
            case "ninetydays" -> 90;
            case "sixmonths" -> 180;
            case "oneyear" -> 365;
            default -> null;
        };
    }
}
