package dev.logindoctor.model;

import java.time.Instant;

/**
 * What an integration reports after a failed login. It carries references to secrets
 * (secret names or ARNs), never secrets. Only loginUrl, username, flow and error are required.
 */
public record FailureReport(
        String integrationId,
        String loginUrl,
        String username,
        LoginFlow flow,
        ReportedError error,
        Instant failedAt,
        String sourceIp,
        Instant credentialUpdatedAt,
        String credentialSecret,
        String diagnosticsSecret) {

    /** The integration id, or one derived from the username when the report has none. */
    public String integrationKey() {
        return integrationId != null && !integrationId.isBlank() ? integrationId : "user:" + username.toLowerCase(java.util.Locale.ROOT);
    }
}
