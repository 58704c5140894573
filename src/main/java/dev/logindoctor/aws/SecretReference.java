package dev.logindoctor.aws;

/**
 * A secret reference as reports and registrations carry it: a Secrets Manager name or ARN. Kept
 * apart from the SDK so checking a reference against the prefix (Intake's refusals) loads no SDK class.
 */
final class SecretReference {
    private SecretReference() {
    }

    /** The secret's name: the reference itself, or the name inside an ARN (…:secret:NAME-AbCdEf). */
    static String name(String reference) {
        int marker = reference.indexOf(":secret:");
        return reference.startsWith("arn:") && marker > 0 ? reference.substring(marker + ":secret:".length()) : reference;
    }
}
