package dev.logindoctor.model;

import java.util.List;

/**
 * The user's permissions from the profile and every assigned permission set, OR-ed together.
 * A null Boolean means the org did not tell (field absent or not queryable).
 *
 * @param grantedBy the permission sets (and profile) the values came from, for evidence lines
 */
public record EffectivePermissions(
        Boolean apiEnabled,
        Boolean apiOnlyUser,
        Boolean mfaForUiLogins,
        Boolean mfaForApiLogins,
        Boolean bypassMfaForUiLogins,
        List<String> grantedBy) {
    public EffectivePermissions {
        grantedBy = grantedBy == null ? List.of() : List.copyOf(grantedBy);
    }
}
