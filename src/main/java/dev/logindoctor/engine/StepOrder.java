package dev.logindoctor.engine;

import dev.logindoctor.steps.EliminationStep;

import java.util.List;
import java.util.Optional;

/**
 * The elimination steps in the order the state machine runs them (statemachine/*.asl.json; a test
 * keeps the two in step). Cheap, decisive checks on the report and the org's account state come
 * first; the order never changes the answer for a single-cause failure, only how soon it is found.
 */
public final class StepOrder {

    private static final List<EliminationStep> STEPS = List.of();

    private StepOrder() {
    }

    public static List<EliminationStep> steps() {
        return STEPS;
    }

    public static Optional<EliminationStep> byName(String name) {
        return STEPS.stream().filter(s -> s.name().equals(name)).findFirst();
    }
}
