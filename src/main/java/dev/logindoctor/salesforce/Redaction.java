package dev.logindoctor.salesforce;

import dev.logindoctor.engine.HeldSecrets;

import java.util.regex.Pattern;

/**
 * Last line of defence for text that came from the wire and goes into a message: blanks anything
 * shaped like a session id, a signed token or a PEM key. Messages are built from our own words
 * first; this only guards the short body excerpts we quote.
 */
final class Redaction {
    private static final Pattern SESSION_ID = Pattern.compile("00D[A-Za-z0-9]{12,15}(!|%21)[A-Za-z0-9._%-]{8,}");
    private static final Pattern JWT = Pattern.compile("eyJ[A-Za-z0-9_-]{4,}\\.[A-Za-z0-9_-]{4,}\\.[A-Za-z0-9_-]*");
    private static final Pattern PEM = Pattern.compile("-----BEGIN [A-Z ]+-----[\\s\\S]*?(-----END [A-Z ]+-----|$)");
    private static final Pattern BEARER = Pattern.compile("(?i)(bearer\\s+)[^\\s\"'<,]+");
    private static final Pattern SOAP_SESSION = Pattern.compile("(?i)(<(?:\\w+:)?sessionId>)[^<]*");
    private static final Pattern JSON_SECRET = Pattern.compile(
            "(?i)(\"(?:access_token|refresh_token|id_token|assertion|password|client_secret|privateKey|sessionId)\"\\s*:\\s*\")[^\"]*");

    private Redaction() {
    }

    static String redact(String text) {
        if (text == null) {
            return null;
        }
        // First what is a secret (the values this process holds, in any encoding), then what looks like one.
        String t = HeldSecrets.redact(text);
        t = PEM.matcher(t).replaceAll("[redacted key]");
        t = JSON_SECRET.matcher(t).replaceAll("$1[redacted]");
        t = SOAP_SESSION.matcher(t).replaceAll("$1[redacted]");
        t = BEARER.matcher(t).replaceAll("$1[redacted]");
        t = SESSION_ID.matcher(t).replaceAll("[redacted session id]");
        return JWT.matcher(t).replaceAll("[redacted token]");
    }

    /** The start of a body for a message: redacted, one line, at most {@code max} characters. */
    static String excerpt(String body, int max) {
        if (body == null) {
            return "";
        }
        String oneLine = body.strip().replaceAll("\\s+", " ");
        // Redact before cutting: a secret straddling the cut must not leave a recognisable piece.
        String redacted = redact(oneLine);
        redacted = redacted.length() > max ? redacted.substring(0, max) : redacted;
        return redacted.replaceAll("\\p{Cntrl}", "?");
    }
}
