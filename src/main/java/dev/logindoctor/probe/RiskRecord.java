package dev.logindoctor.probe;

import dev.logindoctor.model.Risk;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The integration's current risks (item {@code pk = INTEGRATION#{id}, sk = RISKS}): replaced by every
 * risk check after a healthy login, so it holds what is true now and never grows.
 *
 * @param gaps how many risk kinds could not be judged at the last check
 */
public record RiskRecord(String integrationId, Instant checkedAt, List<Entry> risks, int gaps) {

    /**
     * @param notifiedDueAt the dueAt last announced in a RiskDetected event; {@code notified} false until one was published
     */
    public record Entry(Risk risk, Instant dueAt, String fix, boolean notified, Instant notifiedDueAt) {
    }

    public RiskRecord {
        risks = risks == null ? List.of() : List.copyOf(risks);
    }

    public Optional<Entry> entry(Risk risk) {
        return risks.stream().filter(e -> e.risk() == risk).findFirst();
    }

    /** The soonest dated risk, else the first undated one. */
    public Optional<Entry> nearest() {
        return risks.stream().min(Comparator.comparing(Entry::dueAt, Comparator.nullsLast(Comparator.naturalOrder()))
                .thenComparing(Entry::risk));
    }
}
