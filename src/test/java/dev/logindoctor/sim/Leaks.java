package dev.logindoctor.sim;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds what must never reach an output, a store, an event, a state document or a log: a known
 * secret value (raw or URL-encoded, any letter case), anything marked as a canary, a session id or a
 * signed JWT.
 */
public final class Leaks {
    /** Every canary value in the fault suites carries this, in any letter case. */
    public static final String CANARY = "canary";
    private static final Pattern SESSION_ID = Pattern.compile("00D[A-Za-z0-9]{12,15}(!|%21)[A-Za-z0-9._%]{16,}", Pattern.CASE_INSENSITIVE);
    private static final Pattern JWT = Pattern.compile("eyJ[A-Za-z0-9_-]{5,}\\.eyJ[A-Za-z0-9_-]{5,}\\.[A-Za-z0-9_-]*", Pattern.CASE_INSENSITIVE);

    private Leaks() {
    }

    /** What leaked into {@code text} and where, or null when nothing did. */
    public static String find(String where, String text, Collection<String> secrets) {
        if (text == null || text.isEmpty()) {
            return null;
        }
        String lower = text.toLowerCase(Locale.ROOT);
        for (String secret : secrets) {
            for (String form : new String[] {secret, URLEncoder.encode(secret, StandardCharsets.UTF_8)}) {
                int at = lower.indexOf(form.toLowerCase(Locale.ROOT));
                if (at >= 0) {
                    return "a secret or token reached " + where + ": " + excerpt(text, at);
                }
            }
        }
        if (lower.contains(CANARY)) {
            return "a canary reached " + where + ": " + excerpt(text, lower.indexOf(CANARY));
        }
        Matcher session = SESSION_ID.matcher(text);
        if (session.find()) {
            return "a session id reached " + where + ": " + excerpt(text, session.start());
        }
        Matcher jwt = JWT.matcher(text);
        return jwt.find() ? "a signed JWT reached " + where + ": " + excerpt(text, jwt.start()) : null;
    }

    private static String excerpt(String text, int at) {
        return "…" + text.substring(Math.max(0, at - 120), Math.min(text.length(), at + 60)).replace('\n', ' ') + "…";
    }
}
