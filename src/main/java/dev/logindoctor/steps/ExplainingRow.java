package dev.logindoctor.steps;

import dev.logindoctor.model.Cause;
import dev.logindoctor.model.FailureReport;
import dev.logindoctor.model.LoginFlow;
import dev.logindoctor.model.LoginHistoryRow;
import dev.logindoctor.model.Lookup;
import dev.logindoctor.model.OrgEvidence;
import dev.logindoctor.model.SalesforceId;
import dev.logindoctor.model.UserRecord;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The LoginHistory row that explains the failure: the failing user's row closest to {@code failedAt}
 * within the clock-skew window. Older or later rows are context, never proof; rows of other users
 * are ignored; a Success row closest to the failure means the history does not explain it. When no
 * row is near, {@link #absence()} says what that absence means for this user and flow.
 */
public final class ExplainingRow {

    /**
     * The integration's clock and Salesforce's can disagree, and the report may be sent a little after
     * the call failed: rows within this distance of failedAt may be the failing attempt.
     */
    public static final Duration CLOCK_SKEW = Duration.ofMinutes(5);

    public enum Kind {
        /** A failure row explains it (its status may be unrecognized: see {@link #status()}). */
        ROW,
        /** The closest row is a Success: the history does not explain the failure. */
        SUCCESS_CLOSEST,
        /** The history was read and holds no row of the user near failedAt. */
        NO_ROWS,
        /** The history could not be read. */
        HISTORY_UNKNOWN,
        /** The history belongs to another org than the one the login went to. */
        OTHER_ORG,
        /** The report has no failure time. */
        FAILED_AT_UNKNOWN
    }

    private final Kind kind;
    private final LoginHistoryRow row;
    private final LoginStatus status;
    private final List<String> lines;
    private final String absence;
    private final List<LoginHistoryRow> userRows;

    private ExplainingRow(Kind kind, LoginHistoryRow row, LoginStatus status, List<String> lines, String absence,
                          List<LoginHistoryRow> userRows) {
        this.kind = kind;
        this.row = row;
        this.status = status;
        this.lines = List.copyOf(lines);
        this.absence = absence;
        this.userRows = List.copyOf(userRows);
    }

    public static ExplainingRow of(FailureReport report, OrgEvidence org) {
        if (org == null || !org.available() || org.loginHistory() == null) {
            String why = org == null ? "LoginHistory was not read" : "LoginHistory unknown: " + org.gap("loginHistory");
            return new ExplainingRow(Kind.HISTORY_UNKNOWN, null, null, List.of(why), null, List.of());
        }
        OrgScope scope = OrgScope.of(report, org);
        if (scope.different()) {
            return new ExplainingRow(Kind.OTHER_ORG, null, null,
                    List.of("LoginHistory is not evidence: " + scope.reason()), null, List.of());
        }
        Instant failedAt = report.failedAt();
        if (failedAt == null) {
            return new ExplainingRow(Kind.FAILED_AT_UNKNOWN, null, null,
                    List.of("the report has no failedAt: no LoginHistory row can be tied to the failure"), null, List.of());
        }

        List<String> lines = new ArrayList<>();
        UserRecord user = org.user();
        List<LoginHistoryRow> mine = new ArrayList<>();
        int otherUsers = 0;
        int untimed = 0;
        for (LoginHistoryRow r : org.loginHistory()) {
            if (r == null) {
                continue;
            }
            if (r.userId() != null && user != null && user.id() != null && !SalesforceId.same(r.userId(), user.id())) {
                otherUsers++;
            } else if (r.loginTime() == null) {
                untimed++;
            } else {
                mine.add(r);
            }
        }
        mine.sort(Comparator.comparing(LoginHistoryRow::loginTime));
        if (otherUsers > 0) {
            lines.add(otherUsers + " LoginHistory row(s) of other users ignored");
        }
        if (untimed > 0) {
            lines.add(untimed + " LoginHistory row(s) without LoginTime ignored");
        }

        // Only the integration's own kind of login from its address can be the failing attempt: the user's UI,
        // SSO and other apps' rows near the failure are context (IntegrationRows says which is which).
        IntegrationRows integration = IntegrationRows.of(report, mine);
        Map<String, Integer> others = new LinkedHashMap<>();
        List<LoginHistoryRow> near = new ArrayList<>();
        for (LoginHistoryRow r : mine) {
            if (distance(r, failedAt).compareTo(CLOCK_SKEW) > 0) {
                continue;
            }
            String other = integration.otherClient(r);
            if (other == null) {
                near.add(r);
            } else {
                others.merge(other, 1, Integer::sum);
            }
        }
        others.forEach((why, n) -> lines.add(n + " LoginHistory row(s) near the failure from another client (" + why
                + ", not the " + (report.flow() == null ? "" : report.flow() + " ") + "integration's) are context, not its attempt"));
        // A Success row is never the failing attempt: the closest failure row is, unless a Success lies
        // between it and failedAt (the user logged in fine after that failure, so it was an earlier one).
        // A Success after the failure (a retry once the secret was fixed) takes nothing away from it.
        LoginHistoryRow failure = near.stream().filter(r -> !LoginStatus.of(r.status()).isSuccess())
                .min(Comparator.comparing((LoginHistoryRow r) -> distance(r, failedAt))).orElse(null);
        LoginHistoryRow success = near.stream().filter(r -> LoginStatus.of(r.status()).isSuccess())
                .filter(r -> failure == null || between(r.loginTime(), failure.loginTime(), failedAt))
                .min(Comparator.comparing((LoginHistoryRow r) -> distance(r, failedAt))).orElse(null);
        LoginHistoryRow closest = success != null ? success : failure;

        if (closest == null) {
            lines.addAll(context(mine, null, failedAt));
            String absence = absence(report, org);
            lines.add(absence);
            return new ExplainingRow(Kind.NO_ROWS, null, null, lines, absence, mine);
        }
        LoginStatus status = LoginStatus.of(closest.status());
        List<String> out = new ArrayList<>();
        if (status.isSuccess()) {
            out.add((failure == null ? "the LoginHistory row closest to the failure (" + Times.at(failedAt) + ") is a Success at "
                    : "a Success at " + Times.at(closest.loginTime()) + " lies between the '" + failure.status() + "' row at "
                    + Times.at(failure.loginTime()) + " and the failure (" + Times.at(failedAt) + "), so that row was an earlier attempt;"
                    + " the Success is at ") + Times.at(closest.loginTime()) + ": the history does not explain the failure");
        } else {
            out.add(describe(closest, status, failedAt));
        }
        out.addAll(lines);
        out.addAll(context(mine, closest, failedAt));
        return new ExplainingRow(status.isSuccess() ? Kind.SUCCESS_CLOSEST : Kind.ROW, closest, status, out, null, mine);
    }

    private static String describe(LoginHistoryRow r, LoginStatus status, Instant failedAt) {
        String where = (r.sourceIp() == null || r.sourceIp().isBlank() ? "" : " from " + r.sourceIp())
                + (r.application() == null || r.application().isBlank() ? "" : " via " + r.application());
        String when = Times.at(r.loginTime()) + (r.loginTime().equals(failedAt) ? " (at failedAt)"
                : " (" + Times.minutes(Duration.between(failedAt, r.loginTime())) + (r.loginTime().isBefore(failedAt) ? " before" : " after") + " failedAt)");
        if (!status.isRecognized()) {
            return "LoginHistory row at " + when + where + " has Status '" + r.status()
                    + "', which is not in the LOGIN_STATUS dictionary: no opinion";
        }
        return "LoginHistory row at " + when + where + ": Status '" + r.status() + "'";
    }

    /** Rows other than the explaining one, grouped by status: context, never proof. */
    private static List<String> context(List<LoginHistoryRow> rows, LoginHistoryRow explaining, Instant failedAt) {
        Map<String, List<Instant>> earlier = new LinkedHashMap<>();
        Map<String, List<Instant>> later = new LinkedHashMap<>();
        for (LoginHistoryRow r : rows) {
            if (r == explaining) {
                continue;
            }
            String key = r.status() == null || r.status().isBlank() ? "(no Status)" : r.status();
            (r.loginTime().isAfter(failedAt) ? later : earlier).computeIfAbsent(key, k -> new ArrayList<>()).add(r.loginTime());
        }
        List<String> out = new ArrayList<>();
        earlier.forEach((s, times) -> out.add(summary(times, "earlier", s)));
        later.forEach((s, times) -> out.add(summary(times, "later", s)));
        return out;
    }

    private static String summary(List<Instant> times, String when, String status) {
        String span = times.size() == 1 ? Times.at(times.get(0)) : Times.at(times.get(0)) + "–" + Times.at(times.get(times.size() - 1));
        String unknown = LoginStatus.of(status).isRecognized() ? "" : " (not in the LOGIN_STATUS dictionary)";
        return "context, not proof: " + times.size() + " " + when + " '" + status + "' row" + (times.size() == 1 ? "" : "s")
                + unknown + " (" + span + ")";
    }

    /** What the lack of any row near the failure says, by case. */
    private static String absence(FailureReport report, OrgEvidence org) {
        String window = "within ±" + CLOCK_SKEW.toMinutes() + " min of " + Times.at(report.failedAt());
        if (org.userLookup() == Lookup.NOT_FOUND) {
            return "no LoginHistory row " + window + ": consistent with a username that does not exist in this org";
        }
        if (org.userLookup() != Lookup.FOUND) {
            return "no LoginHistory row " + window + ", and the user could not be looked up";
        }
        LoginFlow flow = report.flow();
        if (flow != null && flow.sendsPassword()) {
            return "no LoginHistory row for the user " + window + ": a " + flow
                    + " login that reached this org would have left one, so the attempt probably went to another org or host";
        }
        if (flow == LoginFlow.OAUTH_JWT) {
            return "no LoginHistory row for the user " + window
                    + ": JWT assertion and connected-app failures can fail before a user is established, leaving no row";
        }
        return "no LoginHistory row for the user " + window + ": token-endpoint failures of the " + flow
                + " flow can leave none";
    }

    /** True when {@code t} lies after {@code from} and no later than {@code to}, in either direction of time. */
    private static boolean between(Instant t, Instant from, Instant to) {
        return from.isBefore(to) ? t.isAfter(from) && !t.isAfter(to) : t.isBefore(from) && !t.isBefore(to);
    }

    private static Duration distance(LoginHistoryRow r, Instant failedAt) {
        return Duration.between(failedAt, r.loginTime()).abs();
    }

    public Kind kind() {
        return kind;
    }

    /** The explaining failure row, when {@link #kind()} is ROW. */
    public Optional<LoginHistoryRow> row() {
        return kind == Kind.ROW ? Optional.of(row) : Optional.empty();
    }

    /** The explaining row's status; UNRECOGNIZED when there is no explaining failure row. */
    public LoginStatus status() {
        return kind == Kind.ROW ? status : LoginStatus.UNRECOGNIZED;
    }

    /** True when the explaining row's status is one of {@code statuses}. */
    public boolean says(LoginStatus... statuses) {
        LoginStatus s = status();
        for (LoginStatus wanted : statuses) {
            if (s == wanted) {
                return true;
            }
        }
        return false;
    }

    /**
     * True when a recognized explaining row gives a reason other than the ones in {@code mine}: the
     * attempt failed for that recorded reason, so configuration alone must not confirm another cause.
     */
    public boolean namesOtherReasonThan(Cause... mine) {
        if (kind != Kind.ROW || !status.isRecognized()) {
            return false;
        }
        for (Cause c : mine) {
            if (status.couldMean(c)) {
                return false;
            }
        }
        return true;
    }

    /** Where the failing call came from: the explaining row's SourceIp (what Salesforce saw, after NAT), else the report's. */
    public String sourceIp(FailureReport report) {
        if (kind == Kind.ROW && row.sourceIp() != null && !row.sourceIp().isBlank()) {
            return row.sourceIp().strip();
        }
        return report.sourceIp() == null || report.sourceIp().isBlank() ? null : report.sourceIp().strip();
    }

    /** Evidence lines: the explaining row (or its absence) and the context. */
    public List<String> lines() {
        return lines;
    }

    /** What no row near the failure means, when {@link #kind()} is NO_ROWS. */
    public String absence() {
        return absence;
    }

    /** The failing user's timed rows, oldest first. */
    public List<LoginHistoryRow> userRows() {
        return userRows;
    }
}
