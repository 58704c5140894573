package dev.logindoctor.risks;

import dev.logindoctor.model.Risk;
import dev.logindoctor.model.RiskAssessment;
import dev.logindoctor.model.RiskEvidence;
import dev.logindoctor.model.RiskFinding;
import dev.logindoctor.model.TrustEvent;
import dev.logindoctor.model.TrustEvidence;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * MAINTENANCE_SCHEDULED: Trust lists a core maintenance on the org's instance starting within the
 * horizon, during which logins are not said to stay available. Cancelled or finished ones, and
 * maintenances Trust marks available or read-only, are not risks.
 */
final class MaintenanceScheduled implements RiskCheck {
    private static final Set<String> OVER = Set.of("cancelled", "canceled", "completed", "complete", "resolved");

    @Override
    public Risk risk() {
        return Risk.MAINTENANCE_SCHEDULED;
    }

    @Override
    public RiskAssessment assess(RiskEvidence e) {
        TrustEvidence trust = e.trustAhead();
        if (trust == null || !trust.available()) {
            return RiskAssessment.unknown(risk(), "Trust could not be read: "
                    + (trust == null ? "it was not asked" : trust.unavailableReason()));
        }
        List<TrustEvent> ahead = trust.events().stream()
                .filter(t -> t.kind() == TrustEvent.Kind.MAINTENANCE && t.core() && !t.loginsStayAvailable())
                .filter(t -> t.status() == null || !OVER.contains(t.status().toLowerCase(Locale.ROOT)))
                .filter(t -> e.withinHorizon(t.start()))
                .sorted(Comparator.comparing(TrustEvent::start))
                .toList();
        if (ahead.isEmpty()) {
            return RiskAssessment.clear(risk(), "Trust lists no core maintenance on " + trust.instanceKey() + " in the next "
                    + Dates.horizon(e.horizon()) + " that takes logins down");
        }
        TrustEvent first = ahead.get(0);
        List<String> lines = new ArrayList<>();
        for (TrustEvent t : ahead) {
            lines.add("Trust: maintenance " + (t.id() == null ? "" : t.id() + " ") + (t.name() == null ? "" : "'" + t.name() + "' ")
                    + "on " + trust.instanceKey() + " from " + Dates.when(t.start(), e.now())
                    + (t.end() == null ? "" : " to " + t.end()) + (t.status() == null ? "" : ", " + t.status())
                    + (t.availability() == null ? "" : ", availability " + t.availability()));
        }
        return RiskAssessment.found(new RiskFinding(risk(), first.start(), lines,
                "Plan around " + first.start() + (first.end() == null ? "" : " to " + first.end()) + " (UTC): pause or reschedule "
                        + "the integration's jobs on " + trust.instanceKey() + " for that window and let them retry after it; "
                        + "logins refused then are not the credential's fault, so do not rotate or reset anything."));
    }
}
