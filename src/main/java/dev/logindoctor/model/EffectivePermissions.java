package dev.logindoctor.model;

import java.util.List;

/**
 * The user's permissions from the profile and every assigned permission set, OR-ed together.
 * A null Boolean means the org did not tell (field absent or not queryable).
 *
 * @param grantedBy the permission sets (and profile) the values came from, for evidence lines
 * @param ssoEnabled           Is Single Sign-On Enabled: the password goes to the org's delegated authentication service
 * @param passwordNeverExpires Password Never Expires
 */
public record EffectivePermissions(
        Boolean apiEnabled,
        Boolean apiOnlyUser,
        Boolean mfaForUiLogins,
        Boolean mfaForApiLogins,
        Boolean bypassMfaForUiLogins,
        List<String> grantedBy,
        Boolean ssoEnabled,
        Boolean passwordNeverExpires) {
    public EffectivePermissions {
        grantedBy = grantedBy == null ? List.of() : List.copyOf(grantedBy);
    }

    /** Without the SSO and password-expiry permissions (unknown). */
    public EffectivePermissions(Boolean apiEnabled, Boolean apiOnlyUser, Boolean mfaForUiLogins, Boolean mfaForApiLogins,
                                Boolean bypassMfaForUiLogins, List<String> grantedBy) {
        this(apiEnabled, apiOnlyUser, mfaForUiLogins, mfaForApiLogins, bypassMfaForUiLogins, grantedBy, null, null);
    }
}
