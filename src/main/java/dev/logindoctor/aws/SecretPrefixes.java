package dev.logindoctor.aws;

import dev.logindoctor.engine.InvalidReport;

/**
 * Where a report's secret references may point: every secret under {@code all}, the diagnostics
 * connection's under {@code diagnostics} (inside {@code all}; the steps can read nothing else, so a
 * report naming another diagnostics secret is refused at the door rather than failing a step later).
 * Each prefix ends with '/': without it, "login-doctor-prod" would also admit "login-doctor-prod-db/...".
 * A null prefix is not checked here (the steps' own reader refuses every secret when it is unset).
 */
record SecretPrefixes(String all, String diagnostics) {

    SecretPrefixes {
        all = blankToNull(all);
        diagnostics = blankToNull(diagnostics);
        requireSlash("SECRET_PREFIX", all);
        requireSlash("DIAGNOSTICS_SECRET_PREFIX", diagnostics);
        if (all != null && diagnostics != null && !diagnostics.startsWith(all)) {
            throw new IllegalArgumentException("DIAGNOSTICS_SECRET_PREFIX must lie inside SECRET_PREFIX ('" + all + "')");
        }
    }

    static SecretPrefixes from(FunctionEnvironment env) {
        return new SecretPrefixes(env.secretPrefix(), env.diagnosticsSecretPrefix());
    }

    /** Refuses a report whose secret references lie outside their prefix, naming the field. */
    void check(String credentialSecret, String diagnosticsSecret) {
        requireUnder("credentialSecret", credentialSecret, all);
        requireUnder("diagnosticsSecret", diagnosticsSecret, all);
        requireUnder("diagnosticsSecret", diagnosticsSecret, diagnostics);
    }

    private static void requireUnder(String field, String reference, String prefix) {
        if (prefix != null && reference != null && !covers(prefix, reference)) {
            throw new InvalidReport(field, "must name a secret whose name starts with '" + prefix
                    + "'; Login Doctor reads no other secrets there");
        }
    }

    /** Whether a secret reference (a name or an ARN) lies under the prefix. */
    static boolean covers(String prefix, String reference) {
        return SecretReference.name(reference).startsWith(prefix);
    }

    /** Refuses a prefix without its trailing '/', naming the variable it came from. */
    static void requireSlash(String variable, String prefix) {
        if (prefix != null && !prefix.endsWith("/")) {
            throw new IllegalArgumentException(variable + " must end with '/' (e.g. login-doctor/), or it admits look-alike secret names");
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
