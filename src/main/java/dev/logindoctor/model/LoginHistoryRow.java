package dev.logindoctor.model;

import java.time.Instant;

/**
 * One {@code LoginHistory} row. {@code status} is Salesforce's free text ("Invalid Password",
 * "Password Lockout", ...): match it case-insensitively, never filter on it in SOQL.
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
        String application) {
}
