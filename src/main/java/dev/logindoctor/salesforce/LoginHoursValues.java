package dev.logindoctor.salesforce;

import com.fasterxml.jackson.databind.JsonNode;

/** The values of a profile's {@code loginHours} metadata and the org's time zone, read strictly: unreadable is null. */
final class LoginHoursValues {
    private LoginHoursValues() {
    }

    static boolean knownZone(String zone) {
        try {
            java.time.ZoneId.of(zone.strip());
            return true;
        } catch (java.time.DateTimeException e) {
            return false;
        }
    }

    /** Minutes from midnight: a number, a numeric string, or "HH:mm". */
    static Integer minutes(JsonNode v) {
        if (v == null || v.isNull()) {
            return null;
        }
        if (v.isNumber()) {
            return range(v.asInt());
        }
        String t = v.asText().strip();
        try {
            if (t.matches("\\d{1,4}")) {
                return range(Integer.parseInt(t));
            }
            if (t.matches("\\d{1,2}:\\d{2}")) {
                String[] p = t.split(":");
                return range(Integer.parseInt(p[0]) * 60 + Integer.parseInt(p[1]));
            }
        } catch (NumberFormatException ignored) {
            // falls through
        }
        return null;
    }

    private static Integer range(int m) {
        return m >= 0 && m <= 1440 ? m : null;
    }
}
