package dev.logindoctor.sim;

import java.time.Instant;
import java.util.List;

/** A user and its login state. Mutable; guarded by the {@link OrgState} lock. */
final class SimUser {
    final String id;
    final String userLoginId;
    final String username;
    final String firstName;
    final String lastName;
    final String email;
    final String userType;
    final Instant createdDate;
    final SimProfile profile;
    final List<SimPermissionSet> permissionSets;
    String password;
    String securityToken;
    boolean active;
    boolean frozen;
    /** When the failed-attempt limit locked the user; null when not locked. */
    Instant lockedAt;
    int failedAttempts;
    Instant lastPasswordChangeDate;
    Instant lastLoginDate;

    SimUser(String id, String userLoginId, String username, String firstName, String lastName, String email,
            String userType, Instant createdDate, SimProfile profile, List<SimPermissionSet> permissionSets) {
        this.id = id;
        this.userLoginId = userLoginId;
        this.username = username;
        this.firstName = firstName;
        this.lastName = lastName;
        this.email = email;
        this.userType = userType;
        this.createdDate = createdDate;
        this.profile = profile;
        this.permissionSets = List.copyOf(permissionSets);
    }

    /** The profile's permissions OR-ed with every assigned permission set's. */
    Perms effectivePerms() {
        Perms p = profile.perms;
        for (SimPermissionSet ps : permissionSets) {
            p = p.or(ps.perms());
        }
        return p;
    }

    /** Every assignment, the profile's own permission set first (Salesforce lists it as an assignment too). */
    List<SimPermissionSet> allAssignments() {
        java.util.ArrayList<SimPermissionSet> all = new java.util.ArrayList<>();
        if (profile.ownedPermissionSet != null) {
            all.add(profile.ownedPermissionSet);
        }
        all.addAll(permissionSets);
        return all;
    }

    String fullName() {
        return ((firstName == null ? "" : firstName + " ") + (lastName == null ? "" : lastName)).strip();
    }

    @Override
    public String toString() {
        return "SimUser[" + username + "]";
    }
}
