package dev.logindoctor.engine;

import dev.logindoctor.model.FailureReport;
import dev.logindoctor.model.IpRange;
import dev.logindoctor.model.LoginUrl;

import java.util.regex.Pattern;

/**
 * The rules a failure report must meet before anything is started, checked on the typed value: the
 * CLI and Intake after parsing, the probe on the report it builds. A refusal names the field and
 * what is wrong, never the value.
 */
public final class FailureReportRules {
    static final String SECRET_VALUE = "contains what looks like a key, session id or signed token; "
            + "a report carries references to secrets, never secrets";
    /** Salesforce's own limit on a username's length. */
    static final int MAX_USERNAME = 80;
    private static final Pattern SECRET_REFERENCE = Pattern.compile("[A-Za-z0-9/_+=.@:-]{1,512}");
    private static final Pattern INTEGRATION_ID = Pattern.compile("[A-Za-z0-9._:@-]{1,128}");

    private FailureReportRules() {
    }

    /** @return the same report, when it meets every rule */
    public static FailureReport check(FailureReport report) {
        return check(report, true);
    }

    /** The same rules for an integration described before anything failed (the risk check): {@code error} may be absent. */
    public static FailureReport checkWithoutError(FailureReport report) {
        return check(report, false);
    }

    private static FailureReport check(FailureReport report, boolean errorRequired) {
        if (report == null) {
            throw new InvalidReport(null, "the report is empty: expected loginUrl, username, flow and error");
        }
        checkLoginUrl(required("loginUrl", report.loginUrl()));
        checkUsername(required("username", report.username()));
        if (report.flow() == null) {
            throw new InvalidReport("flow", "is required");
        }
        if (report.error() == null && errorRequired) {
            throw new InvalidReport("error", "is required: {\"code\": \"INVALID_LOGIN\", \"description\": \"...\"}");
        }
        if (report.error() != null) {
            required("error.code", report.error().code());
        }
        matching("integrationId", report.integrationId(), INTEGRATION_ID, "letters, digits and . _ : @ - (at most 128)");
        matching("credentialSecret", report.credentialSecret(), SECRET_REFERENCE, "a Secrets Manager secret name or ARN");
        matching("diagnosticsSecret", report.diagnosticsSecret(), SECRET_REFERENCE, "a Secrets Manager secret name or ARN");
        if (report.sourceIp() != null && !IpRange.isAddress(report.sourceIp())) {
            throw new InvalidReport("sourceIp", "must be an IPv4 or IPv6 address such as 203.0.113.7");
        }
        if (report.error() != null) {
            noSecretValue("error.code", report.error().code());
            noSecretValue("error.description", report.error().description());
        }
        noSecretValue("loginUrl", report.loginUrl());
        noSecretValue("username", report.username());
        return report;
    }

    private static String required(String field, String value) {
        if (value == null || value.isBlank()) {
            throw new InvalidReport(field, value == null ? "is required" : "must not be empty");
        }
        return value;
    }

    private static void matching(String field, String value, Pattern pattern, String expected) {
        if (value != null && !pattern.matcher(value).matches()) {
            throw new InvalidReport(field, "must be " + expected);
        }
    }

    private static void noSecretValue(String field, String value) {
        if (SecretShapes.looksLikeSecret(value)) {
            throw new InvalidReport(field, SECRET_VALUE);
        }
    }

    private static void checkUsername(String username) {
        if (!username.contains("@") || username.chars().anyMatch(Character::isWhitespace)) {
            throw new InvalidReport("username", "must be a Salesforce username in email form, e.g. integration@acme.com");
        }
        if (username.length() > MAX_USERNAME) {
            throw new InvalidReport("username", "is longer than Salesforce's " + MAX_USERNAME + " characters");
        }
    }

    private static void checkLoginUrl(String loginUrl) {
        try {
            LoginUrl.parse(loginUrl);
        } catch (LoginUrl.Invalid e) {
            throw new InvalidReport("loginUrl", e.getMessage());
        }
    }
}
