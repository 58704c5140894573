package dev.logindoctor.sim;

/**
 * Why the sim refused a login for a known (or unknown) user: the LoginHistory Status it writes and
 * what goes on the wire for SOAP and for OAuth. Salesforce bundles most refusals into one answer
 * (INVALID_LOGIN / invalid_grant "authentication failure"); only the history row tells them apart.
 * Status texts follow the observed LoginHistory strings (docs/salesforce-wire-facts.md#loginhistory-status-texts) and,
 * where none was observed, the LOGIN_STATUS display texts in the same title case; those marked
 * unconfirmed are the sim's choice.
 */
enum Rejection {
    /** No such user here: no history row can be keyed to a user. */
    UNKNOWN_USER(null, Soap.INVALID_LOGIN, "invalid_grant", "authentication failure", false),
    /** The sim's choice: during a core maintenance that takes the instance down, logins get the bundled answer. */
    ORG_IN_MAINTENANCE("Organization is in maintenance", Soap.INVALID_LOGIN, "invalid_grant", "authentication failure", false),
    INACTIVE("User is Inactive", Soap.INVALID_LOGIN, "inactive_user", "user is inactive", false),
    FROZEN("User is Frozen", Soap.INVALID_LOGIN, "invalid_grant", "authentication failure", false),
    LOCKED("Password Lockout", Soap.INVALID_LOGIN, "invalid_grant", "authentication failure", false),
    RESTRICTED_TIME("Restricted Time", Soap.INVALID_LOGIN, "invalid_grant", "IP restricted or invalid login hours", false),
    MFA_REQUIRED("Multi-factor required", Soap.INVALID_LOGIN, "invalid_grant", "authentication failure", false),
    RESTRICTED_IP("Restricted IP", Soap.INVALID_LOGIN, "invalid_grant", "IP restricted or invalid login hours", false),
    /** The org is locked or suspended: everyone is refused (SOAP wire text unconfirmed; the OAuth pair from the REST guide's table). */
    ORG_LOCKED("Organization locked", Soap.ORG_LOCKED, "inactive_org", "organization is locked, closed, or suspended", false),
    ORG_SUSPENDED("Organization suspended", Soap.ORG_LOCKED, "inactive_org", "organization is locked, closed, or suspended", false),
    /** The trial ended: SOAP answers API_CURRENTLY_DISABLED "Your trial has expired." (seen in the wild). */
    TRIAL_EXPIRED("Trial Expired", Soap.TRIAL_OVER, "inactive_org", "organization is locked, closed, or suspended", false),
    /** unconfirmed status text. */
    API_DISABLED_FOR_ORG("Failed: API Disabled for Organization", Soap.API_DISABLED_FOR_ORG, "invalid_grant", "authentication failure", false),
    /**
     * Unconfirmed status text; the SOAP code is the one seen for a user without API Enabled
     * (docs/salesforce-wire-facts.md#soap-exception-codes-at-login).
     */
    API_DISABLED_FOR_USER("Failed: API Disabled", Soap.API_CURRENTLY_DISABLED, "invalid_grant", "authentication failure", false),
    /** SOAP login() switched off for the org: INVALID_OPERATION with the text clients report (status text unconfirmed). */
    SOAP_LOGIN_DISABLED("Failed: SOAP API login() Disabled", Soap.SOAP_LOGIN_DISABLED, "invalid_grant", "authentication failure", false),
    PASSWORD_FLOW_DISABLED("Username-Password Flow Disabled", Soap.INVALID_LOGIN, "invalid_grant", "authentication failure", false),
    /** Unconfirmed status text. */
    NOT_APPROVED("Failed: Not approved for access", Soap.INVALID_LOGIN, "invalid_grant", "user hasn't approved this consumer", false),
    /** The same assignment gap answered on the flows other than JWT bearer (docs/salesforce-wire-facts.md#connected-apps-refresh-tokens-and-my-domain); the status text is unconfirmed. */
    APP_ACCESS_DENIED("Failed: Not approved for access", Soap.INVALID_LOGIN, "invalid_app_access", "user is not admin approved to access this app", false),
    /**
     * The My Domain login policy refusing a login through a generic host: LOGIN_ERROR_ORG_DOMAIN_ONLY's
     * text "Restricted domain"; the wire answer is the bundled one (unconfirmed).
     */
    MY_DOMAIN_REQUIRED("Restricted domain", Soap.INVALID_LOGIN, "invalid_grant", "authentication failure", false),
    /** A wrong password, or the right password with a wrong or stale token (the sim's choice, see docs). */
    WRONG_PASSWORD("Invalid Password", Soap.INVALID_LOGIN, "invalid_grant", "authentication failure", true),
    TOKEN_REQUIRED("Failed: API security token required", Soap.LOGIN_MUST_USE_SECURITY_TOKEN, "invalid_grant", "authentication failure", true),
    RATE_EXCEEDED("Login Rate Exceeded", Soap.INVALID_LOGIN, "rate_limit_exceeded", "number of logins exceeded", false);

    static final String INVALID_LOGIN_MESSAGE = "Invalid username, password, security token; or user locked out.";

    /** SOAP LoginFault codes and messages (docs/salesforce-wire-facts.md#soap-exception-codes-at-login). */
    enum Soap {
        INVALID_LOGIN(INVALID_LOGIN_MESSAGE),
        ORG_LOCKED("ORG_LOCKED", "Your organization is locked. Contact your administrator."),
        TRIAL_OVER("API_CURRENTLY_DISABLED", "Your trial has expired."),
        SOAP_LOGIN_DISABLED("INVALID_OPERATION", "SOAP API login() is disabled by default in this org. Contact the org administrator to enable SOAP API login()."),
        SOAP_LOGIN_VERSION("INVALID_OPERATION", "The SOAP Login operation is not available in the API version specified (%s). Refer to the documentation for supported versions."),
        RETIRED_API_VERSION("UNSUPPORTED_API_VERSION", "Invalid Api version specified on URL"),
        LOGIN_MUST_USE_SECURITY_TOKEN(INVALID_LOGIN_MESSAGE + " Are you at a new location? When accessing Salesforce--either"
                + " via a desktop client or the API--from outside of your company's trusted networks, you must add a security"
                + " token to your password to log in. To get your new security token, log in to Salesforce. From your personal"
                + " settings, enter Reset My Security Token in the Quick Find box, then select Reset My Security Token."),
        API_DISABLED_FOR_ORG("API is not enabled for this Organization or Partner"),
        API_CURRENTLY_DISABLED("API is disabled for this User");

        final String code;
        final String message;

        Soap(String message) {
            this.code = name();
            this.message = message;
        }

        Soap(String code, String message) {
            this.code = code;
            this.message = message;
        }
    }

    final String historyStatus;
    final Soap soap;
    final String oauthError;
    final String oauthDescription;
    /**
     * Counts toward the lockout limit (wrong password or token,
     * docs/salesforce-wire-facts.md#password-and-lockout-policy).
     */
    final boolean countsTowardLockout;

    Rejection(String historyStatus, Soap soap, String oauthError, String oauthDescription, boolean countsTowardLockout) {
        this.historyStatus = historyStatus;
        this.soap = soap;
        this.oauthError = oauthError;
        this.oauthDescription = oauthDescription;
        this.countsTowardLockout = countsTowardLockout;
    }
}
