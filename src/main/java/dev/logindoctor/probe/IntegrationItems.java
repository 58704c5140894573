package dev.logindoctor.probe;

import dev.logindoctor.model.LoginFlow;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The one item shape of the registry, for the DynamoDB table and the local JSON file alike:
 * <pre>
 *   pk = INTEGRATION#{id}   sk = CONFIG   the registration
 *   pk = INTEGRATION#{id}   sk = PROBE    the probe's memory
 *   pk = INTEGRATION#{id}   sk = RISKS    the current risks ahead (replaced by each risk check)
 *   gsi1pk = INTEGRATIONS   gsi1sk = {id}#CONFIG | {id}#PROBE | {id}#RISKS
 * </pre>
 * The gsi1 keys put every registry item in one partition of the table's existing GSI, so the probe
 * lists the registry with one Query instead of scanning a table full of diagnoses. Values are
 * strings, booleans and whole numbers only; absent values are left out.
 */
public final class IntegrationItems {
    public static final String CONFIG = "CONFIG";
    public static final String PROBE = "PROBE";
    public static final String RISKS = "RISKS";
    public static final String REGISTRY_PARTITION = "INTEGRATIONS";

    private IntegrationItems() {
    }

    public static String partitionKey(String integrationId) {
        return "INTEGRATION#" + integrationId;
    }

    public static Map<String, Object> config(Integration i) {
        Map<String, Object> item = keys(i.id(), CONFIG);
        item.put("integrationId", i.id());
        item.put("loginUrl", i.loginUrl());
        item.put("username", i.username());
        item.put("flow", i.flow().name());
        item.put("credentialSecret", i.credentialSecret());
        putIfPresent(item, "diagnosticsSecret", i.diagnosticsSecret());
        putIfPresent(item, "instance", i.instance());
        item.put("enabled", i.enabled());
        return item;
    }

    public static Map<String, Object> probe(ProbeRecord p) {
        Map<String, Object> item = keys(p.integrationId(), PROBE);
        item.put("integrationId", p.integrationId());
        item.put("revision", p.revision());
        putIfPresent(item, "probedAt", p.probedAt());
        putIfPresent(item, "outcome", p.outcome());
        putIfPresent(item, "detail", p.detail());
        putIfPresent(item, "credentialVersion", p.credentialVersion());
        item.put("lastLoginFailed", p.lastLoginFailed());
        item.put("consecutiveFailures", (long) p.consecutiveFailures());
        putIfPresent(item, "errorCode", p.errorCode());
        putIfPresent(item, "errorDescription", p.errorDescription());
        putIfPresent(item, "failedAt", p.failedAt());
        putIfPresent(item, "diagnosis", p.diagnosis());
        return item;
    }

    /**
     * The risks item: the entries as one JSON string (items hold flat values only), and the nearest
     * risk and its date as plain attributes for the console and the CLI's tables.
     */
    public static Map<String, Object> risks(RiskRecord r) {
        Map<String, Object> item = keys(r.integrationId(), RISKS);
        item.put("integrationId", r.integrationId());
        putIfPresent(item, "checkedAt", r.checkedAt());
        item.put("riskCount", (long) r.risks().size());
        item.put("gaps", (long) r.gaps());
        r.nearest().ifPresent(n -> {
            item.put("nearestRisk", n.risk().name());
            putIfPresent(item, "nearestDueAt", n.dueAt());
        });
        try {
            item.put("risks", dev.logindoctor.json.Json.MAPPER.writeValueAsString(r.risks()));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("cannot write the risks item", e);
        }
        return item;
    }

    public static RiskRecord riskRecord(Map<String, Object> item) {
        java.util.List<RiskRecord.Entry> entries;
        try {
            String json = text(item, "risks");
            entries = json == null ? java.util.List.of() : dev.logindoctor.json.Json.MAPPER.readValue(json,
                    new com.fasterxml.jackson.core.type.TypeReference<java.util.List<RiskRecord.Entry>>() {
                    });
        } catch (java.io.IOException | IllegalArgumentException e) {
            // An unreadable item only costs a repeated announcement; the next check rewrites it.
            entries = java.util.List.of();
        }
        return new RiskRecord(text(item, "integrationId"), instant(item, "checkedAt"), entries, (int) number(item, "gaps"));
    }

    public static boolean isRisks(Map<String, Object> item) {
        return RISKS.equals(item.get("sk"));
    }

    public static boolean isConfig(Map<String, Object> item) {
        return CONFIG.equals(item.get("sk"));
    }

    public static boolean isProbe(Map<String, Object> item) {
        return PROBE.equals(item.get("sk"));
    }

    public static Integration integration(Map<String, Object> item) {
        String flow = text(item, "flow");
        LoginFlow loginFlow;
        try {
            loginFlow = flow == null ? null : LoginFlow.valueOf(flow);
        } catch (IllegalArgumentException e) {
            throw new InvalidIntegration("flow", "stored value is not a known login flow");
        }
        Object enabled = item.get("enabled");
        return new Integration(text(item, "integrationId"), text(item, "loginUrl"), text(item, "username"), loginFlow,
                text(item, "credentialSecret"), text(item, "diagnosticsSecret"), text(item, "instance"),
                !(enabled instanceof Boolean b) || b);
    }

    public static ProbeRecord probeRecord(Map<String, Object> item) {
        String outcome = text(item, "outcome");
        return new ProbeRecord(
                text(item, "integrationId"),
                number(item, "revision"),
                instant(item, "probedAt"),
                outcome == null ? null : ProbeOutcome.valueOf(outcome),
                text(item, "detail"),
                text(item, "credentialVersion"),
                Boolean.TRUE.equals(item.get("lastLoginFailed")),
                (int) number(item, "consecutiveFailures"),
                text(item, "errorCode"),
                text(item, "errorDescription"),
                instant(item, "failedAt"),
                text(item, "diagnosis"));
    }

    private static Map<String, Object> keys(String id, String sk) {
        Map<String, Object> item = new LinkedHashMap<>();
        item.put("pk", partitionKey(id));
        item.put("sk", sk);
        item.put("gsi1pk", REGISTRY_PARTITION);
        item.put("gsi1sk", id + "#" + sk);
        return item;
    }

    private static void putIfPresent(Map<String, Object> item, String name, Object value) {
        if (value != null) {
            item.put(name, value instanceof Instant || value instanceof Enum<?> ? value.toString() : value);
        }
    }

    private static String text(Map<String, Object> item, String name) {
        Object v = item.get(name);
        return v == null ? null : v.toString();
    }

    private static long number(Map<String, Object> item, String name) {
        Object v = item.get(name);
        if (v instanceof Number n) {
            return n.longValue();
        }
        return v == null ? 0 : Long.parseLong(v.toString());
    }

    private static Instant instant(Map<String, Object> item, String name) {
        String v = text(item, name);
        return v == null ? null : Instant.parse(v);
    }
}
