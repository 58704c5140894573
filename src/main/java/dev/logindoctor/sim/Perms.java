package dev.logindoctor.sim;

/** The system permissions the sim models, as booleans; a user's effective set is the OR of all grants. */
record Perms(boolean apiEnabled, boolean apiOnlyUser, boolean mfaForUiLogins, boolean mfaForApiLogins,
             boolean bypassMfaForUiLogins, boolean manageUsers, boolean viewSetup) {

    static final Perms NONE = new Perms(false, false, false, false, false, false, false);

    static Perms of(SimScenario.Permissions p) {
        if (p == null) {
            return NONE;
        }
        return new Perms(t(p.apiEnabled()), t(p.apiOnlyUser()), t(p.mfaForUiLogins()), t(p.mfaForApiLogins()),
                t(p.bypassMfaForUiLogins()), t(p.manageUsers()), t(p.viewSetup()));
    }

    Perms or(Perms o) {
        return new Perms(apiEnabled || o.apiEnabled, apiOnlyUser || o.apiOnlyUser, mfaForUiLogins || o.mfaForUiLogins,
                mfaForApiLogins || o.mfaForApiLogins, bypassMfaForUiLogins || o.bypassMfaForUiLogins,
                manageUsers || o.manageUsers, viewSetup || o.viewSetup);
    }

    private static boolean t(Boolean b) {
        return Boolean.TRUE.equals(b);
    }
}
