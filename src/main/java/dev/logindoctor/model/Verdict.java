package dev.logindoctor.model;

/** What one elimination step concluded about its own cause. */
public enum Verdict {
    /** Positive evidence for the cause. */
    CONFIRMED,
    /** Evidence against the cause. */
    RULED_OUT,
    /** Neither: missing evidence, an unavailable source, or a step that failed. */
    INCONCLUSIVE
}
