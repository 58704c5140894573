package dev.logindoctor.steps;

import dev.logindoctor.model.Cause;
import dev.logindoctor.model.Evidence;
import dev.logindoctor.model.Finding;
import dev.logindoctor.model.LoginHistoryRow;
import dev.logindoctor.model.OrgSettings;

import java.time.Instant;
import java.util.List;

/**
 * WRONG_PASSWORD: an "Invalid Password" row for the failing attempt while the token is known good or
 * not required. With the token's age unknown it could be a stale token instead, so it stays inconclusive.
 */
public final class CheckPassword extends BaseCheck {

    public CheckPassword() {
        super(Cause.WRONG_PASSWORD, true, false);
    }

    @Override
    public Finding check(Evidence evidence) {
        Facts f = Facts.of(evidence);
        CredentialFailure credential = f.credential();
        List<String> lines = lines(f.row().lines(), credential.lines());
        return switch (credential.outcome()) {
            case NOT_SENT -> ruledOut(credential.lines());
            case WRONG_PASSWORD -> confirmed(lines, remediation(f));
            case TOKEN_REQUIRED -> ruledOut(lines(lines, List.of("Salesforce asked for the security token, not a different password")));
            case OTHER_REASON -> ruledOut(lines(lines, List.of("Salesforce recorded another reason than 'Invalid Password' for this attempt")));
            case STALE_TOKEN -> inconclusive(lines(lines, List.of("the whole credential predates a password change (see CheckSecurityToken)")));
            case DELEGATED -> ruledOut(lines(lines, List.of("an 'Invalid Password' row for a delegated-authentication user is the "
                    + "company's service refusing it; Salesforce's own password is never checked (see CheckDelegatedAuth)")));
            case MFA_FOR_API_LOGINS -> inconclusive(lines(lines, List.of("MFA for API Logins rejects the token whatever the password (see CheckMfa)")));
            case UNDECIDED -> inconclusive(lines);
        };
    }

    private static String remediation(Facts f) {
        String user = f.username();
        return "Setup → Users → " + user + " → Reset Password (or find the right password), then store the password"
                + (f.token().state() == TokenState.State.NOT_REQUIRED ? "" : " followed by the security token the reset emails")
                + " in " + secretRef(f.report().credentialSecret()) + ". " + attemptsLeft(f);
    }

    /** Every wrong try counts toward lockout: how many are left, when the policy and the rows tell. */
    static String attemptsLeft(Facts f) {
        OrgSettings settings = f.org().settings();
        Integer max = settings.maxInvalidLoginAttempts();
        int failed = invalidSinceLastSuccess(f);
        String count = failed + " 'Invalid Password' row" + (failed == 1 ? "" : "s") + " since the last successful login in the history read";
        if (max == null || max <= 0) {
            return "Every wrong try counts toward lockout (" + count + "; the org's maximum invalid attempts was not read). "
                    + "Stop the integration's retries until the secret is fixed.";
        }
        int left = Math.max(0, max - failed);
        return "Every wrong try counts toward lockout: " + count + ", the policy locks after " + max + ", so about " + left
                + " attempt" + (left == 1 ? "" : "s") + " left. Stop the integration's retries until the secret is fixed.";
    }

    private static int invalidSinceLastSuccess(Facts f) {
        Instant until = f.report().failedAt() == null ? Instant.MAX : f.report().failedAt().plus(ExplainingRow.CLOCK_SKEW);
        int count = 0;
        for (LoginHistoryRow r : f.row().userRows()) {
            if (r.loginTime().isAfter(until)) {
                break;
            }
            LoginStatus s = LoginStatus.of(r.status());
            if (s.isSuccess()) {
                count = 0;
            } else if (s == LoginStatus.INVALID_PASSWORD) {
                count++;
            }
        }
        return count;
    }
}
