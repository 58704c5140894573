package dev.logindoctor.engine;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Generated failure reports for the fuzz tests: valid reports bent by one to three mutations (a field
 * dropped, retyped, emptied, oversized, nested past Jackson's limits, a secret added under a
 * compound name or shaped like a session id), raw JSON-ish token soup, and arbitrary text.
 * Every secret it plants is {@link #CANARY}, so a test can prove none is ever echoed.
 */
public final class ReportFuzzInputs {
    public static final String CANARY = "CanaryS3cret-7f3a91";
    public static final String SESSION_CANARY = "00Dxx0000001gPL!AQ4AQ" + CANARY + "Zz";

    private static final List<String> FIELDS = List.of("integrationId", "loginUrl", "username", "flow", "error", "failedAt",
            "sourceIp", "credentialUpdatedAt", "credentialSecret", "diagnosticsSecret");
    private static final List<String> SECRET_NAMES = List.of("password", "userPassword", "sfdcPassword", "bearerToken", "privateKeyPem",
            "client_secret", "sessionId", "SESSION-ID", "x-api-key", "refreshTokenValue", "jwt", "assertion", "Authorization", "passwd");

    private ReportFuzzInputs() {
    }

    /** Every kind of input, mixed. */
    public static Arbitrary<String> anyReportText() {
        return Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(5, mutatedReports()),
                net.jqwik.api.Tuple.of(2, tokenSoup()),
                net.jqwik.api.Tuple.of(1, Arbitraries.strings().all().ofMaxLength(300)),
                net.jqwik.api.Tuple.of(1, validReports().map(json -> "\uFEFF" + json)),
                net.jqwik.api.Tuple.of(1, validReports().map(json -> json + Arbitraries.of(" ", " {}", "x", "]", "\n\n").sample())));
    }

    public static Arbitrary<String> validReports() {
        return Combinators.combine(Arbitraries.of("SOAP", "oauth_password", "OAUTH-JWT", "OAUTH_REFRESH_TOKEN"),
                Arbitraries.of("INVALID_LOGIN", "invalid_grant", "sf:LOGIN_MUST_USE_SECURITY_TOKEN"),
                Arbitraries.of("203.0.113.7", "2001:db8::1", "::ffff:10.0.0.1")).as((flow, code, ip) -> {
                    Map<String, Object> r = base();
                    r.put("flow", flow);
                    r.put("error", Map.of("code", code, "description", "authentication failure"));
                    r.put("sourceIp", ip);
                    return write(r);
                });
    }

    public static Arbitrary<String> mutatedReports() {
        return mutation().list().ofMinSize(1).ofMaxSize(3).map(mutations -> {
            Map<String, Object> r = base();
            mutations.forEach(m -> m.accept(r));
            return write(r);
        });
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

    private static Arbitrary<java.util.function.Consumer<Map<String, Object>>> mutation() {
        Arbitrary<String> field = Arbitraries.of(FIELDS);
        return Arbitraries.oneOf(
                field.map(f -> r -> r.remove(f)),
                Combinators.combine(field, oddValue()).as((f, v) -> r -> r.put(f, v)),
                Combinators.combine(Arbitraries.of(SECRET_NAMES), Arbitraries.of(true, false))
                        .as((name, nested) -> r -> r.put(nested ? "extra" : name, nested ? Map.of("deep", List.of(Map.of(name, CANARY))) : CANARY)),
                Arbitraries.of(FIELDS).map(f -> r -> r.put(f, SESSION_CANARY)),
                Arbitraries.strings().all().ofMaxLength(20).map(name -> r -> r.put(name, CANARY.substring(0, 6))));
    }

    /** A value of the wrong type, shape or size. */
    private static Arbitrary<Object> oddValue() {
        return Arbitraries.oneOf(
                Arbitraries.strings().all().ofMaxLength(120).map(s -> (Object) s),
                Arbitraries.integers().map(i -> (Object) i),
                Arbitraries.doubles().map(d -> (Object) d),
                Arbitraries.of(true, false).map(b -> (Object) b),
                Arbitraries.just((Object) List.of()),
                Arbitraries.just((Object) Map.of()),
                Arbitraries.just((Object) new RawJson("9".repeat(1500))),
                Arbitraries.just((Object) new RawJson("[".repeat(1200) + "]".repeat(1200))),
                Arbitraries.just((Object) ("a".repeat(90) + "@b.com")),
                Arbitraries.of(":::::", "1.2.3.4.5", "fe80::1%eth0", "ftp://x", "http://example.com", "https://u:p@host",
                        "https://login.salesforce.com/../x", "2026-13-45T99:00:00Z", "null", "").map(s -> (Object) s),
                Arbitraries.just((Object) ("-----BEGIN RSA PRIVATE KEY-----\nMIIE" + CANARY)));
    }

    /** JSON-like token soup: mostly malformed, sometimes accidentally valid. */
    public static Arbitrary<String> tokenSoup() {
        return Arbitraries.of("{", "}", "[", "]", ":", ",", "\"", "\"loginUrl\"", "\"username\"", "\"flow\"", "\"error\"", "\"SOAP\"",
                "\"https://login.salesforce.com\"", "\"a@b.com\"", "null", "true", "1e999999", "-0", "\\u0000", "\uFEFF", "\"\\ud800\"",
                " ", "\n", "NaN", "'x'", "/* c */", "\"" + CANARY + "\"").list().ofMaxSize(40).map(parts -> String.join("", parts));
    }

    /** Text written into the JSON as it is (numbers and nestings beyond what a map can hold). */
    public record RawJson(String text) {
    }

    static String write(Map<String, Object> r) {
        StringBuilder out = new StringBuilder("{");
        List<String> parts = new ArrayList<>();
        r.forEach((k, v) -> parts.add(quote(k) + ":" + value(v)));
        return out.append(String.join(",", parts)).append('}').toString();
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
        if (v instanceof Double d && (d.isNaN() || d.isInfinite())) {
            return "0";
        }
        return String.valueOf(v);
    }

    private static String quote(String s) {
        return new String(com.fasterxml.jackson.core.io.JsonStringEncoder.getInstance().quoteAsString(s), 0,
                com.fasterxml.jackson.core.io.JsonStringEncoder.getInstance().quoteAsString(s).length) .transform(q -> "\"" + q + "\"");
    }
}
