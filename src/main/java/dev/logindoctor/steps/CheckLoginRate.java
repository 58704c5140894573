package dev.logindoctor.steps;

import dev.logindoctor.model.Cause;
import dev.logindoctor.model.Evidence;
import dev.logindoctor.model.Finding;
import dev.logindoctor.model.LoginHistoryRow;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** LOGIN_RATE_EXCEEDED: too many logins for the user in the hour (a row, or {@code rate_limit_exceeded}). */
public final class CheckLoginRate extends BaseCheck {

    public CheckLoginRate() {
        super(Cause.LOGIN_RATE_EXCEEDED, true, false);
    }

    @Override
    public Finding check(Evidence evidence) {
        Facts f = Facts.of(evidence);
        ErrorSignals err = f.errors();
        if (f.row().says(LoginStatus.RATE_EXCEEDED, LoginStatus.LOGINS_EXCEEDED)) {
            return confirmed(f.row().lines(), remediation(f));
        }
        if (err.rateExceeded()) {
            return confirmed(lines(List.of(err.describe()), f.row().lines()), remediation(f));
        }
        List<String> lines = new ArrayList<>(f.row().lines());
        if (f.row().kind() == ExplainingRow.Kind.ROW && f.row().status().isRecognized()) {
            lines.add("Salesforce recorded another reason for the failing attempt than the login rate");
            return ruledOut(lines);
        }
        return inconclusive(lines);
    }

    private static String remediation(Facts f) {
        Instant first = null;
        for (LoginHistoryRow r : f.row().userRows()) {
            LoginStatus s = LoginStatus.of(r.status());
            if (s == LoginStatus.RATE_EXCEEDED || s == LoginStatus.LOGINS_EXCEEDED) {
                first = r.loginTime();
                break;
            }
        }
        String wait = first == null ? "wait for the hour to roll over"
                : "wait for the hour to roll over (the first refusal in the history read was at " + Times.at(first)
                + ", so logins should pass again by about " + Times.at(first.plus(Duration.ofHours(1))) + ")";
        return "Cache and reuse the session or access token instead of logging in for every call (a session lasts 2 hours by default); "
                + "the login limit counts per user per hour, so " + wait + ".";
    }
}
