package dev.logindoctor.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.logindoctor.engine.Json;
import dev.logindoctor.model.Diagnosis;

/** Maps a diagnosis to the table's item shape (pk/sk/gsi keys beside the diagnosis fields) and back. */
final class StoredDiagnosis {
    private StoredDiagnosis() {
    }

    static ObjectNode toItem(Diagnosis d) {
        ObjectNode item = Json.MAPPER.valueToTree(d);
        item.put("pk", "INTEGRATION#" + d.integrationId());
        item.put("sk", "DIAG#" + d.failedAt() + "#" + d.diagnosisId());
        item.put("gsi1pk", "CAUSE#" + d.cause());
        item.put("gsi1sk", d.failedAt() + "#" + d.integrationId());
        return item;
    }

    static Diagnosis fromItem(ObjectNode item) {
        return Json.MAPPER.convertValue(item, Diagnosis.class);
    }
}
