package dev.logindoctor.steps;

import dev.logindoctor.model.Cause;
import dev.logindoctor.model.EffectivePermissions;

import java.util.ArrayList;
import java.util.List;

/**
 * One decision over the shared signal "Invalid Password" (or the bundled credential error): a wrong
 * password, a missing or stale security token, or a token that MFA for API logins rejects. CheckPassword,
 * CheckSecurityToken and CheckMfa all read it, so at most one of them confirms.
 */
public record CredentialFailure(Outcome outcome, List<String> lines) {

    public enum Outcome {
        /** The flow sends no password. */
        NOT_SENT,
        /** The error or the row says a token (or device activation) was required. */
        TOKEN_REQUIRED,
        /** A credential failure with the token stale by the dates. */
        STALE_TOKEN,
        /** A credential failure with the token known good or not needed. */
        WRONG_PASSWORD,
        /** MFA for API Logins: the token is rejected, a TOTP is required. */
        MFA_FOR_API_LOGINS,
        /** The user authenticates through delegated authentication: the company's service refused the password, not Salesforce. */
        DELEGATED,
        /** The failing attempt failed for another recorded reason. */
        OTHER_REASON,
        /** Not decidable from the evidence; the lines say why. */
        UNDECIDED
    }

    public static CredentialFailure of(Facts f) {
        List<String> lines = new ArrayList<>();
        ExplainingRow row = f.row();
        ErrorSignals err = f.errors();
        TokenState token = f.token();
        if (token.state() == TokenState.State.NOT_SENT) {
            lines.add(token.line());
            return new CredentialFailure(Outcome.NOT_SENT, lines);
        }
        if (row.says(LoginStatus.MFA_REQUIRED)) {
            return new CredentialFailure(Outcome.OTHER_REASON, lines);
        }
        EffectivePermissions perms = f.org().available() ? f.org().permissions() : null;
        boolean credentialShaped = row.says(LoginStatus.INVALID_PASSWORD, LoginStatus.MUST_USE_API_TOKEN,
                LoginStatus.CHALLENGE_ISSUED, LoginStatus.CHALLENGE_PENDING)
                || (!row.namesOtherReasonThan(Cause.WRONG_PASSWORD) && row.kind() != ExplainingRow.Kind.SUCCESS_CLOSEST);
        if (perms != null && Boolean.TRUE.equals(perms.mfaForApiLogins()) && !f.scope().different() && credentialShaped) {
            lines.add("the user has Multi-Factor Authentication for API Logins" + grantedBy(perms)
                    + ": a security token is rejected, the password must be followed by a TOTP code");
            return new CredentialFailure(Outcome.MFA_FOR_API_LOGINS, lines);
        }
        if (err.securityTokenRequired()) {
            lines.add(err.describe() + ": Salesforce asked for the security token");
            return new CredentialFailure(Outcome.TOKEN_REQUIRED, lines);
        }
        if (row.says(LoginStatus.MUST_USE_API_TOKEN, LoginStatus.CHALLENGE_ISSUED, LoginStatus.CHALLENGE_PENDING)) {
            return new CredentialFailure(Outcome.TOKEN_REQUIRED, lines);
        }
        if (row.namesOtherReasonThan(Cause.WRONG_PASSWORD)) {
            return new CredentialFailure(Outcome.OTHER_REASON, lines);
        }
        boolean invalidPasswordRow = row.says(LoginStatus.INVALID_PASSWORD);
        boolean bundledErrorOnly = !invalidPasswordRow && row.kind() == ExplainingRow.Kind.HISTORY_UNKNOWN
                && err.genericCredentialFailure();
        if (!invalidPasswordRow && !bundledErrorOnly) {
            lines.add("no credential failure is on record for this attempt (no 'Invalid Password' row)");
            return new CredentialFailure(Outcome.UNDECIDED, lines);
        }
        if (perms != null && Boolean.TRUE.equals(perms.ssoEnabled()) && !f.scope().different()) {
            lines.add("the user has Is Single Sign-On Enabled" + grantedBy(perms)
                    + ": Salesforce hands the password to the org's delegated authentication service and never checks it itself");
            return new CredentialFailure(Outcome.DELEGATED, lines);
        }
        if (bundledErrorOnly) {
            lines.add(err.describe() + " (the bundled error; the LoginHistory row that would say why is unknown)");
        }
        lines.add(token.line());
        return switch (token.state()) {
            case STALE -> new CredentialFailure(Outcome.STALE_TOKEN, lines);
            case NOT_REQUIRED, KNOWN_GOOD -> {
                if (invalidPasswordRow) {
                    yield new CredentialFailure(Outcome.WRONG_PASSWORD, lines);
                }
                lines.add("without the LoginHistory row the bundled error could also be a lockout, an IP or hours restriction");
                yield new CredentialFailure(Outcome.UNDECIDED, lines);
            }
            default -> {
                lines.add("the password or the security token could be wrong: the token could be stale");
                yield new CredentialFailure(Outcome.UNDECIDED, lines);
            }
        };
    }

    static String grantedBy(EffectivePermissions perms) {
        return perms.grantedBy().isEmpty() ? "" : " (from " + String.join(", ", perms.grantedBy()) + ")";
    }
}
