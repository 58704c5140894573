package dev.logindoctor.engine;

import dev.logindoctor.model.Diagnosis;
import dev.logindoctor.model.FailureReport;
import dev.logindoctor.steps.EliminationStep;

import java.time.Clock;
import java.util.List;
import java.util.UUID;

/**
 * Runs the steps in the state machine's order, in-process, stopping at the first confirmed cause:
 * what the state machine does on AWS, for the command line and the tests.
 */
public final class LocalDiagnosisEngine {

    private final StepRunner runner;
    private final List<EliminationStep> steps;
    private final Clock clock;

    public LocalDiagnosisEngine(EvidenceSources sources, Clock clock) {
        this(sources, StepOrder.steps(), clock);
    }

    /** With an explicit step order: the tests shuffle it to prove the order never changes the answer. */
    public LocalDiagnosisEngine(EvidenceSources sources, List<EliminationStep> steps, Clock clock) {
        this.runner = new StepRunner(sources, StepRunner.OnError.ABSORB);
        this.steps = List.copyOf(steps);
        this.clock = clock;
    }

    public Diagnosis diagnose(FailureReport report) {
        return assemble(run(report));
    }

    /** Runs the steps and returns the final state, for callers that also inspect the evidence. */
    public DiagnosisState run(FailureReport report) {
        DiagnosisState state = DiagnosisState.start(report, clock.instant());
        for (EliminationStep step : steps) {
            state = runner.run(step, state);
            if (state.confirmed().isPresent()) {
                break;
            }
        }
        return state;
    }

    public Diagnosis assemble(DiagnosisState finished) {
        return DiagnosisAssembler.assemble("local-" + UUID.randomUUID(), finished, clock.instant());
    }
}
