package dev.logindoctor.steps;

import dev.logindoctor.model.Cause;
import dev.logindoctor.model.Evidence;
import dev.logindoctor.model.Finding;

/**
 * One elimination step: pure logic over evidence, no I/O. It confirms its cause only on positive
 * evidence for it, rules it out only on evidence against it, and is otherwise inconclusive, so the
 * order of steps never changes the answer for a failure with a single cause.
 */
public interface EliminationStep {

    /** The step's name as it appears in findings and in the state machine, e.g. {@code CheckLockout}. */
    default String name() {
        return getClass().getSimpleName();
    }

    /** The cause this step confirms or rules out. */
    Cause cause();

    /** True when {@link #check} needs {@link Evidence#org()} (fetched once, before the first such step). */
    boolean needsOrg();

    /** True when {@link #check} needs {@link Evidence#trust()}. */
    boolean needsTrust();

    Finding check(Evidence evidence);
}
