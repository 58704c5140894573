package dev.logindoctor.model;

import java.util.Locale;

/**
 * The error the integration received: a SOAP {@code exceptionCode} (or fault code) and message,
 * or an OAuth {@code error} and {@code error_description}.
 */
public record ReportedError(String code, String description) {
    private static final java.util.regex.Pattern FAULTSTRING = java.util.regex.Pattern.compile("((?:[A-Za-z]+:)?[A-Z][A-Z0-9_]+):\\s+(.+)", java.util.regex.Pattern.DOTALL);

    /** An OAuth pair in one field, any case, with or without a space: "invalid_grant: authentication failure". */
    private static final java.util.regex.Pattern OAUTH_PAIR = java.util.regex.Pattern.compile("([A-Za-z]+_[A-Za-z0-9_]+):\\s*(.+)", java.util.regex.Pattern.DOTALL);

    public ReportedError {
        code = code == null ? "" : code.strip();
        description = description == null ? "" : description.strip();
        // A whole faultstring or OAuth pair in the code field ("INVALID_LOGIN: Invalid username, ..."): split it.
        java.util.regex.Matcher faultstring = FAULTSTRING.matcher(code);
        if (!faultstring.matches()) {
            faultstring = OAUTH_PAIR.matcher(code);
        }
        if (faultstring.matches()) {
            description = description.isEmpty() ? faultstring.group(2).strip() : description;
            code = faultstring.group(1);
        }
        // SOAP fault codes come both as "sf:INVALID_LOGIN" and bare "INVALID_LOGIN".
        int colon = code.indexOf(':');
        if (colon >= 0 && colon < code.length() - 1 && !code.contains(" ")) {
            code = code.substring(colon + 1);
        }
    }

    public boolean codeIs(String expected) {
        return code.equalsIgnoreCase(expected);
    }

    /** Case-insensitive containment test on the description. */
    public boolean descriptionContains(String fragment) {
        return description.toLowerCase(Locale.ROOT).contains(fragment.toLowerCase(Locale.ROOT));
    }
}
