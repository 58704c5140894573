package dev.logindoctor.json;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.util.JacksonFeatureSet;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeFeature;
import com.fasterxml.jackson.datatype.jsr310.deser.InstantDeserializer;
import com.fasterxml.jackson.datatype.jsr310.deser.key.InstantKeyDeserializer;
import com.fasterxml.jackson.datatype.jsr310.ser.InstantSerializer;

import java.time.Instant;

/**
 * The one JSON configuration for our own records (state, diagnoses, stored items): ISO-8601 times,
 * unknown properties tolerated (older or newer state shapes), nulls omitted to keep state small.
 */
public final class Json {

    public static final ObjectMapper MAPPER = new ObjectMapper()
            .registerModule(instants())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .disable(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE)
            .setSerializationInclusion(JsonInclude.Include.NON_NULL);

    private Json() {
    }

    /**
     * Instant is the only java.time type our records carry. These are JavaTimeModule's own Instant
     * (de)serializers with its default features, registered as that module registers them, so an
     * Instant reads and writes exactly as before; the whole module would load some 70 classes on
     * every cold start for types we never write. Another java.time type fails loudly (Jackson's
     * "Java 8 date/time type not supported by default"): add its serializers here.
     */
    private static SimpleModule instants() {
        return new SimpleModule("login-doctor-instants")
                .addSerializer(Instant.class, InstantSerializer.INSTANCE)
                .addDeserializer(Instant.class, InstantDeserializer.INSTANT.withFeatures(JacksonFeatureSet.fromDefaults(JavaTimeFeature.values())))
                .addKeyDeserializer(Instant.class, InstantKeyDeserializer.INSTANCE);
    }
}
