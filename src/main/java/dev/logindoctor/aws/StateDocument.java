package dev.logindoctor.aws;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.logindoctor.engine.DiagnosisState;
import dev.logindoctor.json.Json;
import dev.logindoctor.model.Finding;

/**
 * The state machine's state as JSON: a {@link DiagnosisState} plus {@code lastVerdict}, which the
 * Choice after each step reads to jump to Record on CONFIRMED. Reading tolerates what Step Functions
 * adds (lastVerdict, a Catch's {@code failure}); DiagnosisState ignores unknown properties.
 */
final class StateDocument {
    static final String LAST_VERDICT = "lastVerdict";

    private StateDocument() {
    }

    static DiagnosisState read(JsonNode document) {
        if (document == null || !document.isObject() || !document.hasNonNull("report")) {
            throw new IllegalArgumentException("the input is not a diagnosis state: expected a JSON object with a report");
        }
        ObjectNode copy = ((ObjectNode) document).deepCopy();
        JsonNode failure = copy.remove("failure");
        copy.remove(LAST_VERDICT);
        DiagnosisState state = Json.MAPPER.convertValue(copy, DiagnosisState.class);
        return failure == null || failure.isNull() ? state : state.withFailure(CaughtFailure.from(failure));
    }

    static ObjectNode write(DiagnosisState state) {
        ObjectNode document = Json.MAPPER.valueToTree(state);
        if (!state.findings().isEmpty()) {
            Finding last = state.findings().get(state.findings().size() - 1);
            document.put(LAST_VERDICT, last.verdict().name());
        }
        return document;
    }
}
