package dev.logindoctor.steps;

import dev.logindoctor.model.Cause;
import dev.logindoctor.model.LoginFlow;
import dev.logindoctor.model.ReportedError;

import java.util.Locale;
import java.util.Optional;

/**
 * What the reported error says on its own (docs/salesforce-wire-facts.md#soap-exception-codes-at-login,
 * docs/salesforce-wire-facts.md#oauth-token-endpoint-errors), read
 * with the flow: "expired authorization code" means an expired JWT only for the JWT bearer flow.
 */
public final class ErrorSignals {

    /** What a JWT bearer error says about the assertion's claims. */
    public enum JwtProblem { AUDIENCE, EXPIRED, SIGNATURE, ISSUER }

    private final ReportedError error;
    private final LoginFlow flow;
    private final String description;

    public ErrorSignals(ReportedError error, LoginFlow flow) {
        this.error = error == null ? new ReportedError("", "") : error;
        this.flow = flow;
        // Apostrophes come typographic or straight; compare on one form.
        this.description = this.error.description().toLowerCase(Locale.ROOT).replace('\u2019', '\'').replaceAll("[\\s\\p{Z}]+", " ");
    }

    private boolean code(String... codes) {
        for (String c : codes) {
            if (error.codeIs(c)) {
                return true;
            }
        }
        return false;
    }

    /** True when the reported code is {@code expected}, ignoring case. */
    public boolean codeIs(String expected) {
        return error.codeIs(expected);
    }

    private boolean says(String fragment) {
        return description.contains(fragment);
    }

    private boolean invalidGrant() {
        return code("invalid_grant");
    }

    /** The bundled answer: INVALID_LOGIN, or invalid_grant "authentication failure" / "invalid user credentials". */
    public boolean genericCredentialFailure() {
        return code("INVALID_LOGIN") || (invalidGrant() && (says("authentication failure") || says("invalid user credentials")));
    }

    public boolean securityTokenRequired() {
        return code("LOGIN_MUST_USE_SECURITY_TOKEN", "LOGIN_CHALLENGE_ISSUED", "LOGIN_CHALLENGE_PENDING");
    }

    public boolean passwordLockout() {
        return code("PASSWORD_LOCKOUT");
    }

    public boolean restrictedDomain() {
        return code("LOGIN_DURING_RESTRICTED_DOMAIN");
    }

    public boolean restrictedTime() {
        return code("LOGIN_DURING_RESTRICTED_TIME");
    }

    /**
     * Shared signal: invalid_grant "IP restricted or invalid login hours" means either restriction. The
     * short "ip restricted" is read the same way: Salesforce documents one error for both, so the text
     * alone never chooses between them.
     */
    public boolean ipOrHoursRestricted() {
        return invalidGrant() && (says("ip restricted") || says("invalid login hours"));
    }

    /** inactive_user, or invalid_grant "inactive user" / "user is inactive". */
    public boolean userInactive() {
        return code("inactive_user") || says("user is inactive") || (invalidGrant() && says("inactive user"));
    }

    /**
     * The org itself refuses logins: locked, suspended, closed, inactive or its trial over. Returns the
     * code (or the code and text) that says so.
     */
    public Optional<String> orgUnavailableCode() {
        for (String c : new String[] {"ORG_LOCKED", "TRIAL_EXPIRED", "inactive_org", "ORG_SUSPENDED", "ORGANIZATION_LOCKED"}) {
            if (code(c)) {
                return Optional.of(c);
            }
        }
        // API_CURRENTLY_DISABLED "Your trial has expired.": the org, not a permission.
        if (code("API_CURRENTLY_DISABLED") && says("trial has expired")) {
            return Optional.of("API_CURRENTLY_DISABLED (trial expired)");
        }
        if (says("organization is locked") || says("trial has expired")) {
            return Optional.of(error.code().isEmpty() ? "(no code)" : error.code());
        }
        return Optional.empty();
    }

    /** API access is off for the org's edition or for the user. Returns the code that says so. */
    public Optional<String> apiAccessCode() {
        if (orgUnavailableCode().isPresent()) {
            return Optional.empty();
        }
        if (code("API_DISABLED_FOR_ORG") || says("api is not enabled for this organization")) {
            return Optional.of("API_DISABLED_FOR_ORG");
        }
        // The code is documented as a temporary problem; only its "disabled for this User" text names the permission.
        if (code("API_CURRENTLY_DISABLED") && says("disabled for this user")) {
            return Optional.of("API_CURRENTLY_DISABLED");
        }
        return Optional.empty();
    }

    /** INVALID_OPERATION_WITH_EXPIRED_PASSWORD, or its "password has expired" text. */
    public boolean passwordExpired() {
        return code("INVALID_OPERATION_WITH_EXPIRED_PASSWORD") || says("password has expired");
    }

    /** The client itself is refused: a retired or unknown API version, or an old TLS version. */
    public Optional<String> clientUnsupportedCode() {
        if (code("UNSUPPORTED_API_VERSION") || says("invalid api version specified")) {
            return Optional.of("UNSUPPORTED_API_VERSION");
        }
        if (code("UNSUPPORTED_CLIENT") || (says("tls 1.0") && says("disabled"))) {
            return Optional.of("UNSUPPORTED_CLIENT");
        }
        return Optional.empty();
    }

    /** The delegated authentication service was down or unreachable. */
    public Optional<String> delegatedAuthCode() {
        if (code("SSO_SERVICE_DOWN") || says("authentication service is down")) {
            return Optional.of("SSO_SERVICE_DOWN");
        }
        if (code("INVALID_SSO_GATEWAY_URL") || says("single sign-on gateway url is invalid")) {
            return Optional.of("INVALID_SSO_GATEWAY_URL");
        }
        return Optional.empty();
    }

    public boolean rateExceeded() {
        return code("rate_limit_exceeded") || says("login rate exceeded") || says("number of logins exceeded");
    }

    public boolean consumerNotApproved() {
        return invalidGrant() && (says("hasn't approved this consumer") || says("has not approved this consumer"));
    }

    /**
     * invalid_grant "expired access/refresh token" answering a refresh: the refresh token was revoked,
     * expired under the app's policy, or rotated away by a concurrent refresh. Decisive only for the
     * refresh-token flow: the text names the refresh token, which no other grant sends.
     */
    public boolean refreshTokenInvalid() {
        return flow == LoginFlow.OAUTH_REFRESH_TOKEN && refreshTokenText();
    }

    /** The "expired access/refresh token" text, whatever flow the report names. */
    public boolean refreshTokenText() {
        return invalidGrant() && says("expired access/refresh token");
    }

    /**
     * The token endpoint refused the consumer key or secret: invalid_client_id, invalid_client,
     * invalid_client_credentials. Under the JWT bearer flow the consumer key travels as the assertion's
     * iss claim, so there invalid_client_id is the assertion's problem ({@link #jwtProblem()}).
     */
    public boolean clientInvalid() {
        if (flow == LoginFlow.OAUTH_JWT && code("invalid_client_id")) {
            return false;
        }
        return code("invalid_client_id", "invalid_client", "invalid_client_credentials");
    }

    /**
     * The app exists but refuses this user or this org: invalid_app_access ("user is not admin approved
     * to access this app"), no Run As user for the client credentials flow, or an app not installed here.
     */
    public boolean appAccessDenied() {
        return code("invalid_app_access") || says("not admin approved to access this app")
                || (invalidGrant() && says("no client credentials user enabled"))
                || says("external client app is not installed") || says("consumer is not installed in your organization");
    }

    /** Which kind of app access refusal {@link #appAccessDenied()} is. */
    public enum AppAccessProblem { NOT_ASSIGNED, NO_RUN_AS_USER, NOT_INSTALLED }

    public Optional<AppAccessProblem> appAccessProblem() {
        if (!appAccessDenied()) {
            return Optional.empty();
        }
        if (says("no client credentials user enabled")) {
            return Optional.of(AppAccessProblem.NO_RUN_AS_USER);
        }
        if (says("not installed")) {
            return Optional.of(AppAccessProblem.NOT_INSTALLED);
        }
        return Optional.of(AppAccessProblem.NOT_ASSIGNED);
    }

    /**
     * INVALID_SESSION_ID "Session expired or invalid": the answer of an API call whose access token
     * timed out, not of a login. Neither an expired assertion nor a dead refresh token.
     */
    public boolean sessionExpired() {
        return code("INVALID_SESSION_ID") || says("session expired or invalid");
    }

    public Optional<JwtProblem> jwtProblem() {
        if (flow != LoginFlow.OAUTH_JWT) {
            return Optional.empty();
        }
        if (invalidGrant() && (says("audience is invalid") || says("audience validation failed"))) {
            return Optional.of(JwtProblem.AUDIENCE);
        }
        if (invalidGrant() && (says("expired authorization code") || says("assertion expired") || says("expired assertion"))) {
            return Optional.of(JwtProblem.EXPIRED);
        }
        if (invalidGrant() && says("invalid assertion")) {
            return Optional.of(JwtProblem.SIGNATURE);
        }
        if (code("invalid_client_id")) {
            return Optional.of(JwtProblem.ISSUER);
        }
        return Optional.empty();
    }

    /** The exception code that says the org or user may not log in this way, if any. */
    public Optional<String> flowBlockedCode() {
        // INVALID_OPERATION texts of the SOAP login() retirement; specific enough to trust whatever the code field says.
        if (says("soap api login() is disabled") || says("login() is disabled")) {
            return Optional.of("SOAP_LOGIN_DISABLED");
        }
        if (says("login operation is not available in the api version") || says("login() is not available in")) {
            return Optional.of("SOAP_LOGIN_VERSION");
        }
        // SOAP login() is gated by Use Any API Auth; without it the call fails with INSUFFICIENT_ACCESS.
        if (flow == LoginFlow.SOAP && code("INSUFFICIENT_ACCESS")) {
            return Optional.of("INSUFFICIENT_ACCESS");
        }
        return Optional.empty();
    }

    /** HTTP 405 "Only POST allowed": the call went to a UI host such as *.lightning.force.com. */
    public boolean methodNotAllowed() {
        return code("405", "HTTP_405", "METHOD_NOT_ALLOWED") || says("only post allowed") || says("405 method not allowed");
    }

    public boolean unsupportedGrantType() {
        return code("unsupported_grant_type");
    }

    /** invalid_grant "request not supported on this domain": the client credentials flow sent to a generic login host. */
    public boolean requestNotSupportedOnDomain() {
        return invalidGrant() && says("not supported on this domain");
    }

    /** The cause the error names on its own; null when it names none or a shared one. */
    public Cause namedCause() {
        if (securityTokenRequired()) {
            return Cause.SECURITY_TOKEN_MISSING_OR_STALE;
        }
        if (passwordLockout()) {
            return Cause.USER_LOCKED_OUT;
        }
        if (restrictedDomain()) {
            return Cause.LOGIN_IP_RESTRICTED;
        }
        if (restrictedTime()) {
            return Cause.LOGIN_HOURS_RESTRICTED;
        }
        if (userInactive()) {
            return Cause.USER_INACTIVE;
        }
        if (orgUnavailableCode().isPresent()) {
            return Cause.ORG_UNAVAILABLE;
        }
        if (passwordExpired()) {
            return Cause.PASSWORD_EXPIRED;
        }
        if (clientUnsupportedCode().isPresent()) {
            return Cause.CLIENT_UNSUPPORTED;
        }
        if (delegatedAuthCode().isPresent()) {
            return Cause.DELEGATED_AUTH_FAILED;
        }
        if (apiAccessCode().isPresent()) {
            return Cause.API_ACCESS_DISABLED;
        }
        if (rateExceeded()) {
            return Cause.LOGIN_RATE_EXCEEDED;
        }
        if (consumerNotApproved()) {
            return Cause.CONNECTED_APP_NOT_APPROVED;
        }
        if (refreshTokenInvalid()) {
            return Cause.REFRESH_TOKEN_INVALID;
        }
        if (clientInvalid()) {
            return Cause.CONNECTED_APP_CLIENT_INVALID;
        }
        if (appAccessDenied()) {
            return Cause.CONNECTED_APP_ACCESS_DENIED;
        }
        if (jwtProblem().isPresent()) {
            return Cause.JWT_ASSERTION_INVALID;
        }
        if (flowBlockedCode().isPresent()) {
            return Cause.LOGIN_FLOW_BLOCKED;
        }
        if (methodNotAllowed()) {
            return Cause.WRONG_LOGIN_ENDPOINT;
        }
        return null;
    }

    /** What the error names when it names a reason (a cause, or the IP-or-hours pair); empty for the bundled error. */
    public Optional<String> namedReason() {
        Cause cause = namedCause();
        if (cause != null) {
            return Optional.of(cause.name());
        }
        return ipOrHoursRestricted() ? Optional.of("an IP or Login Hours restriction") : Optional.empty();
    }

    /** The error as one short evidence line. */
    public String describe() {
        String text = error.code() + (error.description().isEmpty() ? "" : ": " + error.description());
        text = text.replaceAll("\\s+", " ").strip();
        return "reported error " + (text.isEmpty() ? "(none)" : text.length() > 200 ? text.substring(0, 197) + "..." : text)
                + (flow == null ? "" : " (flow " + flow + ")");
    }
}
