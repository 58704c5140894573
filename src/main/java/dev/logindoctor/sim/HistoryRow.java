package dev.logindoctor.sim;

import java.time.Instant;

/** One LoginHistory row as the sim stores it ({@code Status} is Salesforce's free text). */
record HistoryRow(String id, String userId, Instant loginTime, String status, String sourceIp, String loginType,
                  String loginSubType, String loginUrl, String apiType, String apiVersion, String application,
                  String browser, String platform) {
}
