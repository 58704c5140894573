package dev.logindoctor.steps;

import dev.logindoctor.model.Cause;
import dev.logindoctor.model.Evidence;
import dev.logindoctor.model.Finding;
import dev.logindoctor.model.LoginHistoryRow;
import dev.logindoctor.model.UserLoginState;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * USER_LOCKED_OUT: too many failed attempts locked the user ({@code UserLogin.IsPasswordLocked},
 * a "Password Lockout" row for the failing attempt, or {@code PASSWORD_LOCKOUT}).
 */
public final class CheckLockout extends BaseCheck {

    /** Salesforce's default "Lockout effective period" (Password Policies), used when the org's is unknown. */
    static final int DEFAULT_LOCKOUT_MINUTES = 15;

    private final Clock clock;

    public CheckLockout() {
        this(Clock.systemUTC());
    }

    /** With the clock that says how long until the lockout ends. */
    public CheckLockout(Clock clock) {
        super(Cause.USER_LOCKED_OUT, true, false);
        this.clock = clock;
    }

    @Override
    public Finding check(Evidence evidence) {
        Facts f = Facts.of(evidence);
        List<String> lines = new ArrayList<>();
        if (f.errors().passwordLockout()) {
            lines.add(f.errors().describe());
        }
        boolean lockoutRow = f.row().says(LoginStatus.PASSWORD_LOCKOUT);
        if (lockoutRow) {
            lines.addAll(f.row().lines());
        }
        UserLoginState state = f.org().available() && !f.scope().different() ? f.org().userLogin() : null;
        if (state != null) {
            lines.add("UserLogin.IsPasswordLocked = " + state.passwordLocked() + " for " + f.username());
        }
        if (f.errors().passwordLockout() || lockoutRow || (state != null && state.passwordLocked())) {
            if (!lockoutRow) {
                lines.addAll(f.row().lines());
            }
            return confirmed(lines, remediation(f, state));
        }
        if (f.scope().different()) {
            return inconclusive(List.of("the account state is not evidence: " + f.scope().reason()));
        }
        if (state == null) {
            lines.add("UserLogin unknown: " + f.org().gap("userLogin"));
            return inconclusive(lines(lines, f.row().lines()));
        }
        if (f.row().kind() == ExplainingRow.Kind.HISTORY_UNKNOWN || f.row().kind() == ExplainingRow.Kind.FAILED_AT_UNKNOWN) {
            lines.add("not locked now, but a lockout at the failure time could have expired since, and the history cannot tell");
            return inconclusive(lines(lines, f.row().lines()));
        }
        return ruledOut(lines(lines, f.row().lines()));
    }

    private String remediation(Facts f, UserLoginState state) {
        String user = f.username();
        String unlock = "Setup → Users → " + user + " → Unlock";
        String policy;
        Integer configured = f.org().settings().lockoutMinutes();
        Optional<Instant> lockedAt = firstLockoutRow(f);
        if (configured != null && configured <= 0) {
            policy = unlock + ": the org's lockout period is Forever, so only an admin can unlock.";
        } else {
            int minutes = configured != null ? configured : DEFAULT_LOCKOUT_MINUTES;
            String period = minutes + " min" + (configured == null ? " (Salesforce's default; the org's Password Policies were not read)" : " (the org's lockout period)");
            if (state != null && !state.passwordLocked()) {
                policy = "IsPasswordLocked is false now: the lockout has ended (period " + period + ").";
            } else if (lockedAt.isPresent()) {
                Instant ends = lockedAt.get().plus(Duration.ofMinutes(minutes));
                Instant now = clock.instant();
                policy = now.isBefore(ends)
                        ? unlock + ", or wait: locked since at least " + Times.at(lockedAt.get()) + ", period " + period
                        + ", so it unlocks by itself at about " + Times.at(ends) + " (in " + Times.minutes(Duration.between(now, ends)) + ")."
                        : unlock + ": locked since at least " + Times.at(lockedAt.get()) + " with a period of " + period
                        + ", it should have unlocked by " + Times.at(ends) + "; still locked means a longer or Forever period.";
            } else {
                policy = unlock + ", or wait for the lockout period (" + period + ") to pass.";
            }
        }
        return policy + " Fix the credential in " + secretRef(f.report().credentialSecret())
                + " first, or the integration's next run locks the user again.";
    }

    /** The first "Password Lockout" row of the current lockout: after the last success before the failure. */
    private static Optional<Instant> firstLockoutRow(Facts f) {
        Instant until = f.report().failedAt() == null ? Instant.MAX : f.report().failedAt().plus(ExplainingRow.CLOCK_SKEW);
        Instant first = null;
        for (LoginHistoryRow r : f.row().userRows()) {
            if (r.loginTime().isAfter(until)) {
                break;
            }
            LoginStatus s = LoginStatus.of(r.status());
            if (s.isSuccess()) {
                first = null;
            } else if (s == LoginStatus.PASSWORD_LOCKOUT && first == null) {
                first = r.loginTime();
            }
        }
        return Optional.ofNullable(first);
    }
}
