package dev.logindoctor.steps;

import dev.logindoctor.model.Cause;
import dev.logindoctor.model.Evidence;
import dev.logindoctor.model.Finding;
import dev.logindoctor.model.Lookup;
import dev.logindoctor.model.OrgEvidence;
import dev.logindoctor.model.UserRecord;

import java.util.List;

/** USER_INACTIVE: the user is deactivated ({@code User.IsActive = false}, {@code inactive_user}, or a row). */
public final class CheckInactive extends BaseCheck {

    public CheckInactive() {
        super(Cause.USER_INACTIVE, true, false);
    }

    @Override
    public Finding check(Evidence evidence) {
        Facts f = Facts.of(evidence);
        String user = f.username();
        ErrorSignals err = f.errors();
        if (err.userInactive()) {
            return confirmed(List.of(err.describe()), remediation(user));
        }
        if (f.row().says(LoginStatus.USER_INACTIVE)) {
            return confirmed(f.row().lines(), remediation(user));
        }
        OrgEvidence org = f.org();
        if (!org.available()) {
            return inconclusive(List.of("whether the user is active is unknown: " + org.gap("user")));
        }
        if (f.scope().different()) {
            return inconclusive(List.of("the account state is not evidence: " + f.scope().reason()));
        }
        UserRecord record = org.user();
        if (org.userLookup() != Lookup.FOUND || record == null) {
            return inconclusive(List.of(org.userLookup() == Lookup.NOT_FOUND
                    ? "no user " + f.report().username() + " in this org to be active or not"
                    : "whether the user is active is unknown: " + org.gap("user")));
        }
        if (record.active() == null) {
            return inconclusive(List.of("whether the user is active is unknown: " + org.gap("user")));
        }
        if (!record.active()) {
            return confirmed(List.of("User.IsActive = false for " + user), remediation(user));
        }
        return ruledOut(List.of("User.IsActive = true for " + user));
    }

    private static String remediation(String user) {
        return "Setup → Users → " + user + " → Edit → tick Active → Save (needs a free license of the user's type).";
    }
}
