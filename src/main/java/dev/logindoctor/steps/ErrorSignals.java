package dev.logindoctor.steps;

import dev.logindoctor.model.Cause;
import dev.logindoctor.model.LoginFlow;
import dev.logindoctor.model.ReportedError;

import java.util.Locale;
import java.util.Optional;

/**
 * What the reported error says on its own (SALESFORCE.md §1 exception codes, §2 OAuth errors), read
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

    /** Shared signal: invalid_grant "IP restricted or invalid login hours" means either restriction. */
    public boolean ipOrHoursRestricted() {
        return invalidGrant() && says("ip restricted") && says("login hours");
    }

    public boolean userInactive() {
        return code("inactive_user") || says("user is inactive");
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
        if (code("API_DISABLED_FOR_ORG")) {
            return Optional.of("API_DISABLED_FOR_ORG");
        }
        if (code("API_CURRENTLY_DISABLED")) {
            return Optional.of("API_CURRENTLY_DISABLED");
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
