package dev.logindoctor.sim;

/** A permission set; every profile owns one ({@code IsOwnedByProfile}), as in Salesforce. */
record SimPermissionSet(String id, String name, String label, boolean ownedByProfile, String profileId, Perms perms) {
}
