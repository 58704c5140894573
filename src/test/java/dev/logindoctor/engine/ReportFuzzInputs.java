package dev.logindoctor.engine;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.function.Consumer;

/**
 * Generated failure reports for the fuzz tests, from a fixed seed so a failure reproduces: valid
 * reports bent by one to three mutations (a field dropped, retyped, emptied, oversized, nested past
 * Jackson's limits, a secret added under a compound name or shaped like a session id), JSON-ish token
 * soup, and arbitrary text. (jqwik was tried first: with its engine on the test classpath an existing
 * real-clock JWT test failed, so this project keeps its own small generator.) Every secret it plants
 * contains {@link #CANARY}, so a test can prove none is ever echoed.
 */
public final class ReportFuzzInputs {
    public static final String CANARY = "CanaryS3cret-7f3a91";
    public static final String SESSION_CANARY = "00Dxx0000001gPL!AQ4AQ" + CANARY + "Zz";

    private static final List<String> FIELDS = List.of("integrationId", "loginUrl", "username", "flow", "error", "failedAt",
            "sourceIp", "credentialUpdatedAt", "credentialSecret", "diagnosticsSecret");
    private static final List<String> SECRET_NAMES = List.of("password", "userPassword", "sfdcPassword", "bearerToken", "privateKeyPem",
            "client_secret", "sessionId", "SESSION-ID", "x-api-key", "refreshTokenValue", "jwt", "assertion", "Authorization", "passwd");
    private static final List<String> TOKENS = List.of("{", "}", "[", "]", ":", ",", "\"", "\"loginUrl\"", "\"username\"", "\"flow\"",
            "\"error\"", "\"SOAP\"", "\"https://login.salesforce.com\"", "\"a@b.com\"", "null", "true", "1e999999", "-0", "\\u0000",
            "\uFEFF", "\"\\ud800\"", " ", "\n", "NaN", "'x'", "/* c */", "\"" + CANARY + "\"");
    private static final List<String> ODD_TEXT = List.of(":::::", "1.2.3.4.5", "fe80::1%eth0", "ftp://x", "http://example.com",
            "https://u:p@host", "https://login.salesforce.com/../x", "2026-13-45T99:00:00Z", "null", "", "a".repeat(90) + "@b.com",
            "-----BEGIN RSA PRIVATE KEY-----\nMIIE" + CANARY);

    private final Random random;
    /** What kinds of input were drawn, for the figures a test prints. */
    private final Map<String, Integer> drawn = new TreeMap<>();

    public ReportFuzzInputs(long seed) {
        this.random = new Random(seed);
    }

    public Map<String, Integer> drawn() {
        return drawn;
    }

    /** Every kind of input, mixed. */
    public String anyReportText() {
        int pick = random.nextInt(10);
        String kind = pick < 5 ? "mutated report" : pick < 7 ? "token soup" : pick < 8 ? "arbitrary text" : pick < 9 ? "BOM + valid" : "valid + trailing";
        drawn.merge(kind, 1, Integer::sum);
        return switch (kind) {
            case "mutated report" -> mutatedReport();
            case "token soup" -> tokenSoup();
            case "arbitrary text" -> text(300);
            case "BOM + valid" -> "\uFEFF" + validReport();
            default -> validReport() + pick(List.of(" ", " {}", "x", "]", "\n\n"));
        };
    }

    public String validReport() {
        Map<String, Object> r = base();
        r.put("flow", pick(List.of("SOAP", "oauth_password", "OAUTH-JWT", "OAUTH_REFRESH_TOKEN")));
        r.put("error", Map.of("code", pick(List.of("INVALID_LOGIN", "invalid_grant", "sf:LOGIN_MUST_USE_SECURITY_TOKEN")),
                "description", "authentication failure"));
        r.put("sourceIp", pick(List.of("203.0.113.7", "2001:db8::1", "::ffff:10.0.0.1")));
        return write(r);
    }

    public String mutatedReport() {
        Map<String, Object> r = base();
        int mutations = 1 + random.nextInt(3);
        for (int i = 0; i < mutations; i++) {
            mutation().accept(r);
        }
        return write(r);
    }

    /** JSON-like token soup: mostly malformed, sometimes accidentally valid. */
    public String tokenSoup() {
        StringBuilder out = new StringBuilder();
        int n = random.nextInt(40);
        for (int i = 0; i < n; i++) {
            out.append(pick(TOKENS));
        }
        return out.toString();
    }

    /** Arbitrary text: any code point (lone surrogates included), control characters, up to {@code max} chars. */
    public String text(int max) {
        int n = random.nextInt(max + 1);
        StringBuilder out = new StringBuilder(n);
        for (int i = 0; i < n; i++) {
            int kind = random.nextInt(4);
            char c = kind == 0 ? (char) random.nextInt(0x20) : kind == 1 ? (char) (0x20 + random.nextInt(0x5f))
                    : kind == 2 ? (char) random.nextInt(0x10000) : "{\"\\:}".charAt(random.nextInt(5));
            out.append(c);
        }
        return out.toString();
    }

    public <T> T pick(List<T> choices) {
        return choices.get(random.nextInt(choices.size()));
    }

    public boolean coin() {
        return random.nextBoolean();
    }

    private static Map<String, Object> base() {
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("integrationId", "billing-sync");
        r.put("loginUrl", "https://acme.my.salesforce.com");
        r.put("username", "integration@acme.com");
        r.put("flow", "SOAP");
        r.put("error", Map.of("code", "INVALID_LOGIN", "description", "Invalid username, password, security token; or user locked out."));
        r.put("failedAt", "2026-11-27T10:15:00Z");
        r.put("sourceIp", "203.0.113.7");
        r.put("credentialSecret", "login-doctor/billing-sync");
        r.put("diagnosticsSecret", "login-doctor/diagnostics");
        return r;
    }

    private Consumer<Map<String, Object>> mutation() {
        String field = pick(FIELDS);
        return switch (random.nextInt(5)) {
            case 0 -> r -> r.remove(field);
            case 1 -> {
                Object odd = oddValue();
                yield r -> r.put(field, odd);
            }
            case 2 -> {
                String name = pick(SECRET_NAMES);
                boolean nested = coin();
                yield r -> r.put(nested ? "extra" : name, nested ? Map.of("deep", List.of(Map.of(name, CANARY))) : CANARY);
            }
            case 3 -> r -> r.put(field, SESSION_CANARY);
            default -> {
                String name = text(20);
                yield r -> r.put(name, CANARY.substring(0, 6));
            }
        };
    }

    /** A value of the wrong type, shape or size. */
    private Object oddValue() {
        return switch (random.nextInt(9)) {
            case 0 -> text(120);
            case 1 -> random.nextInt();
            case 2 -> random.nextDouble() * Math.pow(10, random.nextInt(40));
            case 3 -> coin();
            case 4 -> coin() ? List.of() : Map.of();
            case 5 -> new RawJson("9".repeat(900 + random.nextInt(1200)));
            case 6 -> new RawJson("[".repeat(900 + random.nextInt(600)) + "]".repeat(1500));
            default -> pick(ODD_TEXT);
        };
    }

    /** Text written into the JSON as it is (numbers and nestings beyond what a map can hold). */
    public record RawJson(String text) {
    }

    static String write(Map<String, Object> r) {
        List<String> parts = new ArrayList<>();
        r.forEach((k, v) -> parts.add(quote(k) + ":" + value(v)));
        return "{" + String.join(",", parts) + "}";
    }

    @SuppressWarnings("unchecked")
    private static String value(Object v) {
        if (v instanceof RawJson raw) {
            return raw.text();
        }
        if (v instanceof String s) {
            return quote(s);
        }
        if (v instanceof Map<?, ?> m) {
            return write((Map<String, Object>) m);
        }
        if (v instanceof List<?> l) {
            List<String> items = new ArrayList<>();
            l.forEach(i -> items.add(value(i)));
            return "[" + String.join(",", items) + "]";
        }
        return String.valueOf(v);
    }

    public static String quote(String s) {
        return "\"" + new String(com.fasterxml.jackson.core.io.JsonStringEncoder.getInstance().quoteAsString(s)) + "\"";
    }
}
