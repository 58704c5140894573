package dev.logindoctor.salesforce;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.List;

/**
 * The records of a SOQL query, all pages joined. Records stay JSON trees here: only the evidence
 * readers in this package turn them into model records.
 *
 * @param totalSize Salesforce's count of matching rows (may exceed records.size() when capped)
 */
public record QueryResult(int totalSize, List<JsonNode> records) {
    public QueryResult {
        records = List.copyOf(records);
    }

    /**
     * Parses one page: {@code {"totalSize","done","nextRecordsUrl"?,"records":[...]}}
     * (docs/salesforce-wire-facts.md#rest-query).
     */
    static Page page(String kind, JsonNode body) {
        JsonNode records = body == null ? null : body.get("records");
        if (body == null || !body.isObject() || records == null || !records.isArray()) {
            throw new MalformedResponse(kind + " response had no records array");
        }
        JsonNode done = body.get("done");
        String next = WireJson.text(body, "nextRecordsUrl");
        boolean more = done != null && done.isBoolean() && !done.asBoolean() && next != null && !next.isBlank();
        JsonNode total = body.get("totalSize");
        int totalSize = total != null && total.canConvertToInt() ? total.asInt() : records.size();
        List<JsonNode> rows = new java.util.ArrayList<>();
        records.forEach(rows::add);
        return new Page(totalSize, rows, more ? next : null);
    }

    record Page(int totalSize, List<JsonNode> records, String nextRecordsUrl) {
    }
}
