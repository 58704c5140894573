package dev.logindoctor.model;

/** {@code UserLogin}: whether an admin froze the user, and whether failed attempts locked them. */
public record UserLoginState(boolean frozen, boolean passwordLocked) {
}
