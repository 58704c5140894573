package dev.logindoctor.aws;

import dev.logindoctor.model.FailureReport;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;

/**
 * The deterministic execution name that makes a storm of identical reports start one diagnosis:
 * {@code {integration, sanitised, ≤ 40}-{window start yyyyMMdd'T'HHmm}-{16 hex of SHA-256(integration key, window start)}}.
 * The failure window is failedAt rounded down to a 15-minute bucket (10:00, 10:15, 10:30, ...): the
 * same integration failing twice within one bucket is one diagnosis; failures either side of a
 * bucket boundary are two. The readable part is for the console; the hash, over the unsanitised key,
 * keeps "a.b" and "a_b" apart. At most 80 characters of [A-Za-z0-9_-], as Step Functions allows.
 */
public final class ExecutionName {
    public static final long WINDOW_SECONDS = 15 * 60;
    private static final int READABLE_KEY_LENGTH = 40;
    private static final DateTimeFormatter WINDOW = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmm").withZone(ZoneOffset.UTC);

    private ExecutionName() {
    }

    public static String of(FailureReport report) {
        String key = report.integrationKey();
        Instant window = windowStart(report.failedAt());
        String readable = key.replaceAll("[^A-Za-z0-9_-]", "_");
        if (readable.length() > READABLE_KEY_LENGTH) {
            readable = readable.substring(0, READABLE_KEY_LENGTH);
        }
        String hash = sha256Hex(key + "\n" + window.getEpochSecond()).substring(0, 16);
        return readable + "-" + WINDOW.format(window) + "-" + hash;
    }

    static Instant windowStart(Instant failedAt) {
        long seconds = failedAt.getEpochSecond();
        return Instant.ofEpochSecond(seconds - Math.floorMod(seconds, WINDOW_SECONDS));
    }

    private static String sha256Hex(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
