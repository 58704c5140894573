package dev.logindoctor.engine;

import dev.logindoctor.json.Json;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * Json registers only JavaTimeModule's Instant (de)serializers (a cold-start saving): Instants must
 * read and write exactly as with the whole module, including the lenient forms it accepts.
 */
class JsonInstantsTest {
    private static final ObjectMapper WHOLE_MODULE = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .disable(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE)
            .setSerializationInclusion(JsonInclude.Include.NON_NULL);

    record Stamped(Instant at, List<Instant> also, Map<Instant, String> byTime) {
    }

    @Test
    void instantsWriteAsTheWholeModuleWrites() throws Exception {
        Stamped value = new Stamped(Instant.parse("2026-11-27T10:15:03.412Z"),
                List.of(Instant.EPOCH, Instant.parse("2026-11-27T10:15:00Z"), Instant.ofEpochSecond(1, 5)),
                Map.of(Instant.parse("2026-01-01T00:00:00Z"), "new year"));
        assertEquals(WHOLE_MODULE.writeValueAsString(value), Json.MAPPER.writeValueAsString(value));
        assertEquals("\"2026-11-27T10:15:03.412Z\"", Json.MAPPER.writeValueAsString(value.at()));
    }

    @Test
    void instantsReadAsTheWholeModuleReads() throws Exception {
        for (String at : List.of("\"2026-11-27T10:15:03.412Z\"", "\"2026-11-27T10:15:00Z\"", "\"2026-11-27T11:15:00+01:00\"",
                "\"2026-11-27T10:15:00+0000\"", "1764238500", "1764238500.123456789", "\"1764238500000\"", "null", "\"\"")) {
            String json = "{\"at\": " + at + ", \"byTime\": {\"2026-01-01T00:00:00Z\": \"new year\"}}";
            assertEquals(WHOLE_MODULE.readValue(json, Stamped.class), Json.MAPPER.readValue(json, Stamped.class), at);
        }
    }

    @Test
    void aMalformedInstantIsRefusedAsBefore() {
        String json = "{\"at\": \"yesterday\"}";
        assertThrows(Exception.class, () -> WHOLE_MODULE.readValue(json, Stamped.class));
        assertThrows(Exception.class, () -> Json.MAPPER.readValue(json, Stamped.class));
    }
}
