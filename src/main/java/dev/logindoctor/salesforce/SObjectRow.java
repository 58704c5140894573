package dev.logindoctor.salesforce;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoField;
import java.util.Iterator;
import java.util.Locale;

/**
 * One record as Salesforce sends it, read tolerantly: field names matched case-insensitively
 * (FIELDS(ALL) rows and Tooling bodies do not promise a case), relationship paths through nested
 * objects ({@code Profile.Name}) that may be null, booleans as JSON booleans or strings, and
 * datetimes as {@code 2026-11-27T10:15:00.000+0000} or ISO-8601 with {@code Z}/{@code +00:00}.
 */
final class SObjectRow {
    /** Salesforce's REST datetime: millis optional, offset as +0000, +00:00 or Z. */
    private static final DateTimeFormatter SALESFORCE_DATETIME = new DateTimeFormatterBuilder()
            .appendPattern("yyyy-MM-dd'T'HH:mm:ss")
            .optionalStart().appendFraction(ChronoField.NANO_OF_SECOND, 0, 9, true).optionalEnd()
            .optionalStart().appendOffset("+HH:MM", "Z").optionalEnd()
            .optionalStart().appendOffset("+HHMM", "Z").optionalEnd()
            .toFormatter(Locale.ROOT);

    private final JsonNode node;

    SObjectRow(JsonNode node) {
        this.node = node;
    }

    JsonNode node() {
        return node;
    }

    /** A field or a dotted relationship path; null when absent or null anywhere along the way. */
    JsonNode get(String path) {
        JsonNode current = node;
        for (String part : path.split("\\.")) {
            current = field(current, part);
            if (current == null || current.isNull()) {
                // Some tools flatten relationships into "Profile.Name" keys.
                JsonNode flat = field(node, path);
                return flat == null || flat.isNull() ? null : flat;
            }
        }
        return current;
    }

    String text(String path) {
        JsonNode v = get(path);
        return v == null || v.isContainerNode() ? null : v.asText();
    }

    /** The field's text only when it is a JSON string: an identity field (Id, Username) of another type is unknown. */
    String string(String path) {
        JsonNode v = get(path);
        return v != null && v.isTextual() ? v.asText() : null;
    }

    /**
     * true/false from a JSON boolean only; null otherwise. Salesforce's REST, Tooling and Trust JSON
     * send booleans as JSON booleans: "false" as a string, 0 or an object is mistyped, so a gap —
     * read as false, a row without a real IsActive would confirm USER_INACTIVE.
     */
    Boolean bool(String path) {
        JsonNode v = get(path);
        return v != null && v.isBoolean() ? v.asBoolean() : null;
    }

    Instant instant(String path) {
        return parseInstant(text(path));
    }

    static Instant parseInstant(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String t = text.strip();
        try {
            var parsed = SALESFORCE_DATETIME.parseBest(t, OffsetDateTime::from, java.time.LocalDateTime::from);
            if (parsed instanceof OffsetDateTime odt) {
                return odt.toInstant();
            }
            // Salesforce datetimes are GMT when they carry no offset.
            return ((java.time.LocalDateTime) parsed).toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            try {
                return LocalDate.parse(t).atStartOfDay(ZoneOffset.UTC).toInstant();
            } catch (DateTimeParseException e2) {
                return null;
            }
        }
    }

    /** Case-insensitive member lookup: exact name first, then any case. */
    static JsonNode field(JsonNode object, String name) {
        if (object == null || !object.isObject()) {
            return null;
        }
        JsonNode exact = object.get(name);
        if (exact != null) {
            return exact;
        }
        Iterator<String> names = object.fieldNames();
        while (names.hasNext()) {
            String n = names.next();
            if (n.equalsIgnoreCase(name)) {
                return object.get(n);
            }
        }
        return null;
    }
}
