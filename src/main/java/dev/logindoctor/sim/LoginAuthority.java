package dev.logindoctor.sim;

import dev.logindoctor.model.IpRange;
import dev.logindoctor.model.LoginFlow;

import java.time.Instant;
import java.util.Optional;

/**
 * Decides every login the way Salesforce does
 * (docs/salesforce-wire-facts.md#the-order-salesforce-checks-a-login-in), in this order: unknown user; the My Domain login policy (a generic host refused); instance
 * down for maintenance; inactive; frozen; locked; Login Hours; MFA; profile Login IP Ranges; API Enabled (org,
 * then user); the org's flow settings; password and security token; connected app approval; login rate. Each
 * attempt for a known user writes one LoginHistory row.
 *
 * <p>MFA: the password-bearing flows (SOAP login(), OAuth username-password) are the
 * "interactive-style" ones: a user with <i>MFA for API Logins</i> who sends a plain password and
 * token is refused ("Multi-factor required"; the sim takes no TOTP codes). <i>MFA for UI logins</i>
 * applies only to UI-style flows, which no API endpoint of the sim serves. API Only users are never
 * MFA-prompted for API logins. JWT, refresh token and client credentials carry no password and are
 * never MFA-prompted.
 */
final class LoginAuthority {
    private final OrgState org;
    private final TrustState trust;
    private final Sessions sessions;

    LoginAuthority(OrgState org, TrustState trust, Sessions sessions) {
        this.org = org;
        this.trust = trust;
        this.sessions = sessions;
    }

    /** Judges one attempt, records it (history row, attempt counters) and opens a session on success. */
    LoginOutcome attempt(LoginRequest req) {
        synchronized (org) {
            LoginOutcome outcome = decide(req);
            if (req.username() != null) {
                org.recordAttempt(req.username(), !outcome.succeeded());
            }
            if (outcome.user() != null) {
                Rejection r = outcome.rejection();
                writeHistory(outcome.user(), req, r == null ? "Success" : r.historyStatus);
            }
            return outcome;
        }
    }

    private LoginOutcome decide(LoginRequest req) {
        Optional<SimUser> found = req.foreignHost() ? Optional.empty() : org.userByUsername(req.username());
        if (found.isEmpty()) {
            return LoginOutcome.rejected(null, Rejection.UNKNOWN_USER);
        }
        SimUser user = found.get();
        Instant now = org.now();
        if (org.apiLoginRequiresMyDomain && org.isGenericHost(req.loginHost())) {
            return LoginOutcome.rejected(user, Rejection.MY_DOMAIN_REQUIRED);
        }
        if (trust.instanceDown(org.instanceName, now)) {
            return LoginOutcome.rejected(user, Rejection.ORG_IN_MAINTENANCE);
        }
        if (org.orgRefusal != null) {
            return LoginOutcome.rejected(user, org.orgRefusal);
        }
        if (!user.active) {
            return LoginOutcome.rejected(user, Rejection.INACTIVE);
        }
        if (user.frozen) {
            return LoginOutcome.rejected(user, Rejection.FROZEN);
        }
        if (org.isLocked(user)) {
            return LoginOutcome.rejected(user, Rejection.LOCKED);
        }
        if (!user.profile.loginHours.allows(now)) {
            return LoginOutcome.rejected(user, Rejection.RESTRICTED_TIME);
        }
        Perms perms = user.effectivePerms();
        if (req.flow().sendsPassword() && perms.mfaForApiLogins() && !perms.apiOnlyUser()) {
            return LoginOutcome.rejected(user, Rejection.MFA_REQUIRED);
        }
        if (ipRangesApply(req) && !user.profile.loginIpRanges.isEmpty() && !inAny(user.profile, req.sourceIp())) {
            return LoginOutcome.rejected(user, Rejection.RESTRICTED_IP);
        }
        if (!org.apiEnabled) {
            return LoginOutcome.rejected(user, Rejection.API_DISABLED_FOR_ORG);
        }
        if (!perms.apiEnabled()) {
            return LoginOutcome.rejected(user, Rejection.API_DISABLED_FOR_USER);
        }
        if (req.flow() == LoginFlow.SOAP && !org.soapLoginEnabled) {
            return LoginOutcome.rejected(user, Rejection.SOAP_LOGIN_DISABLED);
        }
        // External Client Apps never offer the username-password flow, whatever the org's switch says (the row text is unconfirmed).
        boolean externalApp = req.app() != null && req.app().policy.externalClientApp();
        if (req.flow() == LoginFlow.OAUTH_PASSWORD && (!org.usernamePasswordFlowAllowed || externalApp)) {
            return LoginOutcome.rejected(user, Rejection.PASSWORD_FLOW_DISABLED);
        }
        if (req.flow().sendsPassword()) {
            Rejection credentials = checkPassword(user, req);
            if (credentials != null) {
                return LoginOutcome.rejected(user, countFailure(user, credentials));
            }
        }
        if (req.app() != null && !req.app().approves(user)) {
            return LoginOutcome.rejected(user, req.flow() == LoginFlow.OAUTH_JWT ? Rejection.NOT_APPROVED : Rejection.APP_ACCESS_DENIED);
        }
        if (org.loginsInLastHour(user) >= org.loginRateLimitPerHour) {
            return LoginOutcome.rejected(user, Rejection.RATE_EXCEEDED);
        }
        user.failedAttempts = 0;
        user.lastLoginDate = now;
        return LoginOutcome.success(user, sessions.open(user.id));
    }

    /**
     * JWT bearer always enforces profile ranges (docs/salesforce-wire-facts.md#oauth-jwt-bearer-flow); an app
     * set to RELAX lifts them for its other flows; SOAP has no app and always enforces.
     */
    private static boolean ipRangesApply(LoginRequest req) {
        if (req.flow() == LoginFlow.OAUTH_JWT || req.app() == null) {
            return true;
        }
        return !req.app().relaxesIpRestrictions();
    }

    /**
     * The password field is the password with the token appended. The token is needed only when
     * the source IP is outside both the org's trusted ranges and the profile's ranges. A correct
     * password with no token where one is needed is TOKEN_REQUIRED; anything else that does not
     * match, including the right password with a wrong or stale token, is WRONG_PASSWORD
     * ("Invalid Password"), which is what Salesforce can tell: it never sees a token on its own.
     */
    private Rejection checkPassword(SimUser user, LoginRequest req) {
        String field = req.passwordField() == null ? "" : req.passwordField();
        if (user.password == null) {
            return Rejection.WRONG_PASSWORD;
        }
        // Delegated authentication: the company's service checks the password it is handed (the user's
        // password here stands for the directory's); no token. Its refusal is recorded as "Invalid Password".
        if (user.effectivePerms().ssoEnabled()) {
            return field.equals(user.password) ? null : Rejection.WRONG_PASSWORD;
        }
        if (field.equals(user.password + user.securityToken)) {
            return null;
        }
        if (field.equals(user.password)) {
            boolean tokenNeeded = !inTrusted(req.sourceIp()) && !inAny(user.profile, req.sourceIp());
            return tokenNeeded ? Rejection.TOKEN_REQUIRED : null;
        }
        return Rejection.WRONG_PASSWORD;
    }

    /** Counts a failed password/token attempt; the attempt that reaches the limit locks the user. */
    private Rejection countFailure(SimUser user, Rejection r) {
        user.failedAttempts++;
        if (org.maxInvalidAttempts > 0 && user.failedAttempts >= org.maxInvalidAttempts) {
            user.lockedAt = org.now();
            return Rejection.LOCKED;
        }
        return r;
    }

    private boolean inTrusted(String ip) {
        return org.trustedIpRanges.stream().anyMatch(r -> r.contains(ip));
    }

    private static boolean inAny(SimProfile profile, String ip) {
        for (IpRange r : profile.loginIpRanges) {
            if (r.contains(ip)) {
                return true;
            }
        }
        return false;
    }

    private void writeHistory(SimUser user, LoginRequest req, String status) {
        boolean soap = req.flow() == LoginFlow.SOAP;
        org.addHistory(new HistoryRow(org.ids.next("0Ya"), user.id, org.now(), status, req.sourceIp(),
                soap ? "Other Apex API" : "Remote Access 2.0",
                subType(req.flow()),
                req.loginHost(),
                soap ? req.apiType() : "N/A",
                soap ? req.apiVersion() : "N/A",
                req.application() == null ? "N/A" : req.application(),
                "Unknown", "Unknown"));
    }

    private static String subType(LoginFlow flow) {
        return switch (flow) {
            case SOAP -> null;
            case OAUTH_PASSWORD -> "OauthUsernamePassword";
            case OAUTH_REFRESH_TOKEN -> "OauthRefreshToken";
            case OAUTH_CLIENT_CREDENTIALS -> "OauthClientCredentials";
            case OAUTH_WEB_SERVER -> "OauthWebServer";
            // Unconfirmed: Salesforce documents no JWT subtype
            // (docs/salesforce-wire-facts.md#logintype-and-loginsubtype).
            case OAUTH_JWT -> "OauthJwtBearer";
        };
    }
}
