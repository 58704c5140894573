package dev.logindoctor.steps;

import dev.logindoctor.model.FailureReport;
import dev.logindoctor.model.UserRecord;

import java.time.Duration;

/**
 * What is known about the security token the integration appends to its password. A password change
 * or reset issues a new token, so a change after the credential was stored makes the stored token
 * stale; a change long before it does not. An address inside the profile's Login IP Ranges needs no
 * token at all (docs/salesforce-wire-facts.md#the-order-salesforce-checks-a-login-in), which outranks the dates.
 */
public record TokenState(State state, String line) {

    public enum State { NOT_SENT, NOT_REQUIRED, STALE, KNOWN_GOOD, UNKNOWN }

    public static TokenState of(Facts f) {
        FailureReport report = f.report();
        if (report.flow() == null || !report.flow().sendsPassword()) {
            return new TokenState(State.NOT_SENT, "the " + report.flow() + " flow sends no password and no security token");
        }
        if (f.scope().different()) {
            return new TokenState(State.UNKNOWN, "the token cannot be judged from this org: " + f.scope().reason());
        }
        if (f.ip().result() == IpCheck.Result.INSIDE) {
            return new TokenState(State.NOT_REQUIRED, f.ip().line() + ": no security token is required from there");
        }
        UserRecord user = f.org().user();
        if (user == null) {
            return new TokenState(State.UNKNOWN, f.org().userLookup() == dev.logindoctor.model.Lookup.NOT_FOUND
                    ? "the token's age is unknown: no user " + report.username() + " in this org"
                    : "the token's age is unknown: the user was not read (" + f.org().gap("user") + ")");
        }
        if (user.lastPasswordChangeDate() == null) {
            return new TokenState(State.UNKNOWN, "the token's age is unknown: User.LastPasswordChangeDate is empty");
        }
        if (report.credentialUpdatedAt() == null) {
            return new TokenState(State.UNKNOWN, "password last changed or reset " + Times.at(user.lastPasswordChangeDate())
                    + "; the report has no credentialUpdatedAt, so whether the stored token predates that reset is unknown"
                    + " (add credentialUpdatedAt to the report)");
        }
        Duration gap = Duration.between(report.credentialUpdatedAt(), user.lastPasswordChangeDate());
        if (user.lastPasswordChangeDate().isAfter(report.credentialUpdatedAt())) {
            return new TokenState(State.STALE, "password changed or reset " + Times.at(user.lastPasswordChangeDate()) + ", "
                    + Times.minutes(gap) + " after the credential was last updated (" + Times.at(report.credentialUpdatedAt())
                    + "): that reset issued a new security token the credential does not have");
        }
        return new TokenState(State.KNOWN_GOOD, "password last changed or reset " + Times.at(user.lastPasswordChangeDate())
                + ", " + Times.minutes(gap) + " before the credential was last updated (" + Times.at(report.credentialUpdatedAt())
                + "): the stored token is the current one");
    }
}
