package dev.logindoctor.model;

/** Why a login failed. The names are stable identifiers: used in output, storage, metrics and tests. */
public enum Cause {
    USERNAME_NOT_FOUND,
    WRONG_PASSWORD,
    SECURITY_TOKEN_MISSING_OR_STALE,
    LOGIN_IP_RESTRICTED,
    LOGIN_HOURS_RESTRICTED,
    USER_LOCKED_OUT,
    USER_FROZEN,
    USER_INACTIVE,
    ORG_MAINTENANCE,
    MFA_REQUIRED,
    WRONG_LOGIN_ENDPOINT,
    CONNECTED_APP_NOT_APPROVED,
    JWT_ASSERTION_INVALID,
    LOGIN_FLOW_BLOCKED,
    LOGIN_RATE_EXCEEDED,
    UNDETERMINED
}
