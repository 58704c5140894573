package dev.logindoctor.sim;

/** The system permissions the sim models, as booleans; a user's effective set is the OR of all grants. */
record Perms(boolean apiEnabled, boolean apiOnlyUser, boolean mfaForUiLogins, boolean mfaForApiLogins,
             boolean bypassMfaForUiLogins, boolean manageUsers, boolean viewSetup, boolean ssoEnabled, boolean passwordNeverExpires) {

    static final Perms NONE = new Perms(false, false, false, false, false, false, false, false, false);

    /** Without Is Single Sign-On Enabled and Password Never Expires. */
    Perms(boolean apiEnabled, boolean apiOnlyUser, boolean mfaForUiLogins, boolean mfaForApiLogins,
          boolean bypassMfaForUiLogins, boolean manageUsers, boolean viewSetup) {
        this(apiEnabled, apiOnlyUser, mfaForUiLogins, mfaForApiLogins, bypassMfaForUiLogins, manageUsers, viewSetup, false, false);
    }

    static Perms of(SimScenario.Permissions p) {
        if (p == null) {
            return NONE;
        }
        return new Perms(t(p.apiEnabled()), t(p.apiOnlyUser()), t(p.mfaForUiLogins()), t(p.mfaForApiLogins()),
                t(p.bypassMfaForUiLogins()), t(p.manageUsers()), t(p.viewSetup()), t(p.ssoEnabled()), t(p.passwordNeverExpires()));
    }

    Perms or(Perms o) {
        return new Perms(apiEnabled || o.apiEnabled, apiOnlyUser || o.apiOnlyUser, mfaForUiLogins || o.mfaForUiLogins,
                mfaForApiLogins || o.mfaForApiLogins, bypassMfaForUiLogins || o.bypassMfaForUiLogins,
                manageUsers || o.manageUsers, viewSetup || o.viewSetup, ssoEnabled || o.ssoEnabled,
                passwordNeverExpires || o.passwordNeverExpires);
    }

    private static boolean t(Boolean b) {
        return Boolean.TRUE.equals(b);
    }
}
