package dev.logindoctor.model;

import java.time.Instant;
import java.util.List;

/**
 * A risk found ahead of the failure, on positive evidence.
 *
 * @param dueAt    when it bites; null when no date exists (a retirement without a published day)
 * @param evidence what was read that shows it, one line each
 * @param fix      the exact fix, naming the Setup path
 */
public record RiskFinding(Risk risk, Instant dueAt, List<String> evidence, String fix) {
    public RiskFinding {
        if (risk == null || fix == null || fix.isBlank()) {
            throw new IllegalArgumentException("a risk finding needs its risk and a fix");
        }
        evidence = evidence == null ? List.of() : List.copyOf(evidence);
    }
}
