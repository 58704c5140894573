package dev.logindoctor.probe;

import dev.logindoctor.model.LoginFlow;
import dev.logindoctor.model.LoginUrl;

import java.util.regex.Pattern;

/** What a registered integration must look like; the same limits a failure report has, so every probe report is valid. */
final class IntegrationRules {
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9._:@-]{1,128}");
    private static final Pattern SECRET_REFERENCE = Pattern.compile("[A-Za-z0-9/_+=.@:-]{1,512}");
    private static final Pattern INSTANCE = Pattern.compile("[A-Za-z0-9-]{2,32}");

    private IntegrationRules() {
    }

    static void check(String id, String loginUrl, String username, LoginFlow flow, String credentialSecret,
                      String diagnosticsSecret, String instance) {
        if (id == null || !ID.matcher(id).matches()) {
            throw new InvalidIntegration("id", "must be 1-128 letters, digits and . _ : @ -");
        }
        checkLoginUrl(loginUrl);
        if (username == null || !username.contains("@") || username.chars().anyMatch(Character::isWhitespace)) {
            throw new InvalidIntegration("username", "must be a Salesforce username in email form, e.g. integration@acme.com");
        }
        if (flow == null) {
            throw new InvalidIntegration("flow", "is required: SOAP, OAUTH_PASSWORD, OAUTH_JWT, OAUTH_REFRESH_TOKEN or OAUTH_CLIENT_CREDENTIALS");
        }
        if (flow == LoginFlow.OAUTH_WEB_SERVER) {
            throw new InvalidIntegration("flow", "OAUTH_WEB_SERVER needs a person at a browser; the probe can only log in "
                    + "with flows that run unattended (probe the refresh token it yields: OAUTH_REFRESH_TOKEN)");
        }
        if (credentialSecret == null || !SECRET_REFERENCE.matcher(credentialSecret).matches()) {
            throw new InvalidIntegration("credentialSecret", "is required: the name or ARN of the secret holding the integration's credential");
        }
        if (diagnosticsSecret != null && !SECRET_REFERENCE.matcher(diagnosticsSecret).matches()) {
            throw new InvalidIntegration("diagnosticsSecret", "must be a Secrets Manager secret name or ARN");
        }
        if (instance != null && !instance.isBlank() && !INSTANCE.matcher(instance.strip()).matches()) {
            throw new InvalidIntegration("instance", "must be a Salesforce instance key such as NA224 or EU46");
        }
    }

    private static void checkLoginUrl(String loginUrl) {
        try {
            LoginUrl.parse(loginUrl);
        } catch (LoginUrl.Invalid e) {
            throw new InvalidIntegration("loginUrl", e.getMessage());
        }
    }
}
