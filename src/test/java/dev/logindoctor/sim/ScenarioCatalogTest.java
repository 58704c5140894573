package dev.logindoctor.sim;

import dev.logindoctor.model.Cause;
import dev.logindoctor.model.LoginHistoryRow;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every catalog scenario loads, and its integration's one login fails the way its expected cause implies. */
class ScenarioCatalogTest {
    static final String BUNDLED_SOAP = "INVALID_LOGIN";
    static final String BUNDLED_OAUTH = "invalid_grant";

    static List<String> catalog() {
        return SimScenarios.catalog();
    }

    @Test
    void theCatalogCoversEveryCauseAndHasHealthyControls() {
        Set<Cause> covered = EnumSet.noneOf(Cause.class);
        for (String name : catalog()) {
            Cause c = SimScenarios.load(name).integration().expectedCause();
            if (c != null) {
                covered.add(c);
            }
        }
        Set<Cause> all = EnumSet.allOf(Cause.class);
        all.remove(Cause.UNDETERMINED);
        assertEquals(all, covered);
        assertTrue(catalog().containsAll(List.of("healthy", "healthy-jwt")));
        assertEquals("healthy", catalog().getFirst());
    }

    @ParameterizedTest
    @MethodSource("catalog")
    void theIntegrationFailsAsItsCauseImplies(String name) {
        try (SimulatedOrg org = SimulatedOrg.start(name)) {
            IntegrationSpec spec = org.scenario().integration();
            assertEquals(name, org.scenario().name());
            int rowsBefore = org.state().historySnapshot().size();

            SimIntegration.LoginError error = SimIntegration.attemptLogin(org, spec);

            List<LoginHistoryRow> history = org.loginHistory(spec.username());
            String lastStatus = history.isEmpty() ? null : history.getFirst().status();
            // An expired password still logs in (passwordExpired = true); the failure is the next call's.
            boolean loggedIn = error == null || spec.expectedCause() == Cause.PASSWORD_EXPIRED;
            assertEquals(new SimulatedOrg.Attempts(1, loggedIn ? 0 : 1), org.attempts(spec.username()), "exactly one login");
            Cause cause = spec.expectedCause();
            if (cause == null) {
                assertNull(error, () -> name + " should log in, got " + error);
                assertEquals("Success", lastStatus);
                return;
            }
            assertNotNull(error, name + " should fail");
            boolean oauth = spec.flow().isOAuth();
            switch (cause) {
                case USERNAME_NOT_FOUND -> {
                    assertBundled(error, oauth);
                    assertTrue(org.state().userByUsername(spec.username()).isEmpty());
                    assertEquals(rowsBefore, org.state().historySnapshot().size());
                }
                case WRONG_PASSWORD -> {
                    assertBundled(error, oauth);
                    assertEquals("Invalid Password", lastStatus);
                }
                case SECURITY_TOKEN_MISSING_OR_STALE -> {
                    if (error.code().equals("LOGIN_MUST_USE_SECURITY_TOKEN")) {
                        assertEquals("Failed: API security token required", lastStatus);
                    } else {
                        assertBundled(error, oauth);
                        assertEquals("Invalid Password", lastStatus);
                        var user = org.state().userByUsername(spec.username()).orElseThrow();
                        assertTrue(user.lastPasswordChangeDate.isAfter(spec.credentialUpdatedAt()));
                    }
                }
                case LOGIN_IP_RESTRICTED -> {
                    assertEquals("Restricted IP", lastStatus);
                    assertEquals(oauth ? "IP restricted or invalid login hours" : Rejection.INVALID_LOGIN_MESSAGE, error.description());
                }
                case LOGIN_HOURS_RESTRICTED -> assertEquals("Restricted Time", lastStatus);
                case USER_LOCKED_OUT -> {
                    assertBundled(error, oauth);
                    assertEquals("Password Lockout", lastStatus);
                    assertTrue(history.stream().anyMatch(r -> r.status().equals("Invalid Password")), "older confounders");
                }
                case USER_FROZEN -> {
                    assertBundled(error, oauth);
                    assertEquals("User is Frozen", lastStatus);
                }
                case USER_INACTIVE -> {
                    assertEquals(oauth ? "inactive_user" : BUNDLED_SOAP, error.code());
                    assertEquals("User is Inactive", lastStatus);
                }
                case ORG_MAINTENANCE -> {
                    assertBundled(error, oauth);
                    assertEquals("Organization is in maintenance", lastStatus);
                    String status = SimHttp.get(org, "/v1/instances/" + org.state().instanceName + "/status", null).json().get("status").asText();
                    assertEquals("MAINTENANCE_CORE", status);
                }
                case MFA_REQUIRED -> {
                    assertBundled(error, oauth);
                    assertEquals("Multi-factor required", lastStatus);
                }
                case WRONG_LOGIN_ENDPOINT -> {
                    assertBundled(error, oauth);
                    assertTrue(org.state().sandbox);
                    assertEquals("https://login.salesforce.com", spec.loginUrl());
                    assertEquals(rowsBefore, org.state().historySnapshot().size(), "production never saw a sandbox user");
                }
                case CONNECTED_APP_NOT_APPROVED -> assertEquals("user hasn't approved this consumer", error.description());
                case JWT_ASSERTION_INVALID -> {
                    assertEquals(BUNDLED_OAUTH, error.code());
                    assertTrue(Set.of("audience is invalid", "invalid assertion", "expired authorization code").contains(error.description()));
                }
                case LOGIN_FLOW_BLOCKED -> {
                    assertBundled(error, oauth);
                    assertEquals("Username-Password Flow Disabled", lastStatus);
                }
                case LOGIN_RATE_EXCEEDED -> {
                    assertEquals("rate_limit_exceeded", error.code());
                    assertEquals("Login Rate Exceeded", lastStatus);
                }
                case PASSWORD_EXPIRED -> {
                    assertEquals("INVALID_OPERATION_WITH_EXPIRED_PASSWORD", error.code());
                    assertEquals("Success", lastStatus);
                }
                case ORG_UNAVAILABLE -> {
                    assertEquals(oauth ? "inactive_org" : "ORG_LOCKED", error.code());
                    assertTrue(lastStatus.startsWith("Organization"), lastStatus);
                }
                case CLIENT_UNSUPPORTED -> assertEquals("UNSUPPORTED_API_VERSION", error.code());
                case DELEGATED_AUTH_FAILED -> {
                    assertBundled(error, oauth);
                    assertEquals("Invalid Password", lastStatus);
                    assertTrue(org.state().userByUsername(spec.username()).orElseThrow().effectivePerms().ssoEnabled());
                }
                case API_ACCESS_DISABLED -> assertEquals(oauth ? BUNDLED_OAUTH : "API_CURRENTLY_DISABLED", error.code());
                case REFRESH_TOKEN_INVALID -> {
                    assertEquals("invalid_grant/expired access/refresh token", error.code() + "/" + error.description());
                    assertEquals(400, error.httpStatus());
                    assertEquals(rowsBefore, org.state().historySnapshot().size(), "a refused refresh token leaves no row");
                }
                case CONNECTED_APP_CLIENT_INVALID -> assertEquals("invalid_client/invalid client credentials", error.code() + "/" + error.description());
                case CONNECTED_APP_ACCESS_DENIED -> {
                    assertEquals("invalid_app_access/user is not admin approved to access this app", error.code() + "/" + error.description());
                    assertEquals("Failed: Not approved for access", lastStatus);
                }
                case MY_DOMAIN_LOGIN_REQUIRED -> {
                    assertBundled(error, oauth);
                    assertEquals("https://login.salesforce.com", spec.loginUrl());
                    assertEquals("Restricted domain", lastStatus);
                }
                case UNDETERMINED -> throw new AssertionError("no scenario expects UNDETERMINED");
            }
        }
    }

    @ParameterizedTest
    @MethodSource("catalog")
    void theDiagnosticsUserCanReadTheOrgUnlessItIsDown(String name) {
        try (SimulatedOrg org = SimulatedOrg.start(name)) {
            if (org.scenario().integration().expectedCause() == Cause.ORG_MAINTENANCE) {
                return; // the instance is down for everyone; the diagnosis has to rely on Trust
            }
            if (org.scenario().integration().expectedCause() == Cause.ORG_UNAVAILABLE) {
                // A locked org refuses the diagnostics user too: that refusal is the evidence.
                IllegalStateException refused = assertThrows(IllegalStateException.class, () -> SimHttp.diagnosticsToken(org));
                assertTrue(refused.getMessage().contains("inactive_org"), refused.getMessage());
                return;
            }
            String token = SimHttp.diagnosticsToken(org);
            assertEquals(200, SimHttp.query(org, token, "SELECT Id FROM Organization").status());
        }
    }

    private static void assertBundled(SimIntegration.LoginError error, boolean oauth) {
        if (oauth) {
            assertEquals(BUNDLED_OAUTH, error.code());
            assertEquals("authentication failure", error.description());
            assertEquals(400, error.httpStatus());
        } else {
            assertEquals(BUNDLED_SOAP, error.code());
            assertEquals(Rejection.INVALID_LOGIN_MESSAGE, error.description());
            assertEquals(500, error.httpStatus());
        }
    }
}
