package dev.logindoctor.model;

/**
 * One risk kind judged for one integration: found (with its finding), clear (evidence against it),
 * or unknown (a field that could not be read: a gap, never a risk and never "no risk").
 *
 * @param note why it is clear or unknown; for a found risk, null
 */
public record RiskAssessment(Risk risk, Status status, RiskFinding finding, String note) {
    public enum Status { FOUND, CLEAR, UNKNOWN }

    public RiskAssessment {
        if (risk == null || status == null || (status == Status.FOUND) != (finding != null)) {
            throw new IllegalArgumentException("a found assessment carries a finding, and only a found one");
        }
    }

    public static RiskAssessment found(RiskFinding finding) {
        return new RiskAssessment(finding.risk(), Status.FOUND, finding, null);
    }

    public static RiskAssessment clear(Risk risk, String why) {
        return new RiskAssessment(risk, Status.CLEAR, null, why);
    }

    public static RiskAssessment unknown(Risk risk, String gap) {
        return new RiskAssessment(risk, Status.UNKNOWN, null, gap);
    }
}
