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
            // The suffix encodes the case of the first 15 characters: restore it, so an 18-character
            // id whose case was changed (exported, upper-cased) still names the same record.
            String restored = restoreCase(trimmed);
            return restored == null ? to18(trimmed.substring(0, 15)) : to18(restored);
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

    /** The first 15 characters with their case as the suffix says, or null when the suffix is not one. */
    private static String restoreCase(String id18) {
        if (!id18.chars().allMatch(Character::isLetterOrDigit)) {
            return null;
        }
        StringBuilder restored = new StringBuilder(15);
        for (int chunk = 0; chunk < 3; chunk++) {
            int bits = SUFFIX_ALPHABET.indexOf(Character.toUpperCase(id18.charAt(15 + chunk)));
            if (bits < 0) {
                return null;
            }
            for (int i = 0; i < 5; i++) {
                char c = id18.charAt(chunk * 5 + i);
                boolean upper = (bits & (1 << i)) != 0;
                restored.append(Character.isLetter(c) ? (upper ? Character.toUpperCase(c) : Character.toLowerCase(c)) : c);
            }
        }
        return restored.toString();
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
