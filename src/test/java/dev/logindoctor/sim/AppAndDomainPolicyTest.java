package dev.logindoctor.sim;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.function.Consumer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What the token and SOAP endpoints do with the app's refresh-token policy and rotation, its
 * consumer secret, its assignments and installation, and the org's My Domain login policy.
 */
class AppAndDomainPolicyTest {
    private static final String IP = "203.0.113.7";

    /** A catalog scenario with its first connected app changed by {@code edit}. */
    private static SimulatedOrg start(String name, Consumer<ObjectNode> edit) {
        try (InputStream in = AppAndDomainPolicyTest.class.getClassLoader().getResourceAsStream("scenarios/" + name + ".json")) {
            ObjectNode tree = (ObjectNode) SimScenarios.MAPPER.readTree(new String(in.readAllBytes(), StandardCharsets.UTF_8));
            edit.accept((ObjectNode) tree.withArray("connectedApps").get(0));
            return SimulatedOrg.start(SimScenarios.parse(tree.toString(), name));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static SimHttp.Reply refresh(SimulatedOrg org, String token) {
        IntegrationSpec.Credential c = org.scenario().integration().credential();
        return SimHttp.token(org, Map.of("grant_type", "refresh_token", "client_id", c.clientId(), "client_secret", c.clientSecret(),
                "refresh_token", token), IP);
    }

    @Test
    void underRotationEveryRefreshHandsOutANewTokenAndTheOldOneStopsWorking() {
        try (SimulatedOrg org = start("connected-app-access-denied", app -> {
            app.put("adminApprovedOnly", false);
            app.put("refreshTokenRotation", true);
        })) {
            String first = org.scenario().integration().credential().refreshToken();
            SimHttp.Reply ok = refresh(org, first);
            assertEquals(200, ok.status(), ok.body());
            String second = ok.json().get("refresh_token").asText();
            assertNotEquals(first, second);

            SimHttp.Reply concurrent = refresh(org, first);
            assertEquals(400, concurrent.status());
            assertEquals("expired access/refresh token", concurrent.json().get("error_description").asText());
            assertEquals(200, refresh(org, second).status(), "the newest token works");
        }
    }

    @Test
    void withoutRotationTheSameRefreshTokenKeepsWorkingAndNoNewOneIsIssued() {
        try (SimulatedOrg org = start("connected-app-access-denied", app -> app.put("adminApprovedOnly", false))) {
            String token = org.scenario().integration().credential().refreshToken();
            SimHttp.Reply ok = refresh(org, token);
            assertEquals(200, ok.status(), ok.body());
            assertFalse(ok.json().has("refresh_token"));
            assertEquals(200, refresh(org, token).status());
        }
    }

    @Test
    void theAppsInactivityPolicyRetiresATokenUnusedForLongerThanItAllows() {
        try (SimulatedOrg org = SimulatedOrg.start("refresh-token-invalid")) {
            String token = org.scenario().integration().credential().refreshToken();
            assertEquals(400, refresh(org, token).status(), "99 days unused, the policy allows 90");
            org.clock().set(Instant.parse("2026-11-10T10:00:00Z"));
            assertEquals(200, refresh(org, token).status(), "82 days unused: still alive");
        }
    }

    @Test
    void aRotatedSecretIsInvalidClientAndTheCurrentOneWorks() {
        try (SimulatedOrg org = SimulatedOrg.start("connected-app-client-invalid")) {
            IntegrationSpec.Credential c = org.scenario().integration().credential();
            SimHttp.Reply old = SimHttp.token(org, Map.of("grant_type", "client_credentials", "client_id", c.clientId(),
                    "client_secret", c.clientSecret()), IP);
            assertEquals(400, old.status());
            assertEquals("{\"error\":\"invalid_client\",\"error_description\":\"invalid client credentials\"}", old.body());
            String current = org.scenario().connectedApps().getFirst().consumerSecret();
            assertEquals(200, SimHttp.token(org, Map.of("grant_type", "client_credentials", "client_id", c.clientId(),
                    "client_secret", current), IP).status());
            SimHttp.Reply unknown = SimHttp.token(org, Map.of("grant_type", "client_credentials", "client_id", "3MVG9nobody",
                    "client_secret", current), IP);
            assertEquals("invalid_client_id", unknown.json().get("error").asText());
        }
    }

    @Test
    void noRunAsUserIsNoClientCredentialsUserEnabled() {
        try (SimulatedOrg org = start("connected-app-client-invalid", app -> app.remove("runAs"))) {
            String key = org.scenario().integration().credential().clientId();
            String secret = org.scenario().connectedApps().getFirst().consumerSecret();
            SimHttp.Reply r = SimHttp.token(org, Map.of("grant_type", "client_credentials", "client_id", key, "client_secret", secret), IP);
            assertEquals("invalid_grant/no client credentials user enabled", r.json().get("error").asText() + "/"
                    + r.json().get("error_description").asText());
        }
    }

    @Test
    void anUnassignedUserIsInvalidAppAccessOnTheRefreshFlow() {
        try (SimulatedOrg org = SimulatedOrg.start("connected-app-access-denied")) {
            SimHttp.Reply r = refresh(org, org.scenario().integration().credential().refreshToken());
            assertEquals(400, r.status());
            assertEquals("invalid_app_access", r.json().get("error").asText());
            assertEquals("user is not admin approved to access this app", r.json().get("error_description").asText());
            var row = org.loginHistory("billing.sync@acme.com").getFirst();
            assertEquals("Failed: Not approved for access", row.status());
            assertEquals("Billing Sync", row.application());
        }
    }

    @Test
    void anAppKnownButNotInstalledRefusesEveryGrant() {
        try (SimulatedOrg org = start("connected-app-access-denied", app -> {
            app.put("adminApprovedOnly", false);
            app.put("installed", false);
        })) {
            SimHttp.Reply r = refresh(org, org.scenario().integration().credential().refreshToken());
            assertEquals("External client app is not installed in this org", r.json().get("error_description").asText());
        }
    }

    @Test
    void anExternalClientAppNeverGetsTheUsernamePasswordFlowWhateverTheOrgSwitch() {
        try (SimulatedOrg org = start("connected-app-client-invalid", app -> app.put("externalClientApp", true))) {
            assertTrue(org.state().usernamePasswordFlowAllowed);
            String key = org.scenario().integration().credential().clientId();
            String secret = org.scenario().connectedApps().getFirst().consumerSecret();
            SimHttp.Reply r = SimHttp.token(org, Map.of("grant_type", "password", "client_id", key, "client_secret", secret,
                    "username", "billing.sync@acme.com", "password", "Spring2026!Billing" + "aK9fT3xQ2mV7pL4sR8wE1zYb"), IP);
            assertEquals("authentication failure", r.json().get("error_description").asText());
            assertEquals("Username-Password Flow Disabled", org.loginHistory("billing.sync@acme.com").getFirst().status());
        }
    }

    @Test
    void theMyDomainPolicyRefusesTheGenericHostAndAcceptsTheMyDomainHost() {
        try (SimulatedOrg org = SimulatedOrg.start("my-domain-login-required")) {
            String password = "Spring2026!Billing" + "aK9fT3xQ2mV7pL4sR8wE1zYb";
            SimHttp.Reply generic = soapVia(org, "login.salesforce.com", password);
            assertEquals(500, generic.status());
            assertTrue(generic.body().contains("INVALID_LOGIN"), generic.body());
            assertEquals("Restricted domain", org.loginHistory("billing.sync@acme.com").getFirst().status());
            SimHttp.Reply instance = soapVia(org, "na224.salesforce.com", password);
            assertEquals(500, instance.status(), "an instance host is generic too");
            SimHttp.Reply own = soapVia(org, "acme.my.salesforce.com", password);
            assertEquals(200, own.status(), own.body());
        }
    }

    private static SimHttp.Reply soapVia(SimulatedOrg org, String host, String password) {
        return SimHttp.send(HttpRequest.newBuilder(URI.create(org.baseUrl() + "/services/Soap/u/62.0"))
                .header("Content-Type", "text/xml; charset=UTF-8").header("SOAPAction", "login")
                .header("X-Forwarded-For", IP).header("X-Sim-Login-Host", host)
                .POST(HttpRequest.BodyPublishers.ofString(SimHttp.envelope("billing.sync@acme.com", password))).build());
    }

    @Test
    void theDiagnosticsUserReadsTheAppPoliciesAndTheMyDomainSettings() {
        try (SimulatedOrg org = SimulatedOrg.start("refresh-token-invalid")) {
            String token = SimHttp.diagnosticsToken(org);
            var apps = SimHttp.query(org, token, "SELECT Id, Name, OptionsAllowAdminApprovedUsersOnly, OptionsRefreshTokenValidityMetric,"
                    + " RefreshTokenValidityPeriod FROM ConnectedApplication LIMIT 200").json().get("records");
            var billing = java.util.stream.StreamSupport.stream(apps.spliterator(), false)
                    .filter(a -> a.get("Name").asText().equals("Billing Sync")).findFirst().orElseThrow();
            assertEquals(90, billing.get("RefreshTokenValidityPeriod").asInt());
            assertTrue(billing.get("OptionsRefreshTokenValidityMetric").asBoolean());
            var settings = SimHttp.get(org, "/services/data/v62.0/tooling/query?q=" + SimHttp.q("SELECT Metadata FROM MyDomainSettings"), token).json();
            assertFalse(settings.get("records").get(0).get("Metadata").get("doesApiLoginRequireOrgDomain").asBoolean());
        }
    }
}
