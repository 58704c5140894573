package dev.logindoctor.steps;

import dev.logindoctor.model.FailureReport;
import dev.logindoctor.model.LoginFlow;
import dev.logindoctor.model.LoginHistoryRow;

import java.util.List;
import java.util.Locale;

/**
 * Which of the user's LoginHistory rows can be the failing integration's own attempts. The same user also logs
 * in through the UI, SSO and other connected apps (docs/salesforce-wire-facts.md#logintype-and-loginsubtype:
 * LoginType Application, SAML…, Remote Access 2.0 with a LoginSubType per OAuth flow, Partner / Other Apex API
 * for SOAP), from other addresses. A row is set aside only on positive evidence that it is another client: a
 * UI/SSO LoginType or an OAuth LoginSubType of another flow, or a SourceIp other than the report's when the
 * report's address does appear in the user's history (so it is the address Salesforce sees, not one hidden
 * behind NAT). Unknown or missing values never set a row aside.
 */
final class IntegrationRows {
    private enum Kind { UI, OAUTH, SOAP, UNKNOWN }

    private final LoginFlow flow;
    private final String reportedIp;

    private IntegrationRows(LoginFlow flow, String reportedIp) {
        this.flow = flow;
        this.reportedIp = reportedIp;
    }

    /** @param userRows all of the user's timed rows that were read: they say whether the reported address is Salesforce's view */
    static IntegrationRows of(FailureReport report, List<LoginHistoryRow> userRows) {
        String ip = report.sourceIp() == null || report.sourceIp().isBlank() ? null : report.sourceIp().strip();
        boolean seen = ip != null && userRows.stream().anyMatch(r -> ip.equalsIgnoreCase(strip(r.sourceIp())));
        return new IntegrationRows(report.flow(), seen ? ip : null);
    }

    /** Null when the row may be the integration's; else why it is another client's. */
    String otherClient(LoginHistoryRow r) {
        Kind kind = kind(r.loginType());
        if (flow != null && kind != Kind.UNKNOWN) {
            // Only UI/SSO rows are set aside by LoginType: every flow here is an API login, except the web-server
            // flow, which starts with one. SOAP vs OAuth LoginTypes are not relied on (their values vary by release).
            boolean fits = kind != Kind.UI || flow == LoginFlow.OAUTH_WEB_SERVER;
            if (!fits) {
                return "LoginType '" + r.loginType().strip() + "'";
            }
        }
        String sub = subTypeFlow(r.loginSubType());
        if (flow != null && flow.isOAuth() && sub != null && !sub.equals(flow.name())) {
            return "LoginSubType '" + r.loginSubType().strip() + "'";
        }
        if (reportedIp != null && strip(r.sourceIp()) != null && !reportedIp.equalsIgnoreCase(strip(r.sourceIp()))) {
            return "SourceIp " + strip(r.sourceIp());
        }
        return null;
    }

    private static Kind kind(String loginType) {
        String t = loginType == null ? "" : loginType.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
        if (t.isEmpty()) {
            return Kind.UNKNOWN;
        }
        if (t.contains("remoteaccess") || t.startsWith("oauth")) {
            return Kind.OAUTH;
        }
        if (t.equals("application") || t.startsWith("saml") || t.contains("sso") || t.contains("lightninglogin")
                || t.equals("certificate")) {
            return Kind.UI;
        }
        if (t.startsWith("partner") || t.contains("otherapexapi") || t.equals("otherapi")) {
            return Kind.SOAP;
        }
        return Kind.UNKNOWN;
    }

    /**
     * The flow a known OAuth LoginSubType belongs to
     * (docs/salesforce-wire-facts.md#logintype-and-loginsubtype), else null.
     */
    private static String subTypeFlow(String subType) {
        String t = subType == null ? "" : subType.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
        if (!t.startsWith("oauth")) {
            return null;
        }
        if (t.contains("usernamepassword")) {
            return LoginFlow.OAUTH_PASSWORD.name();
        }
        if (t.contains("refreshtoken")) {
            return LoginFlow.OAUTH_REFRESH_TOKEN.name();
        }
        if (t.contains("clientcredentials")) {
            return LoginFlow.OAUTH_CLIENT_CREDENTIALS.name();
        }
        if (t.contains("webserver")) {
            return LoginFlow.OAUTH_WEB_SERVER.name();
        }
        if (t.contains("jwt")) {
            return LoginFlow.OAUTH_JWT.name();
        }
        if (t.contains("useragent")) {
            return "OAUTH_USER_AGENT";
        }
        return null;
    }

    private static String strip(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
