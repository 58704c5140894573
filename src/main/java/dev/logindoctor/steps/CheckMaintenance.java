package dev.logindoctor.steps;

import dev.logindoctor.model.Cause;
import dev.logindoctor.model.Evidence;
import dev.logindoctor.model.Finding;
import dev.logindoctor.model.TrustEvent;
import dev.logindoctor.model.TrustEvidence;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * ORG_MAINTENANCE: a Salesforce maintenance or core incident on the org's instance covered the
 * failure (Trust API), or the history says the org was in maintenance.
 */
public final class CheckMaintenance extends BaseCheck {

    /** Trust's planned windows and incident times are approximate: allow this much either side. */
    static final Duration SLACK = Duration.ofMinutes(10);
    /** The instance's current status speaks for the failure only when the failure is this recent. */
    static final Duration RECENT = Duration.ofMinutes(30);
    private static final Set<String> DOWN_STATUSES = Set.of("MAINTENANCE_CORE", "MAJOR_INCIDENT_CORE");

    private final Clock clock;

    public CheckMaintenance() {
        this(Clock.systemUTC());
    }

    /** With the clock that says whether the failure is recent enough for the instance's current status. */
    public CheckMaintenance(Clock clock) {
        super(Cause.ORG_MAINTENANCE, true, true);
        this.clock = clock;
    }

    @Override
    public Finding check(Evidence evidence) {
        Facts f = Facts.of(evidence);
        TrustEvidence trust = f.trust();
        Instant failedAt = f.report().failedAt();
        if (f.row().says(LoginStatus.ORG_IN_MAINTENANCE)) {
            String key = trust != null && trust.instanceKey() != null ? trust.instanceKey() : instanceName(f);
            return confirmed(f.row().lines(), "Salesforce recorded the org as in maintenance: wait for it to end (see "
                    + statusLink(key) + "), then retry once. Don't rotate credentials: they are not the problem.");
        }
        if (trust == null || !trust.available()) {
            return inconclusive(List.of("Salesforce Trust unavailable: " + (trust == null ? "not fetched" : trust.unavailableReason())));
        }
        if (trust.instanceKey() == null || trust.instanceKey().isBlank()) {
            return inconclusive(List.of("the org's instance is unknown, so Trust cannot say whether it was in maintenance"));
        }
        if (failedAt == null) {
            return inconclusive(List.of("the report has no failedAt to compare with Trust's maintenances"));
        }
        String key = trust.instanceKey();
        List<String> lines = new ArrayList<>();
        Optional<TrustEvent> covering = trust.events().stream()
                .filter(e -> e != null && !canceled(e) && e.covers(failedAt, SLACK.toSeconds()))
                .filter(TrustEvent::core)
                .filter(e -> !e.loginsStayAvailable())
                .min(Comparator.comparing(e -> e.kind() == TrustEvent.Kind.MAINTENANCE ? 1 : 0));
        if (covering.isPresent()) {
            TrustEvent e = covering.get();
            lines.add(describe(e, key) + " covers the failure at " + Times.at(failedAt));
            String until = e.end() == null ? "it is still open" : "it ends " + Times.at(e.end());
            return confirmed(lines, "Salesforce " + kind(e) + " on " + key + ": " + until + ". Wait for it to end (follow "
                    + statusLink(key) + "), then retry once. Don't rotate credentials: they are not the problem.");
        }
        boolean nonCoreCovering = false;
        for (TrustEvent e : trust.events()) {
            if (e == null) {
                continue;
            }
            if (canceled(e)) {
                lines.add(describe(e, key) + " was canceled");
            } else if (e.covers(failedAt, SLACK.toSeconds()) && e.loginsStayAvailable()) {
                nonCoreCovering = true;
                lines.add(describe(e, key) + " covers the failure, but Trust says logins stay available during it ("
                        + e.availability() + ")");
            } else if (e.covers(failedAt, SLACK.toSeconds())) {
                nonCoreCovering = true;
                lines.add(describe(e, key) + " covers the failure, but Trust marks it as not affecting core services (logins)");
            } else {
                lines.add(describe(e, key) + " does not cover the failure at " + Times.at(failedAt) + distance(e, failedAt));
            }
        }
        String status = trust.instanceStatus() == null ? "" : trust.instanceStatus().strip().toUpperCase(Locale.ROOT);
        if (DOWN_STATUSES.contains(status)) {
            Duration age = Duration.between(failedAt, clock.instant());
            if (age.compareTo(RECENT) <= 0) {
                lines.add("Trust shows " + key + " as " + status + " now, and the failure was " + Times.minutes(age) + " ago");
                return confirmed(lines, "Salesforce reports " + status + " on " + key + ": wait for it to clear (follow "
                        + statusLink(key) + "), then retry once. Don't rotate credentials: they are not the problem.");
            }
            lines.add("Trust shows " + key + " as " + status + " now, but the failure was " + Times.minutes(age)
                    + " ago: the current status does not speak for it");
            return inconclusive(lines);
        }
        if (nonCoreCovering) {
            return inconclusive(lines);
        }
        lines.add(0, "Trust: no maintenance or core incident on " + key + " within " + SLACK.toMinutes()
                + " min of the failure at " + Times.at(failedAt) + (status.isEmpty() ? "" : "; status now " + status));
        return ruledOut(lines);
    }

    private static boolean canceled(TrustEvent e) {
        return e.status() != null && e.status().toLowerCase(Locale.ROOT).contains("cancel");
    }

    private static String kind(TrustEvent e) {
        return e.kind() == TrustEvent.Kind.MAINTENANCE ? "maintenance" : "incident";
    }

    private static String describe(TrustEvent e, String key) {
        return "Trust " + kind(e) + (e.id() == null ? "" : " " + e.id()) + (e.name() == null || e.name().isBlank() ? "" : " '" + e.name() + "'")
                + " on " + key + " (" + Times.at(e.start()) + "–" + (e.end() == null ? "open" : Times.at(e.end())) + ")";
    }

    private static String distance(TrustEvent e, Instant failedAt) {
        if (e.end() != null && e.end().isBefore(failedAt)) {
            return ": it ended " + Times.minutes(Duration.between(e.end(), failedAt)) + " before";
        }
        if (e.start() != null && e.start().isAfter(failedAt)) {
            return ": it started " + Times.minutes(Duration.between(failedAt, e.start())) + " after";
        }
        return "";
    }

    private static String instanceName(Facts f) {
        return f.org().available() && f.org().organization() != null ? f.org().organization().instanceName() : null;
    }

    static String statusLink(String instanceKey) {
        return instanceKey == null || instanceKey.isBlank() ? "https://status.salesforce.com"
                : "https://status.salesforce.com/instances/" + instanceKey;
    }
}
