package dev.logindoctor.engine;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What a secret looks like when it turns up where only references belong: a field name that says
 * "a secret is here" (also inside compound names such as {@code sfdcPassword}), or a value shaped
 * like a private key, a session id or a signed token.
 */
public final class SecretShapes {
    /** Fragments of a normalized field name (lower case, letters and digits only) that mean a secret value. */
    private static final List<String> SECRET_NAME_PARTS = List.of("password", "passwd", "passphrase", "secret", "token",
            "privatekey", "sessionid", "apikey", "authorization", "cookie", "bearer", "assertion", "signingkey");
    /** Whole normalized names that mean a secret value (too short to look for inside other names). */
    private static final Set<String> SECRET_NAMES = Set.of("pass", "pwd", "sid", "jwt", "credential", "credentials", "session", "pem");
    /** The documented reference fields: names or ARNs of secrets, never their values. */
    private static final Set<String> REFERENCE_NAMES = Set.of("credentialsecret", "diagnosticssecret");

    private static final Pattern PEM = Pattern.compile("-----BEGIN [A-Z0-9 ]*(PRIVATE KEY|CERTIFICATE)-----");
    /** An access token / session id: the org id, '!' (or its URL encoding), then the opaque part. */
    private static final Pattern SESSION_ID = Pattern.compile("00D[A-Za-z0-9]{12,15}(!|%21)[A-Za-z0-9._%]{16,}");
    private static final Pattern JWT = Pattern.compile("eyJ[A-Za-z0-9_-]{5,}\\.eyJ[A-Za-z0-9_-]{5,}\\.[A-Za-z0-9_-]*");

    private SecretShapes() {
    }

    /** True when a field of this name would carry a secret value rather than a reference to one. */
    public static boolean isSecretName(String fieldName) {
        String n = fieldName.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
        if (REFERENCE_NAMES.contains(n)) {
            return false;
        }
        return SECRET_NAMES.contains(n) || SECRET_NAME_PARTS.stream().anyMatch(n::contains);
    }

    /** True when the text holds something shaped like a private key, a session id or a signed token. */
    public static boolean looksLikeSecret(String value) {
        return value != null && (PEM.matcher(value).find() || SESSION_ID.matcher(value).find() || JWT.matcher(value).find());
    }
}
