package dev.logindoctor.aws;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import dev.logindoctor.engine.DiagnosisState;
import dev.logindoctor.engine.EvidenceSources;
import dev.logindoctor.engine.StepOrder;
import dev.logindoctor.engine.StepRunner;
import dev.logindoctor.json.Json;
import dev.logindoctor.model.Finding;
import dev.logindoctor.steps.EliminationStep;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/**
 * Every elimination step's Lambda function runs this one class; the function's {@code STEP}
 * environment variable (set in template.yaml, generated from {@link StepOrder}) says which step.
 * State in, state with the step's finding (and {@code lastVerdict}) out. Errors escape
 * (StepRunner.OnError.PROPAGATE) so the state machine's Retry and Catch handle them; a failure a
 * Catch left for the previous step becomes an INCONCLUSIVE finding first.
 */
public final class StepHandler implements RequestStreamHandler {
    private final EliminationStep step;
    private final StepRunner runner;
    private final StructuredLog log;

    /** Lambda's constructor: a missing or unknown STEP fails the init, with the variable's name in the log. */
    public StepHandler() {
        this(FunctionEnvironment.system().step(), LambdaEvidenceSources.shared());
    }

    public StepHandler(String stepName, EvidenceSources sources) {
        this(StepOrder.byName(stepName).orElseThrow(() -> new IllegalStateException(
                "no elimination step named " + stepName + " in StepOrder (the template and the step list disagree); steps: "
                        + StepOrder.steps().stream().map(EliminationStep::name).toList())), sources);
    }

    public StepHandler(EliminationStep step, EvidenceSources sources) {
        this(step, sources, StructuredLog.stdout());
    }

    public StepHandler(EliminationStep step, EvidenceSources sources, StructuredLog log) {
        this.step = step;
        this.log = log;
        this.runner = new StepRunner(sources, StepRunner.OnError.PROPAGATE);
        if (sources instanceof LambdaEvidenceSources) {
            // Lambda's own wiring: warm the JSON and step path in init, where SnapStart snapshots it.
            InitPriming.stepHandler(step);
        }
    }

    public String stepName() {
        return step.name();
    }

    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        DiagnosisState state = StateDocument.read(Json.MAPPER.readTree(input));
        DiagnosisState next = runner.run(step, state);
        Json.MAPPER.writeValue(output, StateDocument.write(next));
        log(context, next);
    }

    /** One structured line per step: what it concluded, never its evidence (which names users and addresses). */
    private void log(Context context, DiagnosisState state) {
        Finding finding = state.findings().get(state.findings().size() - 1);
        java.util.Map<String, Object> fields = new java.util.LinkedHashMap<>();
        fields.put("step", finding.step());
        fields.put("verdict", finding.verdict().name());
        fields.put("cause", finding.cause() == null ? null : finding.cause().name());
        fields.put("integrationId", state.report().integrationKey());
        fields.put("executionName", ExecutionName.of(state.report()));
        fields.put("salesforceRequests", state.salesforceRequests());
        log.info(context, "step finished", fields);
    }
}
