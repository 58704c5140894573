package dev.logindoctor.steps;

import dev.logindoctor.model.Cause;
import dev.logindoctor.model.Finding;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;

/** What every check shares: its cause, what it reads, and findings named after the step. */
abstract class BaseCheck implements EliminationStep {
    private final Cause cause;
    private final boolean needsOrg;
    private final boolean needsTrust;

    BaseCheck(Cause cause, boolean needsOrg, boolean needsTrust) {
        this.cause = cause;
        this.needsOrg = needsOrg;
        this.needsTrust = needsTrust;
    }

    @Override
    public final Cause cause() {
        return cause;
    }

    @Override
    public final boolean needsOrg() {
        return needsOrg;
    }

    @Override
    public final boolean needsTrust() {
        return needsTrust;
    }

    Finding confirmed(List<String> evidence, String remediation) {
        return Finding.confirmed(name(), cause, distinct(evidence), remediation);
    }

    Finding ruledOut(List<String> evidence) {
        return Finding.ruledOut(name(), cause, distinct(evidence));
    }

    Finding inconclusive(List<String> evidence) {
        return Finding.inconclusive(name(), cause, distinct(evidence));
    }

    /** Evidence lines in order, each once, no blanks. */
    static List<String> distinct(List<String> lines) {
        LinkedHashSet<String> seen = new LinkedHashSet<>();
        for (String line : lines) {
            if (line != null && !line.isBlank()) {
                seen.add(line);
            }
        }
        return new ArrayList<>(seen);
    }

    /** Concatenates evidence lines from several readings. */
    @SafeVarargs
    static List<String> lines(List<String>... parts) {
        List<String> out = new ArrayList<>();
        for (List<String> part : parts) {
            out.addAll(part);
        }
        return out;
    }

    static String secretRef(String credentialSecret) {
        return credentialSecret == null || credentialSecret.isBlank() ? "the integration's credential secret"
                : "the credential secret " + credentialSecret;
    }
}
