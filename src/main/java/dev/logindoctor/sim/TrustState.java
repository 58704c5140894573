package dev.logindoctor.sim;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * What Salesforce Trust knows about the instances: the scenario's maintenances and incidents, and
 * each instance's status, computed from them on the sim clock unless the scenario fixes it.
 */
final class TrustState {
    final List<SimScenario.TrustInstance> instances;
    final List<SimScenario.Maintenance> maintenances;
    final List<SimScenario.Incident> incidents;
    private final SimClock clock;

    TrustState(SimScenario.Trust trust, OrgState org, SimClock clock) {
        this.clock = clock;
        SimScenario.Trust t = trust == null ? new SimScenario.Trust(null, null, null) : trust;
        List<SimScenario.TrustInstance> list = new ArrayList<>(t.instances());
        if (org.instanceName != null && list.stream().noneMatch(i -> i.key().equalsIgnoreCase(org.instanceName))) {
            list.add(new SimScenario.TrustInstance(org.instanceName, locationOf(org.instanceName),
                    org.sandbox ? "sandbox" : "production", "Winter '27 Patch 6.3", "258.6.3", null, true));
        }
        this.instances = List.copyOf(list);
        this.maintenances = t.maintenances();
        this.incidents = t.incidents();
    }

    Optional<SimScenario.TrustInstance> instance(String key) {
        return instances.stream().filter(i -> i.key().equalsIgnoreCase(key)).findFirst();
    }

    /** True while a core maintenance that makes the instance unavailable, or a major core outage, covers now. */
    boolean instanceDown(String key, Instant now) {
        boolean maintenance = maintenances.stream().anyMatch(m -> affects(m.instanceKeys(), key) && !Boolean.FALSE.equals(m.isCore())
                && "unavailable".equalsIgnoreCase(m.availability()) && covers(m.plannedStartTime(), m.plannedEndTime(), now)
                && !"canceled".equalsIgnoreCase(m.eventStatus()));
        boolean outage = incidents.stream().anyMatch(i -> (i.affectsAll() == Boolean.TRUE || affects(i.instanceKeys(), key))
                && !Boolean.FALSE.equals(i.isCore())
                && i.impacts().stream().anyMatch(im -> "major".equalsIgnoreCase(im.severity())
                        && "serviceDisruption".equalsIgnoreCase(im.type()) && covers(im.startTime(), im.endTime(), now)));
        return maintenance || outage;
    }

    /**
     * OK, MAINTENANCE_CORE, MAJOR_INCIDENT_CORE, ... as the Trust API reports
     * (docs/salesforce-wire-facts.md#trust-status-api).
     */
    String status(SimScenario.TrustInstance instance) {
        if (instance.status() != null) {
            return instance.status();
        }
        Instant now = clock.now();
        String key = instance.key();
        for (SimScenario.Incident i : incidents) {
            if ((i.affectsAll() == Boolean.TRUE || affects(i.instanceKeys(), key))) {
                for (SimScenario.Impact im : i.impacts()) {
                    if (covers(im.startTime(), im.endTime(), now)) {
                        String sev = "major".equalsIgnoreCase(im.severity()) ? "MAJOR" : "MINOR";
                        return sev + "_INCIDENT_" + (Boolean.FALSE.equals(i.isCore()) ? "NONCORE" : "CORE");
                    }
                }
            }
        }
        for (SimScenario.Maintenance m : maintenances) {
            if (affects(m.instanceKeys(), key) && covers(m.plannedStartTime(), m.plannedEndTime(), now)
                    && !"canceled".equalsIgnoreCase(m.eventStatus())) {
                return "MAINTENANCE_" + (Boolean.FALSE.equals(m.isCore()) ? "NONCORE" : "CORE");
            }
        }
        return "OK";
    }

    static boolean affects(List<String> keys, String key) {
        return key != null && keys.stream().anyMatch(k -> k.equalsIgnoreCase(key));
    }

    static boolean covers(Instant start, Instant end, Instant now) {
        return start != null && !now.isBefore(start) && (end == null || now.isBefore(end));
    }

    private static String locationOf(String key) {
        String letters = key.replaceAll("[0-9].*$", "").toUpperCase(Locale.ROOT);
        return switch (letters) {
            case "EU", "UK", "FR", "DE" -> "EMEA";
            case "AP", "AU", "JP", "IN" -> "APAC";
            default -> "NA";
        };
    }
}
