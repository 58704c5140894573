package dev.logindoctor.salesforce;

import com.fasterxml.jackson.databind.JsonNode;
import dev.logindoctor.model.TrustEvent;

import java.time.Instant;

/** Trust API maintenance and incident documents → {@link TrustEvent}; null when a document says too little. */
final class TrustEvents {
    private TrustEvents() {
    }

    /** plannedStartTime/plannedEndTime, isCore, message.eventStatus. No start → not usable. */
    static TrustEvent maintenance(JsonNode n) {
        if (n == null || !n.isObject()) {
            return null;
        }
        SObjectRow row = new SObjectRow(n);
        Instant start = row.instant("plannedStartTime");
        if (start == null) {
            return null;
        }
        return new TrustEvent(TrustEvent.Kind.MAINTENANCE, row.text("id"), row.text("name"), start, row.instant("plannedEndTime"),
                Boolean.TRUE.equals(row.bool("isCore")), row.text("message.eventStatus"), row.text("message.availability"));
    }

    /**
     * The span of the IncidentImpacts: earliest startTime to latest endTime, open (null end) while
     * any impact has no end. Status: the latest IncidentEvents type, else active/resolved.
     */
    static TrustEvent incident(JsonNode n) {
        if (n == null || !n.isObject()) {
            return null;
        }
        SObjectRow row = new SObjectRow(n);
        JsonNode impacts = SObjectRow.field(n, "IncidentImpacts");
        Instant start = null;
        Instant end = null;
        boolean open = false;
        String severity = null;
        if (impacts != null && impacts.isArray()) {
            for (JsonNode impact : impacts) {
                SObjectRow i = new SObjectRow(impact);
                Instant s = i.instant("startTime");
                Instant e = i.instant("endTime");
                if (s == null) {
                    continue;
                }
                start = start == null || s.isBefore(start) ? s : start;
                if (e == null) {
                    open = true;
                } else {
                    end = end == null || e.isAfter(end) ? e : end;
                }
                severity = severity == null ? i.text("severity") : severity;
            }
        }
        if (start == null) {
            return null;
        }
        String status = latestEventType(SObjectRow.field(n, "IncidentEvents"));
        if (status == null) {
            status = open ? "active" : "resolved";
        }
        String id = row.text("id");
        String name = "Incident " + (id == null ? "" : id) + (severity == null ? "" : " (" + severity + ")");
        return new TrustEvent(TrustEvent.Kind.INCIDENT, id, name.strip(), start, open ? null : end,
                Boolean.TRUE.equals(row.bool("isCore")), status);
    }

    private static String latestEventType(JsonNode events) {
        if (events == null || !events.isArray()) {
            return null;
        }
        String type = null;
        Instant latest = null;
        for (JsonNode e : events) {
            SObjectRow r = new SObjectRow(e);
            Instant at = r.instant("createdAt");
            if (r.text("type") != null && (latest == null || (at != null && at.isAfter(latest)))) {
                type = r.text("type");
                latest = at;
            }
        }
        return type;
    }
}
