package dev.logindoctor.model;

/**
 * Salesforce record ids come as 15-character (case-sensitive) or 18-character (case-insensitive
 * suffix) forms. Compare ids only through this class.
 */
public final class SalesforceId {
    private static final String SUFFIX_ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZ012345";

    private SalesforceId() {
    }

    /** The 18-character form of a 15- or 18-character id; other input comes back unchanged. */
    public static String to18(String id) {
        if (id == null) {
            return null;
        }
        String trimmed = id.strip();
        if (trimmed.length() == 18) {
            // The first 15 characters carry the case; normalise the suffix from them.
            return to18(trimmed.substring(0, 15));
        }
        if (trimmed.length() != 15 || !trimmed.chars().allMatch(Character::isLetterOrDigit)) {
            return trimmed;
        }
        StringBuilder suffix = new StringBuilder(3);
        for (int chunk = 0; chunk < 3; chunk++) {
            int bits = 0;
            for (int i = 0; i < 5; i++) {
                char c = trimmed.charAt(chunk * 5 + i);
                if (c >= 'A' && c <= 'Z') {
                    bits |= 1 << i;
                }
            }
            suffix.append(SUFFIX_ALPHABET.charAt(bits));
        }
        return trimmed + suffix;
    }

    /** True when both denote the same record, whatever their lengths. */
    public static boolean same(String a, String b) {
        if (a == null || b == null) {
            return false;
        }
        String x = to18(a);
        String y = to18(b);
        return x.length() == 18 && y.length() == 18 ? x.equals(y) : a.strip().equals(b.strip());
    }
}
