package dev.logindoctor.engine;

import com.fasterxml.jackson.core.io.JsonStringEncoder;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.logindoctor.json.Json;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Every secret value and access token this process holds, so that text from any source — an error
 * body that echoes a token URL-encoded, an exception, a history row — is blanked before it reaches a
 * message, a finding, a log line or a stored item. Patterns catch what looks like a secret; this
 * catches what is one. Values are kept in memory only, as the clients hold them anyway.
 */
public final class HeldSecrets {
    public static final String BLANK = "[redacted]";
    /** Shorter values (flags, "true", a two-letter token) would blank ordinary words. */
    static final int MIN_LENGTH = 6;
    /** A long-running process forgets the oldest forms rather than grow without bound. */
    private static final int MAX_FORMS = 4096;
    /** Insertion order, so that the oldest forms are the ones forgotten; guarded by its own lock. */
    private static final Set<String> FORMS = new LinkedHashSet<>();
    private static volatile List<String> longestFirst = List.of();
    /** The same forms in lower case, for the fast "does anything leak?" scan. */
    private static volatile List<String> lowerForms = List.of();

    private HeldSecrets() {
    }

    /** Holds a secret value: itself, its URL encodings and its JSON-escaped form. */
    public static void hold(String value) {
        if (value == null || value.strip().length() < MIN_LENGTH) {
            return;
        }
        Set<String> forms = new LinkedHashSet<>();
        forms.add(value);
        forms.add(value.strip());
        String url = URLEncoder.encode(value, StandardCharsets.UTF_8);
        forms.add(url);
        forms.add(url.replace("+", "%20"));
        forms.add(new String(JsonStringEncoder.getInstance().quoteAsString(value)));
        if (value.contains("-----BEGIN")) {
            // A key quoted in part (one base64 line of it) must go too.
            for (String line : value.split("\\R|\\\\n")) {
                if (line.strip().length() >= 16 && !line.contains("-----")) {
                    forms.add(line.strip());
                }
            }
        }
        synchronized (FORMS) {
            forms.stream().filter(f -> f.length() >= MIN_LENGTH).forEach(f -> {
                FORMS.remove(f); // held again: it is the newest now
                FORMS.add(f);
            });
            // Forget the oldest, never everything: clearing would drop secrets still in use.
            Iterator<String> oldest = FORMS.iterator();
            while (FORMS.size() > MAX_FORMS) {
                oldest.next();
                oldest.remove();
            }
            longestFirst = FORMS.stream().sorted(Comparator.comparingInt(String::length).reversed()).toList();
            lowerForms = longestFirst.stream().map(f -> f.toLowerCase(Locale.ROOT)).toList();
        }
    }

    /**
     * Holds the secret values of a secret document (a JSON object as Secrets Manager keeps it): every
     * value under a name that means a secret, and every value shaped like one. Names, URLs and
     * usernames stay readable. Text that is not a JSON object is held whole.
     */
    public static void holdDocument(String secretText) {
        JsonNode root;
        try {
            root = secretText == null ? null : Json.MAPPER.readTree(secretText);
        } catch (java.io.IOException | RuntimeException e) {
            root = null;
        }
        if (root == null || !root.isObject()) {
            hold(secretText);
            return;
        }
        holdValues(root, false);
    }

    private static void holdValues(JsonNode node, boolean secretByName) {
        if (node.isObject()) {
            Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> f = fields.next();
                holdValues(f.getValue(), secretByName || SecretShapes.isSecretName(f.getKey()));
            }
        } else if (node.isArray()) {
            node.forEach(n -> holdValues(n, secretByName));
        } else if (node.isValueNode() && (secretByName || SecretShapes.looksLikeSecret(node.asText()))) {
            hold(node.asText());
        }
    }

    /** The text with every held value (in any of its forms, any letter case) blanked. */
    public static String redact(String text) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        if (!mayLeak(text)) {
            return text;
        }
        List<String> forms = longestFirst;
        String result = text;
        for (String form : forms) {
            result = blank(result, form);
        }
        return result;
    }

    /** True when the text carries a held value in any form. */
    public static boolean leaks(String text) {
        return text != null && !redact(text).equals(text);
    }

    /**
     * A fast scan before the exact one: every state and diagnosis passes through here once per step,
     * and a warm process may hold thousands of forms. String.indexOf on lower-cased text is what makes
     * that cheap; text whose lower case changes length (rare Unicode) always takes the exact path.
     */
    private static boolean mayLeak(String text) {
        String lower = text.toLowerCase(Locale.ROOT);
        if (lower.length() != text.length()) {
            return true;
        }
        for (String form : lowerForms) {
            if (form.length() == text.length() ? lower.equals(form) : lower.contains(form)) {
                return true;
            }
        }
        return false;
    }

    private static String blank(String text, String form) {
        int at = indexOfIgnoreCase(text, form, 0);
        if (at < 0) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length());
        int from = 0;
        while (at >= 0) {
            out.append(text, from, at).append(BLANK);
            from = at + form.length();
            at = indexOfIgnoreCase(text, form, from);
        }
        return out.append(text, from, text.length()).toString();
    }

    private static int indexOfIgnoreCase(String text, String form, int from) {
        for (int i = from; i <= text.length() - form.length(); i++) {
            if (text.regionMatches(true, i, form, 0, form.length())) {
                return i;
            }
        }
        return -1;
    }

    /**
     * The value with every string inside it redacted, through its JSON form: whatever record it is
     * (a state document, a diagnosis), no field is missed. The same instance when nothing leaks.
     */
    @SuppressWarnings("unchecked")
    public static <T> T redact(T value, Class<T> type) {
        if (value == null || longestFirst.isEmpty()) {
            return value;
        }
        JsonNode tree = Json.MAPPER.valueToTree(value);
        if (!leaks(tree.toString())) {
            return value;
        }
        try {
            return Json.MAPPER.treeToValue(redactTree(tree), type);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("a redacted " + type.getSimpleName() + " no longer reads back", e);
        }
    }

    private static JsonNode redactTree(JsonNode node) {
        if (node.isTextual()) {
            return TextNode.valueOf(redact(node.asText()));
        }
        if (node.isObject()) {
            ObjectNode copy = Json.MAPPER.createObjectNode();
            node.fields().forEachRemaining(f -> copy.set(f.getKey(), redactTree(f.getValue())));
            return copy;
        }
        if (node.isArray()) {
            ArrayNode copy = Json.MAPPER.createArrayNode();
            node.forEach(n -> copy.add(redactTree(n)));
            return copy;
        }
        return node;
    }

    /** For tests: forget everything held. */
    static void forgetAll() {
        synchronized (FORMS) {
            FORMS.clear();
        }
        longestFirst = new ArrayList<>();
        lowerForms = List.of();
    }
}
