package dev.logindoctor.sim;

import com.sun.net.httpserver.HttpExchange;
import dev.logindoctor.model.SalesforceId;

import java.io.IOException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The public Salesforce Trust API ({@code https://api.status.salesforce.com/v1}, no auth), served at
 * {@code /v1/...} on the sim. Shapes follow docs/salesforce-wire-facts.md#trust-status-api: instance status objects
 * with nested Incidents/Maintenances, maintenances with a {@code message} block, incidents with IncidentImpacts
 * and IncidentEvents.
 */
final class TrustEndpoint {
    private static final DateTimeFormatter TRUST_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);
    private static final Pattern INSTANCE_STATUS = Pattern.compile("^/v1/instances/([A-Za-z0-9]+)/status/?$");
    private static final Pattern ALIAS_STATUS = Pattern.compile("^/v1/instanceAliases/([^/]+)(/status)?/?$");
    private static final Pattern SEARCH = Pattern.compile("^/v1/search/([^/]+)/?$");

    private final SimulatedOrg sim;

    TrustEndpoint(SimulatedOrg sim) {
        this.sim = sim;
    }

    void handle(HttpExchange ex) throws IOException {
        String path = ex.getRequestURI().getPath();
        Map<String, String> query = HttpIo.parseForm(ex.getRequestURI().getRawQuery());
        HttpIo.readBody(ex);
        if (!"GET".equals(ex.getRequestMethod())) {
            notFound(ex);
            return;
        }
        TrustState trust = sim.trust();
        Matcher m;
        if (path.equals("/v1/instances/status/preview") || path.equals("/v1/instances/status/preview/")) {
            List<Object> all = new ArrayList<>();
            trust.instances.forEach(i -> all.add(instance(i, false)));
            HttpIo.sendJson(ex, 200, all);
        } else if ((m = INSTANCE_STATUS.matcher(path)).matches()) {
            var found = trust.instance(m.group(1));
            if (found.isEmpty()) {
                notFound(ex);
            } else {
                HttpIo.sendJson(ex, 200, instance(found.get(), true));
            }
        } else if ((m = ALIAS_STATUS.matcher(path)).matches()) {
            String key = aliasInstance(HttpIo.decode(m.group(1)));
            var found = key == null ? java.util.Optional.<SimScenario.TrustInstance>empty() : trust.instance(key);
            if (found.isEmpty()) {
                notFound(ex);
            } else if (m.group(2) == null) {
                HttpIo.sendJson(ex, 200, Map.of("alias", HttpIo.decode(m.group(1)), "instanceKey", key, "type", "domain"));
            } else {
                HttpIo.sendJson(ex, 200, instance(found.get(), true));
            }
        } else if ((m = SEARCH.matcher(path)).matches()) {
            HttpIo.sendJson(ex, 200, search(HttpIo.decode(m.group(1))));
        } else if (path.equals("/v1/maintenances") || path.equals("/v1/maintenances/")) {
            HttpIo.sendJson(ex, 200, maintenances(query));
        } else if (path.equals("/v1/incidents") || path.equals("/v1/incidents/")) {
            HttpIo.sendJson(ex, 200, incidents(query));
        } else {
            notFound(ex);
        }
    }

    /** My Domain aliases and org ids resolve to the org's instance; Trust reports none for sandboxes. */
    private String aliasInstance(String alias) {
        OrgState org = sim.state();
        if (org.sandbox) {
            return null;
        }
        if ((org.myDomain != null && org.myDomain.equalsIgnoreCase(alias)) || SalesforceId.same(org.orgId, alias)) {
            return org.instanceName;
        }
        return null;
    }

    /** {@code /v1/search/{term}}: [] for sandbox orgs, as reported (docs/salesforce-wire-facts.md#trust-status-api). */
    private List<Map<String, Object>> search(String term) {
        OrgState org = sim.state();
        List<Map<String, Object>> out = new ArrayList<>();
        if (org.sandbox) {
            return out;
        }
        if (org.myDomain != null && org.myDomain.equalsIgnoreCase(term)) {
            out.add(OrgTables.row("alias", org.myDomain, "instanceKey", org.instanceName, "aliasType", "domain"));
        }
        if (SalesforceId.same(org.orgId, term)) {
            out.add(OrgTables.row("alias", org.orgId, "instanceKey", org.instanceName, "aliasType", "orgId"));
        }
        return out;
    }

    private Map<String, Object> instance(SimScenario.TrustInstance i, boolean nested) {
        TrustState trust = sim.trust();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("key", i.key());
        m.put("location", i.location());
        m.put("environment", i.environment());
        m.put("releaseVersion", i.releaseVersion());
        m.put("releaseNumber", i.releaseNumber());
        m.put("status", trust.status(i));
        m.put("isActive", !Boolean.FALSE.equals(i.isActive()));
        if (nested) {
            m.put("Products", List.of());
            m.put("Incidents", trust.incidents.stream()
                    .filter(x -> Boolean.TRUE.equals(x.affectsAll()) || TrustState.affects(x.instanceKeys(), i.key()))
                    .map(this::incident).toList());
            m.put("Maintenances", trust.maintenances.stream()
                    .filter(x -> TrustState.affects(x.instanceKeys(), i.key()))
                    .map(this::maintenance).toList());
        }
        return m;
    }

    private List<Map<String, Object>> maintenances(Map<String, String> q) {
        Instant startTime = time(q.get("startTime"));
        return page(sim.trust().maintenances.stream()
                .filter(x -> q.get("instance") == null || TrustState.affects(x.instanceKeys(), q.get("instance")))
                .filter(x -> startTime == null || x.plannedEndTime() == null || !x.plannedEndTime().isBefore(startTime))
                .sorted(Comparator.comparing(SimScenario.Maintenance::plannedStartTime).reversed())
                .map(this::maintenance).toList(), q);
    }

    private List<Map<String, Object>> incidents(Map<String, String> q) {
        Instant startTime = time(q.get("startTime"));
        return page(sim.trust().incidents.stream()
                .filter(x -> q.get("instance") == null || Boolean.TRUE.equals(x.affectsAll()) || TrustState.affects(x.instanceKeys(), q.get("instance")))
                .filter(x -> startTime == null || x.impacts().isEmpty()
                        || x.impacts().stream().anyMatch(im -> im.endTime() == null || !im.endTime().isBefore(startTime)))
                .map(this::incident).toList(), q);
    }

    private static List<Map<String, Object>> page(List<Map<String, Object>> all, Map<String, String> q) {
        int offset = intParam(q.get("offset"), 0);
        int limit = intParam(q.get("limit"), 100);
        return all.subList(Math.min(offset, all.size()), Math.min(all.size(), offset + limit));
    }

    private Map<String, Object> maintenance(SimScenario.Maintenance x) {
        Map<String, Object> message = new LinkedHashMap<>();
        message.put("maintenanceType", x.maintenanceType() == null ? "release" : x.maintenanceType());
        message.put("availability", x.availability() == null ? "partial" : x.availability());
        message.put("eventStatus", eventStatus(x));
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", x.id());
        m.put("message", message);
        m.put("externalId", "M-" + x.id());
        m.put("name", x.name());
        m.put("plannedStartTime", fmt(x.plannedStartTime()));
        m.put("plannedEndTime", fmt(x.plannedEndTime()));
        m.put("additionalInformation", null);
        m.put("isCore", !Boolean.FALSE.equals(x.isCore()));
        m.put("affectsAll", false);
        m.put("createdAt", fmt(x.plannedStartTime() == null ? null : x.plannedStartTime().minusSeconds(14 * 86400)));
        m.put("updatedAt", fmt(x.plannedStartTime()));
        m.put("instanceKeys", x.instanceKeys());
        m.put("serviceKeys", List.of("coreService"));
        m.put("MaintenanceImpacts", List.of());
        m.put("MaintenanceEvents", List.of());
        return m;
    }

    /** The scenario's status, or one derived from the sim clock: confirmed, inProgress, completed. */
    private String eventStatus(SimScenario.Maintenance x) {
        if (x.eventStatus() != null && !x.eventStatus().equalsIgnoreCase("confirmed")) {
            return x.eventStatus();
        }
        Instant now = sim.now();
        if (x.plannedStartTime() != null && now.isBefore(x.plannedStartTime())) {
            return "confirmed";
        }
        return x.plannedEndTime() == null || now.isBefore(x.plannedEndTime()) ? "inProgress" : "completed";
    }

    private Map<String, Object> incident(SimScenario.Incident x) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", x.id());
        m.put("externalId", "I-" + x.id());
        m.put("affectsAll", Boolean.TRUE.equals(x.affectsAll()));
        m.put("isCore", !Boolean.FALSE.equals(x.isCore()));
        m.put("additionalInformation", null);
        m.put("serviceKeys", List.of("coreService"));
        m.put("instanceKeys", x.instanceKeys());
        m.put("createdAt", fmt(x.createdAt()));
        m.put("updatedAt", fmt(x.createdAt()));
        List<Map<String, Object>> impacts = new ArrayList<>();
        int n = 1;
        for (SimScenario.Impact im : x.impacts()) {
            impacts.add(OrgTables.row("id", x.id() * 10 + n++, "startTime", fmt(im.startTime()), "endTime", fmt(im.endTime()),
                    "type", im.type(), "severity", im.severity(), "createdAt", fmt(im.startTime()), "updatedAt", fmt(im.endTime() == null ? im.startTime() : im.endTime())));
        }
        m.put("IncidentImpacts", impacts);
        List<Map<String, Object>> events = new ArrayList<>();
        n = 1;
        for (SimScenario.IncidentEvent e : x.events()) {
            events.add(OrgTables.row("id", x.id() * 10 + n++, "type", e.type(), "message", e.message(), "createdAt", fmt(e.createdAt()),
                    "updatedAt", fmt(e.createdAt())));
        }
        m.put("IncidentEvents", events);
        return m;
    }

    private static String fmt(Instant t) {
        return t == null ? null : TRUST_TIME.format(t);
    }

    private static Instant time(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            try {
                return java.time.LocalDate.parse(text).atStartOfDay(ZoneOffset.UTC).toInstant();
            } catch (DateTimeParseException e2) {
                return null;
            }
        }
    }

    private static int intParam(String v, int fallback) {
        try {
            return v == null ? fallback : Math.max(0, Integer.parseInt(v));
        } catch (NumberFormatException e) {
            return fallback;
        }
    }

    private static void notFound(HttpExchange ex) throws IOException {
        HttpIo.sendJson(ex, 404, Map.of("message", "Not Found"));
    }
}
