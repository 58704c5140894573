package dev.logindoctor.probe;

import dev.logindoctor.model.RiskFinding;
import dev.logindoctor.model.RiskReport;

import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/**
 * After a healthy login: the risk check, the integration's risks item replaced with what it found,
 * and a RiskDetected announcement only for a risk that appeared or whose date moved closer by more
 * than the threshold since it was last announced, so an unchanged org is announced once, not every run.
 */
public final class RiskWatch {
    /** A due date that moves closer by less than this is the same news. */
    public static final Duration DEFAULT_CLOSER_THRESHOLD = Duration.ofDays(1);

    private final RiskChecker checker;
    private final IntegrationRegistry registry;
    private final RiskNotifier notifier;
    private final Duration closerThreshold;

    public RiskWatch(RiskChecker checker, IntegrationRegistry registry, RiskNotifier notifier, Duration closerThreshold) {
        this.checker = checker;
        this.registry = registry;
        this.notifier = notifier;
        this.closerThreshold = closerThreshold;
    }

    /** Runs the check for a healthily logged-in integration; returns one line for the probe's detail. */
    public String afterHealthyLogin(Integration integration, VersionedSecret credential) {
        RiskReport report = checker.check(integration, credential);
        RiskRecord previous = registry.risks(integration.id()).orElse(null);
        List<RiskRecord.Entry> entries = new ArrayList<>();
        List<String> notAnnounced = new ArrayList<>();
        for (RiskFinding f : report.risks()) {
            RiskRecord.Entry before = previous == null ? null : previous.entry(f.risk()).orElse(null);
            String why = news(before, f);
            boolean notified = before != null && before.notified();
            java.time.Instant notifiedDueAt = before == null ? null : before.notifiedDueAt();
            if (why != null) {
                try {
                    notifier.riskDetected(integration.id(), f, why);
                    notified = true;
                    notifiedDueAt = f.dueAt();
                } catch (RuntimeException e) {
                    // Left unannounced: the next run tries again.
                    notAnnounced.add(f.risk() + " (" + e.getClass().getSimpleName() + ")");
                }
            }
            entries.add(new RiskRecord.Entry(f.risk(), f.dueAt(), f.fix(), notified, notifiedDueAt));
        }
        // A risk that could not be judged this time is a gap, not gone: keep it as it stood, so it is not announced again.
        if (previous != null) {
            report.gaps().forEach(g -> previous.entry(g.risk()).ifPresent(entries::add));
        }
        registry.recordRisks(new RiskRecord(integration.id(), report.checkedAt(), entries, report.gaps().size()));
        return summary(report) + (notAnnounced.isEmpty() ? "" : "; not announced yet: " + String.join(", ", notAnnounced));
    }

    /** Why this finding is news, or null when it was already announced as it stands. */
    private String news(RiskRecord.Entry before, RiskFinding now) {
        if (before == null || !before.notified()) {
            return "appeared";
        }
        if (now.dueAt() == null) {
            return null;
        }
        if (before.notifiedDueAt() == null) {
            return "now has a date";
        }
        return now.dueAt().isBefore(before.notifiedDueAt().minus(closerThreshold)) ? "moved closer, from " + before.notifiedDueAt() : null;
    }

    private static String summary(RiskReport report) {
        if (report.diagnosticsFailure() != null) {
            return "risk check: the diagnostics connection failed: " + report.diagnosticsFailure();
        }
        List<String> found = report.risks().stream()
                .map(f -> f.risk() + (f.dueAt() == null ? "" : " " + f.dueAt().truncatedTo(ChronoUnit.MINUTES)))
                .toList();
        return found.isEmpty() ? "no risk ahead found" + (report.gaps().isEmpty() ? "" : " (" + report.gaps().size() + " not judged)")
                : found.size() + " risk(s) ahead: " + String.join(", ", found);
    }
}
