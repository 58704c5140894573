package dev.logindoctor.model;

/**
 * Org-wide settings that decide whether a login flow is allowed and how lockout behaves.
 * Real orgs rarely expose these to SOQL, so every field may be null (unknown).
 */
public record OrgSettings(
        Boolean soapLoginEnabled,
        Boolean usernamePasswordFlowAllowed,
        Boolean apiEnabledForOrg,
        Integer maxInvalidLoginAttempts,
        Integer lockoutMinutes) {

    public static OrgSettings unknown() {
        return new OrgSettings(null, null, null, null, null);
    }
}
