package dev.logindoctor.model;

import java.time.Instant;

/**
 * One {@code LoginHistory} row. {@code status} is Salesforce's free text ("Invalid Password",
 * "Password Lockout", ...): match it case-insensitively, never filter on it in SOQL.
 *
 * @param userId the row's {@code UserId} (15 or 18 characters; compare through {@link SalesforceId}),
 *               null when not read: a row for another user is never evidence about this one
 */
public record LoginHistoryRow(
        Instant loginTime,
        String status,
        String sourceIp,
        String loginType,
        String loginSubType,
        String loginUrl,
        String apiType,
        String apiVersion,
        String application,
        String userId) {

    /** A row whose {@code UserId} was not read. */
    public LoginHistoryRow(Instant loginTime, String status, String sourceIp, String loginType, String loginSubType,
                           String loginUrl, String apiType, String apiVersion, String application) {
        this(loginTime, status, sourceIp, loginType, loginSubType, loginUrl, apiType, apiVersion, application, null);
    }
}
