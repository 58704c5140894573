package dev.logindoctor.cli;

import dev.logindoctor.engine.HeldSecrets;
import com.fasterxml.jackson.databind.JsonNode;
import dev.logindoctor.json.Json;
import dev.logindoctor.engine.SecretResolver;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;

/**
 * The local stand-in for Secrets Manager: a JSON object {secretName: secretValue}, where a value is
 * the same JSON Secrets Manager would hold (an object, or a string containing JSON).
 */
final class FileSecretResolver implements SecretResolver {
    private final Map<String, String> secrets;

    private FileSecretResolver(Map<String, String> secrets) {
        this.secrets = secrets;
    }

    static FileSecretResolver empty() {
        return new FileSecretResolver(Map.of());
    }

    static FileSecretResolver load(Path file) {
        JsonNode root;
        try {
            root = Json.MAPPER.readTree(Files.readString(file));
        } catch (IOException e) {
            // Jackson messages can quote the input; never echo a secrets file.
            throw new UsageError("--secrets: cannot read " + file + " as JSON"
                    + (e instanceof java.nio.file.NoSuchFileException ? " (no such file)" : ""));
        }
        if (root == null || !root.isObject()) {
            throw new UsageError("--secrets: " + file + " must hold a JSON object {secretName: secretValue}");
        }
        Map<String, String> values = new HashMap<>();
        Iterator<Map.Entry<String, JsonNode>> fields = root.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> e = fields.next();
            JsonNode v = e.getValue();
            String value = v.isTextual() ? v.asText() : v.toString();
            HeldSecrets.holdDocument(value);
            values.put(e.getKey(), value);
        }
        return new FileSecretResolver(values);
    }

    @Override
    public String secretValue(String reference) {
        String value = secrets.get(reference);
        if (value == null) {
            throw new SecretUnavailable("secret '" + reference + "' is not in the --secrets file");
        }
        return value;
    }
}
