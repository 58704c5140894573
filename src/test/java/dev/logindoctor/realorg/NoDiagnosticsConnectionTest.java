package dev.logindoctor.realorg;

import dev.logindoctor.model.Cause;
import dev.logindoctor.model.Diagnosis;
import dev.logindoctor.model.Finding;
import dev.logindoctor.model.Verdict;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static dev.logindoctor.realorg.EveryCauseOnARealOrgTest.assertCause;
import static dev.logindoctor.realorg.EveryCauseOnARealOrgTest.explain;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * No diagnostics connection: the report and Trust are all there is. What the report alone proves
 * (docs/salesforce-wire-facts.md#soap-exception-codes-at-login,
 * docs/salesforce-wire-facts.md#oauth-token-endpoint-errors, and Trust through the My Domain alias:
 * docs/salesforce-wire-facts.md#trust-status-api) is confirmed; everything else stays UNDETERMINED, and no step
 * that needs the org claims anything.
 */
class NoDiagnosticsConnectionTest {
    private final RealOrg org = new RealOrg().withoutDiagnosticsConnection();

    @AfterEach
    void stop() {
        org.close();
    }

    static String report(String flow, String loginUrl, String code, String description) {
        return "{\"integrationId\":\"billing-sync\",\"loginUrl\":" + RealOrg.quote(loginUrl) + ",\"username\":\"integration@acme.com\","
                + "\"flow\":\"" + flow + "\",\"error\":{\"code\":" + RealOrg.quote(code)
                + (description == null ? "" : ",\"description\":" + RealOrg.quote(description))
                + "},\"failedAt\":\"2026-11-27T10:15:00Z\",\"sourceIp\":\"203.0.113.7\"}";
    }

    private static final String MY_DOMAIN = "https://acme.my.salesforce.com";
    private static final String SOAP_62 = "https://acme.my.salesforce.com/services/Soap/u/62.0";

    @ParameterizedTest(name = "{0} {2} {3} -> {4}")
    @CsvSource(delimiter = '|', nullValues = "NULL", textBlock = """
            SOAP                | https://acme.my.salesforce.com/services/Soap/u/62.0 | sf:LOGIN_MUST_USE_SECURITY_TOKEN | LOGIN_MUST_USE_SECURITY_TOKEN: Invalid username, password, security token; or user locked out. Are you at a new location? | SECURITY_TOKEN_MISSING_OR_STALE
            SOAP                | https://acme.my.salesforce.com/services/Soap/u/62.0 | sf:PASSWORD_LOCKOUT               | PASSWORD_LOCKOUT: Your account is locked | USER_LOCKED_OUT
            SOAP                | https://acme.my.salesforce.com/services/Soap/u/62.0 | LOGIN_DURING_RESTRICTED_DOMAIN    | LOGIN_DURING_RESTRICTED_DOMAIN: Login during restricted domain | LOGIN_IP_RESTRICTED
            SOAP                | https://acme.my.salesforce.com/services/Soap/u/62.0 | sf:LOGIN_DURING_RESTRICTED_TIME   | NULL | LOGIN_HOURS_RESTRICTED
            SOAP                | https://acme.my.salesforce.com/services/Soap/u/62.0 | sf:API_DISABLED_FOR_ORG           | API_DISABLED_FOR_ORG: API is not enabled for this Organization or Partner | API_ACCESS_DISABLED
            SOAP                | https://acme.my.salesforce.com/services/Soap/u/62.0 | API_CURRENTLY_DISABLED            | API_CURRENTLY_DISABLED: API is disabled for this User | API_ACCESS_DISABLED
            SOAP                | https://acme.my.salesforce.com/services/Soap/u/62.0 | API_CURRENTLY_DISABLED            | API_CURRENTLY_DISABLED: Your trial has expired. | ORG_UNAVAILABLE
            SOAP                | https://acme.my.salesforce.com/services/Soap/u/62.0 | sf:ORG_LOCKED                     | NULL | ORG_UNAVAILABLE
            SOAP                | https://acme.my.salesforce.com/services/Soap/u/62.0 | sf:TRIAL_EXPIRED                  | NULL | ORG_UNAVAILABLE
            OAUTH_JWT           | https://login.salesforce.com   | inactive_org | organization is locked, closed, or suspended | ORG_UNAVAILABLE
            SOAP                | https://acme.my.salesforce.com/services/Soap/u/62.0 | sf:INVALID_OPERATION_WITH_EXPIRED_PASSWORD | INVALID_OPERATION_WITH_EXPIRED_PASSWORD: The users password has expired, you must call SetPassword before attempting any other API operations | PASSWORD_EXPIRED
            SOAP                | https://acme.my.salesforce.com/services/Soap/u/62.0 | sf:UNSUPPORTED_CLIENT             | UNSUPPORTED_CLIENT: TLS 1.0 has been disabled in this organization. Please use TLS 1.1 or higher when connecting to Salesforce using https. | CLIENT_UNSUPPORTED
            SOAP                | https://acme.my.salesforce.com/services/Soap/u/20.0 | sf:UNSUPPORTED_API_VERSION        | UNSUPPORTED_API_VERSION: Invalid Api version specified on URL | CLIENT_UNSUPPORTED
            SOAP                | https://acme.my.salesforce.com/services/Soap/u/62.0 | sf:SSO_SERVICE_DOWN               | NULL | DELEGATED_AUTH_FAILED
            SOAP                | https://acme.my.salesforce.com/services/Soap/u/62.0 | INVALID_SSO_GATEWAY_URL           | NULL | DELEGATED_AUTH_FAILED
            SOAP                | https://acme.my.salesforce.com/services/Soap/u/62.0 | sf:INVALID_OPERATION              | INVALID_OPERATION: SOAP API login() is disabled by default in this org. Contact the org administrator to enable SOAP API login(). | LOGIN_FLOW_BLOCKED
            SOAP                | https://acme.my.salesforce.com/services/Soap/u/62.0 | sf:INVALID_OPERATION              | INVALID_OPERATION: The SOAP Login operation is not available in the API version specified (65.0). | LOGIN_FLOW_BLOCKED
            OAUTH_REFRESH_TOKEN | https://acme.my.salesforce.com | invalid_grant | inactive user | USER_INACTIVE
            OAUTH_PASSWORD      | https://acme.my.salesforce.com | invalid_grant | ip restricted | UNDETERMINED
            SOAP                | https://acme.my.salesforce.com/services/Soap/u/62.0 | sf:INSUFFICIENT_ACCESS            | INSUFFICIENT_ACCESS: insufficient access rights on object id | LOGIN_FLOW_BLOCKED
            SOAP                | https://acme.my.salesforce.com/services/Soap/u/65.0 | sf:INVALID_LOGIN                  | INVALID_LOGIN: Invalid username, password, security token; or user locked out. | LOGIN_FLOW_BLOCKED
            SOAP                | https://acme.lightning.force.com/services/Soap/u/62.0 | 405                             | Only POST allowed | WRONG_LOGIN_ENDPOINT
            OAUTH_PASSWORD      | https://acme.lightning.force.com | HTTP_405 | Method Not Allowed | WRONG_LOGIN_ENDPOINT
            OAUTH_PASSWORD      | https://acme.my.salesforce.com | inactive_user | user is inactive | USER_INACTIVE
            OAUTH_PASSWORD      | https://acme.my.salesforce.com | rate_limit_exceeded | number of logins exceeded | LOGIN_RATE_EXCEEDED
            OAUTH_JWT           | https://login.salesforce.com   | invalid_grant | user hasn't approved this consumer | CONNECTED_APP_NOT_APPROVED
            OAUTH_JWT           | https://login.salesforce.com   | invalid_grant | audience is invalid | JWT_ASSERTION_INVALID
            OAUTH_JWT           | https://login.salesforce.com   | invalid_grant | Audience validation failed | JWT_ASSERTION_INVALID
            OAUTH_JWT           | https://login.salesforce.com   | invalid_grant | expired authorization code | JWT_ASSERTION_INVALID
            OAUTH_JWT           | https://login.salesforce.com   | invalid_grant | invalid assertion | JWT_ASSERTION_INVALID
            OAUTH_CLIENT_CREDENTIALS | https://login.salesforce.com | unsupported_grant_type | grant type not supported | WRONG_LOGIN_ENDPOINT
            OAUTH_CLIENT_CREDENTIALS | https://test.salesforce.com  | invalid_grant | request not supported on this domain | WRONG_LOGIN_ENDPOINT
            OAUTH_CLIENT_CREDENTIALS | https://acme.my.salesforce.com | invalid_grant | request not supported on this domain | UNDETERMINED
            SOAP                | https://acme.my.salesforce.com/services/Soap/u/62.0 | sf:INVALID_LOGIN | INVALID_LOGIN: Invalid username, password, security token; or user locked out. | UNDETERMINED
            OAUTH_PASSWORD      | https://acme.my.salesforce.com | invalid_grant | authentication failure | UNDETERMINED
            OAUTH_PASSWORD      | https://login.salesforce.com   | invalid_grant | authentication failure | UNDETERMINED
            OAUTH_JWT           | https://login.salesforce.com   | invalid_grant | authentication failure | UNDETERMINED
            OAUTH_PASSWORD      | https://acme.my.salesforce.com | invalid_grant | IP restricted or invalid login hours | UNDETERMINED
            OAUTH_PASSWORD      | https://login.salesforce.com   | unsupported_grant_type | grant type not supported | UNDETERMINED
            OAUTH_REFRESH_TOKEN | https://acme.my.salesforce.com | invalid_grant | expired access/refresh token | REFRESH_TOKEN_INVALID
            OAUTH_WEB_SERVER    | https://acme.my.salesforce.com | invalid_grant | expired access/refresh token | UNDETERMINED
            OAUTH_REFRESH_TOKEN | https://acme.my.salesforce.com | INVALID_SESSION_ID | Session expired or invalid | UNDETERMINED
            OAUTH_JWT           | https://login.salesforce.com   | INVALID_SESSION_ID | Session expired or invalid | UNDETERMINED
            OAUTH_PASSWORD      | https://acme.my.salesforce.com | invalid_client_id | client identifier invalid | CONNECTED_APP_CLIENT_INVALID
            OAUTH_CLIENT_CREDENTIALS | https://acme.my.salesforce.com | invalid_client | invalid client credentials | CONNECTED_APP_CLIENT_INVALID
            OAUTH_REFRESH_TOKEN | https://acme.my.salesforce.com | invalid_client_credentials | client secret invalid | CONNECTED_APP_CLIENT_INVALID
            OAUTH_JWT           | https://login.salesforce.com   | invalid_client_id | client identifier invalid | JWT_ASSERTION_INVALID
            OAUTH_REFRESH_TOKEN | https://acme.my.salesforce.com | invalid_app_access | user is not admin approved to access this app | CONNECTED_APP_ACCESS_DENIED
            OAUTH_CLIENT_CREDENTIALS | https://acme.my.salesforce.com | invalid_grant | no client credentials user enabled | CONNECTED_APP_ACCESS_DENIED
            OAUTH_JWT           | https://test.salesforce.com    | invalid_grant | External client app is not installed in this org | CONNECTED_APP_ACCESS_DENIED
            SOAP                | https://login.salesforce.com/services/Soap/u/62.0 | sf:INVALID_LOGIN | INVALID_LOGIN: Invalid username, password, security token; or user locked out. | UNDETERMINED
            OAUTH_PASSWORD      | https://acme.my.salesforce.com | invalid_grant | NULL | UNDETERMINED
            """)
    void theReportAloneProvesOnlyWhatItSays(String flow, String loginUrl, String code, String description, Cause expected) {
        Diagnosis d = org.diagnose(report(flow, loginUrl, code, description));
        assertCause(expected, d);
        // Steps that need the org say so instead of guessing.
        for (Finding f : d.findings()) {
            if (f.verdict() == Verdict.INCONCLUSIVE) {
                assertFalse(f.evidence().isEmpty(), () -> f.step() + " is inconclusive without a reason\n" + explain(d));
            }
        }
    }

    @Test
    void nothingNeedingTheOrgIsRuledOutEither() {
        Diagnosis d = org.diagnose(report("SOAP", SOAP_62, "sf:INVALID_LOGIN", "INVALID_LOGIN: Invalid username, password, security token; or user locked out."));
        assertCause(Cause.UNDETERMINED, d);
        for (Cause c : new Cause[] {Cause.WRONG_PASSWORD, Cause.USER_LOCKED_OUT, Cause.USER_FROZEN, Cause.USERNAME_NOT_FOUND, Cause.LOGIN_IP_RESTRICTED}) {
            d.findings().stream().filter(f -> f.cause() == c).forEach(f -> assertEquals(Verdict.INCONCLUSIVE, f.verdict(), () -> explain(d)));
        }
        assertTrue(org.paths().stream().noneMatch(p -> p.contains("/services/data")), () -> "the org was read: " + org.paths());
    }

    @Test
    void maintenanceFromTrustThroughTheMyDomainAlias() {
        String maintenance = "{\"id\":1401234,\"message\":{\"maintenanceType\":\"patch\",\"availability\":\"partial\",\"eventStatus\":\"inProgress\"},"
                + "\"name\":\"NA224 Patch Release\",\"plannedStartTime\":\"2026-11-27T10:00:00.000Z\",\"plannedEndTime\":\"2026-11-27T12:00:00.000Z\","
                + "\"isCore\":true,\"affectsAll\":false,\"instanceKeys\":[\"NA224\"],\"serviceKeys\":[\"coreService\"]}";
        org.trust("{\"key\":\"NA224\",\"location\":\"NA\",\"environment\":\"production\",\"status\":\"MAINTENANCE_CORE\",\"isActive\":true,"
                + "\"Products\":[],\"Incidents\":[],\"Maintenances\":[" + maintenance + "]}", "[" + maintenance + "]", "[]");
        assertCause(Cause.ORG_MAINTENANCE, org.diagnose(report("SOAP", SOAP_62, "sf:INVALID_LOGIN",
                "INVALID_LOGIN: Invalid username, password, security token; or user locked out.")));
        assertTrue(org.paths().contains("GET /v1/instanceAliases/acme/status"), () -> org.paths().toString());
    }

    /** The sample reports in events/reports whose error alone is decisive, as an integration would send them. */
    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            refresh-token-invalid        | REFRESH_TOKEN_INVALID
            connected-app-client-invalid | CONNECTED_APP_CLIENT_INVALID
            connected-app-access-denied  | CONNECTED_APP_ACCESS_DENIED
            my-domain-login-required     | UNDETERMINED
            """)
    void theSampleReportsDiagnoseFromTheReportAlone(String file, Cause expected) throws java.io.IOException {
        var report = (com.fasterxml.jackson.databind.node.ObjectNode) RealOrg.JSON.readTree(
                java.nio.file.Files.readString(java.nio.file.Path.of("events/reports/" + file + ".json")));
        report.remove("diagnosticsSecret");
        Diagnosis d = org.diagnose(report.toString());
        assertCause(expected, d);
        assertTrue(org.paths().stream().noneMatch(p -> p.contains("/services/data")), () -> "the org was read: " + org.paths());
    }

    @Test
    void quietTrustThroughTheAliasLeavesTheBundledErrorUndetermined() {
        assertCause(Cause.UNDETERMINED, org.diagnose(report("OAUTH_PASSWORD", MY_DOMAIN, "invalid_grant", "authentication failure")));
    }
}
