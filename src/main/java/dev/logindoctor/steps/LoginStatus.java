package dev.logindoctor.steps;

import dev.logindoctor.model.Cause;

import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The LOGIN_STATUS dictionary (EventLogFile Login event,
 * docs/salesforce-wire-facts.md#the-login_status-dictionary): LoginHistory's free-text {@code Status} → code
 * and the cause it names. Matching ignores case, spacing, a trailing period and the "Failed:" prefix, so
 * "Invalid password", "Invalid Password" and "invalid password." are one.
 */
public enum LoginStatus {
    SUCCESS(null, "Success"),
    /**
     * Shared signal: a wrong password, a stale token, a token MFA for API logins rejects, or, for a
     * delegated-authentication user, the company's service refusing the password ({@link #sharedBy()}).
     */
    INVALID_PASSWORD(null, "Invalid password"),
    PASSWORD_LOCKOUT(Cause.USER_LOCKED_OUT, "Password lockout"),
    MUST_USE_API_TOKEN(Cause.SECURITY_TOKEN_MISSING_OR_STALE, "Failed: API security token required"),
    CHALLENGE_ISSUED(Cause.SECURITY_TOKEN_MISSING_OR_STALE, "Failed: Computer activation required"),
    CHALLENGE_PENDING(Cause.SECURITY_TOKEN_MISSING_OR_STALE, "Failed: Computer activation pending"),
    RESTRICTED_DOMAIN(Cause.LOGIN_IP_RESTRICTED, "Restricted IP"),
    /** Shared signal: Salesforce's OAuth table reads it as "restricted IP or invalid login hours" ({@link #sharedBy()}). */
    OAUTH_INVALID_IP(null, "Failed: IP Address Not Allowed"),
    RESTRICTED_TIME(Cause.LOGIN_HOURS_RESTRICTED, "Restricted time"),
    USER_INACTIVE(Cause.USER_INACTIVE, "User is inactive"),
    USER_FROZEN(Cause.USER_FROZEN, "User is frozen"),
    USER_API_ONLY(null, "Failed: API-only user"),
    MFA_REQUIRED(Cause.MFA_REQUIRED, "Multi-factor (formerly called two-factor) is required", "Multi-factor required",
            "Two-factor required", "Multi-factor authentication required"),
    RATE_EXCEEDED(Cause.LOGIN_RATE_EXCEEDED, "Login rate exceeded"),
    LOGINS_EXCEEDED(Cause.LOGIN_RATE_EXCEEDED, "Maximum logins exceeded"),
    ORG_IN_MAINTENANCE(Cause.ORG_MAINTENANCE, "Organization is in maintenance"),
    USERNAME_PASSWORD_FLOW_DISABLED(Cause.LOGIN_FLOW_BLOCKED, "Username-Password Flow Disabled"),
    OAUTH_API_DISABLED(Cause.API_ACCESS_DISABLED, "Failed: OAuth API access disabled"),
    AUDIENCE_INVALID(Cause.JWT_ASSERTION_INVALID, "Failed: Audience Invalid"),
    ASSERTION_EXPIRED(Cause.JWT_ASSERTION_INVALID, "Failed: Assertion Expired"),
    ORG_LOCKED(Cause.ORG_UNAVAILABLE, "Organization locked", "Organization is locked"),
    ORG_NOT_ACTIVE(Cause.ORG_UNAVAILABLE, "Organization is inactive", "Organization is suspended", "Organization is closed",
            "Organization inactive", "Organization suspended", "Organization closed"),
    TRIAL_EXPIRED(Cause.ORG_UNAVAILABLE, "Trial Expired"),
    API_VERSION_REMOVED(Cause.CLIENT_UNSUPPORTED, "Failed: API Version Removed"),
    CLIENT_UPDATE_REQUIRED(Cause.CLIENT_UNSUPPORTED, "Failed: Client update required"),
    INSECURE_CHANNEL(Cause.CLIENT_UNSUPPORTED, "Failed: Login over insecure channel"),
    SSO_SERVICE_DOWN(Cause.DELEGATED_AUTH_FAILED, "Your company's authentication service is down"),
    SSO_URL_INVALID(Cause.DELEGATED_AUTH_FAILED, "The Single Sign-On Gateway URL is invalid"),
    /**
     * LOGIN_ERROR_ORG_DOMAIN_ONLY (the My Domain login policy), but LOGIN_ERROR_GLOBAL_BLOCK_DOMAIN shows
     * the same text: only a login through a host other than the org's My Domain makes it the policy.
     */
    RESTRICTED_MY_DOMAIN(Cause.MY_DOMAIN_LOGIN_REQUIRED, "Restricted domain"),
    /** A country restriction: no step reads the policy behind it, so it names no cause, but it is a recorded reason. */
    RESTRICTED_COUNTRY(null, "Restricted country"),
    LOGIN_INVALID(null, "Login invalid", "Invalid login"),
    CONSUMER_DELETED(Cause.CONNECTED_APP_CLIENT_INVALID, "Failed: Consumer Deleted"),
    MISSING_CONSUMER_KEY(Cause.CONNECTED_APP_CLIENT_INVALID, "Missing Consumer Key Parameter", "Failed: Missing Consumer Key Parameter"),
    CONSUMER_PACKAGE_MISSING(Cause.CONNECTED_APP_ACCESS_DENIED, "Package for this consumer is not installed in your organization"),
    /** A Status text outside the dictionary: no opinion, listed in evidence. */
    UNRECOGNIZED(null);

    private final Cause cause;
    private final List<String> texts;

    LoginStatus(Cause cause, String... texts) {
        this.cause = cause;
        this.texts = List.of(texts);
    }

    /** The dictionary entry for a Status text; {@link #UNRECOGNIZED} for null, blank or unknown text. */
    public static LoginStatus of(String status) {
        if (status == null || status.isBlank()) {
            return UNRECOGNIZED;
        }
        String wanted = normalize(status);
        for (LoginStatus s : values()) {
            for (String text : s.texts) {
                if (normalize(text).equals(wanted)) {
                    return s;
                }
            }
        }
        // "Failed: API Version Removed. ..." carries the version after the stable part.
        if (wanted.startsWith(normalize(API_VERSION_REMOVED.text()))) {
            return API_VERSION_REMOVED;
        }
        // Variants seen for the MFA status: "Multi-factor required", "Multi-factor (formerly called two-factor) is required".
        if (wanted.contains("factor") && wanted.contains("requir")) {
            return MFA_REQUIRED;
        }
        return UNRECOGNIZED;
    }

    /** The cause this status names on its own; null for success, the shared Invalid Password, and statuses no step covers. */
    public Cause cause() {
        return cause;
    }

    /** The causes a shared status may stand for; decided by the evidence around it, never by the text alone. */
    public Set<Cause> sharedBy() {
        return switch (this) {
            case INVALID_PASSWORD -> EnumSet.of(Cause.WRONG_PASSWORD, Cause.SECURITY_TOKEN_MISSING_OR_STALE, Cause.MFA_REQUIRED,
                    Cause.DELEGATED_AUTH_FAILED);
            case OAUTH_INVALID_IP -> EnumSet.of(Cause.LOGIN_IP_RESTRICTED, Cause.LOGIN_HOURS_RESTRICTED);
            default -> EnumSet.noneOf(Cause.class);
        };
    }

    /** True when this status names {@code c} or is a shared status that may stand for it. */
    public boolean couldMean(Cause c) {
        return c != null && (c == cause || sharedBy().contains(c));
    }

    public boolean isSuccess() {
        return this == SUCCESS;
    }

    public boolean isRecognized() {
        return this != UNRECOGNIZED;
    }

    /** The dictionary's display text. */
    public String text() {
        return texts.isEmpty() ? name() : texts.get(0);
    }

    static String normalize(String text) {
        // Non-breaking and other Unicode spaces (\p{Z}) are not \s and not stripped by strip(): fold them first.
        String t = text.toLowerCase(Locale.ROOT).replace('\u2011', '-').replace('\u2010', '-')
                .replaceAll("[\\s\\p{Z}]+", " ").strip();
        if (t.endsWith(".")) {
            t = t.substring(0, t.length() - 1).strip();
        }
        if (t.startsWith("failed:")) {
            t = t.substring("failed:".length()).strip();
        }
        return t;
    }
}
