package dev.logindoctor.model;

import java.util.List;

/**
 * One elimination step's result.
 *
 * @param step        the step's name, e.g. {@code CheckLockout}
 * @param verdict     what the step concluded about {@code cause}
 * @param cause       the cause this step examines
 * @param evidence    the facts the verdict rests on, one readable line each
 * @param remediation the exact fix (Setup path and what to change) when confirmed, else null
 */
public record Finding(String step, Verdict verdict, Cause cause, List<String> evidence, String remediation) {
    public Finding {
        evidence = evidence == null ? List.of() : List.copyOf(evidence);
    }

    public static Finding confirmed(String step, Cause cause, List<String> evidence, String remediation) {
        return new Finding(step, Verdict.CONFIRMED, cause, evidence, remediation);
    }

    public static Finding ruledOut(String step, Cause cause, List<String> evidence) {
        return new Finding(step, Verdict.RULED_OUT, cause, evidence, null);
    }

    public static Finding inconclusive(String step, Cause cause, List<String> evidence) {
        return new Finding(step, Verdict.INCONCLUSIVE, cause, evidence, null);
    }

    public boolean isConfirmed() {
        return verdict == Verdict.CONFIRMED;
    }
}
