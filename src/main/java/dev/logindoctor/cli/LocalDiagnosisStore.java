package dev.logindoctor.cli;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.logindoctor.engine.DiagnosisItem;
import dev.logindoctor.json.Json;
import dev.logindoctor.model.Diagnosis;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The local stand-in for the DynamoDB table: one JSON line per diagnosis (under ~/.login-doctor/ by default), in
 * the table's own item shape ({@link DiagnosisItem}),
 * appended whole in one write so a crash never leaves half an item.
 */
final class LocalDiagnosisStore {
    private static final TypeReference<Map<String, Object>> ITEM = new TypeReference<>() {
    };
    /** Where the store is unless --store says otherwise, as the usage texts put it. */
    static final String DEFAULT_PLACE = "$LOGIN_DOCTOR_HOME/diagnoses.jsonl, else ~/.login-doctor/diagnoses.jsonl";

    private final Path file;

    private LocalDiagnosisStore(Path file) {
        this.file = file;
    }

    /**
     * --store FILE, else $LOGIN_DOCTOR_HOME/diagnoses.jsonl, else $HOME/.login-doctor/diagnoses.jsonl
     * ($HOME as the shell has it: Java's user.home comes from the password database and ignores it).
     */
    static LocalDiagnosisStore at(String path, Map<String, String> env) {
        if (path != null && !path.isBlank()) {
            return new LocalDiagnosisStore(Path.of(path));
        }
        String home = env.get("LOGIN_DOCTOR_HOME");
        if (home != null && !home.isBlank()) {
            return new LocalDiagnosisStore(Path.of(home).resolve("diagnoses.jsonl"));
        }
        String userHome = env.get("HOME");
        Path base = userHome != null && !userHome.isBlank() ? Path.of(userHome) : Path.of(System.getProperty("user.home"));
        return new LocalDiagnosisStore(base.resolve(".login-doctor").resolve("diagnoses.jsonl"));
    }

    Path file() {
        return file;
    }

    void append(Diagnosis diagnosis) {
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            String line = Json.MAPPER.writeValueAsString(DiagnosisItem.toJsonMap(diagnosis)) + "\n";
            Files.writeString(file, line, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND,
                    StandardOpenOption.WRITE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the local store " + file, e);
        }
    }

    /** Every stored diagnosis, oldest first; a line that is not a diagnosis is skipped, not fatal. */
    List<Diagnosis> readAll() {
        if (!Files.exists(file)) {
            return List.of();
        }
        List<Diagnosis> all = new ArrayList<>();
        try {
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                if (line.isBlank()) {
                    continue;
                }
                try {
                    JsonNode node = Json.MAPPER.readTree(line);
                    if (node instanceof ObjectNode item) {
                        all.add(DiagnosisItem.fromJsonMap(Json.MAPPER.convertValue(item, ITEM)));
                    }
                } catch (IOException | RuntimeException e) {
                    // A corrupt line (an older format, a hand edit) must not hide the rest of the history.
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the local store " + file, e);
        }
        return all;
    }
}
