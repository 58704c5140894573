package dev.logindoctor.sim;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * The scenario catalog ({@code src/main/resources/scenarios/*.json}, listed in
 * {@code scenarios/index.txt}) and the loader for scenario files.
 */
public final class SimScenarios {
    /** The org a bare {@code sim} command starts: everything works. */
    public static final String DEFAULT = "healthy";

    static final ObjectMapper MAPPER = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .disable(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE);

    private SimScenarios() {
    }

    /** The catalog's scenario names, in the index's order. */
    public static List<String> catalog() {
        return index("scenarios/index.txt");
    }

    /**
     * The risk scenarios ({@code scenarios/risks.txt}): healthy integrations, each with a risk ahead
     * (and controls with none), for the risk check, the probe and the demo's second table.
     */
    public static List<String> riskCatalog() {
        return index("scenarios/risks.txt");
    }

    private static List<String> index(String resourceName) {
        try (InputStream in = resource(resourceName)) {
            return Arrays.stream(new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\\R"))
                    .map(String::strip)
                    .filter(l -> !l.isEmpty() && !l.startsWith("#"))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the scenario index", e);
        }
    }

    /**
     * A catalog scenario by name ("user-locked-out"), or a scenario file by path. Throws
     * IllegalArgumentException naming what was wrong.
     */
    public static SimScenario load(String nameOrPath) {
        if (nameOrPath == null || nameOrPath.isBlank()) {
            return load(DEFAULT);
        }
        Path path = Path.of(nameOrPath);
        try {
            if (nameOrPath.endsWith(".json") && Files.isRegularFile(path)) {
                return parse(Files.readString(path), path.toString());
            }
            if (!catalog().contains(nameOrPath) && !riskCatalog().contains(nameOrPath)) {
                throw new IllegalArgumentException("no scenario '" + nameOrPath + "': not a file, and the catalog has " + catalog()
                        + " and the risk catalog " + riskCatalog());
            }
            try (InputStream in = resource("scenarios/" + nameOrPath + ".json")) {
                return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8), nameOrPath);
            }
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read scenario " + nameOrPath + ": " + e.getMessage());
        }
    }

    /**
     * The same scenario happening now: every instant in it moved by the same amount (see
     * {@link ScenarioTimeShift}). What a standalone sim serves, so real-clock clients work with it.
     */
    public static SimScenario startingAt(SimScenario scenario, java.time.Instant now) {
        return ScenarioTimeShift.startingAt(scenario, now);
    }

    static SimScenario parse(String json, String source) {
        try {
            return MAPPER.readValue(json, SimScenario.class);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalArgumentException("scenario " + source + " is not valid: " + e.getOriginalMessage()
                    + (e.getLocation() == null ? "" : " (line " + e.getLocation().getLineNr() + ")"));
        }
    }

    private static InputStream resource(String name) throws IOException {
        InputStream in = SimScenarios.class.getClassLoader().getResourceAsStream(name);
        if (in == null) {
            throw new IOException("missing resource " + name);
        }
        return in;
    }
}
