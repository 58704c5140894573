package dev.logindoctor.model;

/**
 * Org-wide settings that decide whether a login flow is allowed and how lockout behaves.
 * Real orgs rarely expose these to SOQL, so every field may be null (unknown).
 *
 * @param passwordExpiryDays the org-wide password policy's "User passwords expire in", in days; 0 = never
 */
public record OrgSettings(
        Boolean soapLoginEnabled,
        Boolean usernamePasswordFlowAllowed,
        Boolean apiEnabledForOrg,
        Integer maxInvalidLoginAttempts,
        Integer lockoutMinutes,
        Integer passwordExpiryDays) {

    /** Without the password expiry (unknown). */
    public OrgSettings(Boolean soapLoginEnabled, Boolean usernamePasswordFlowAllowed, Boolean apiEnabledForOrg,
                       Integer maxInvalidLoginAttempts, Integer lockoutMinutes) {
        this(soapLoginEnabled, usernamePasswordFlowAllowed, apiEnabledForOrg, maxInvalidLoginAttempts, lockoutMinutes, null);
    }

    public static OrgSettings unknown() {
        return new OrgSettings(null, null, null, null, null, null);
    }
}
