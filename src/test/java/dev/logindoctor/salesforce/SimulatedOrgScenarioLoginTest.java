package dev.logindoctor.salesforce;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.logindoctor.sim.IntegrationSpec;
import dev.logindoctor.sim.SimIntegration;
import dev.logindoctor.sim.SimScenarios;
import dev.logindoctor.sim.SimulatedOrg;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/**
 * The probe's login client against every catalog scenario's integration: on twin orgs, the sim's
 * own player and {@link IntegrationLogin} must get the same answer (success, or the same code,
 * description and HTTP status). Left out: JWT integrations whose key only the sim holds, and the
 * integration that points at real production (never called from a test).
 */
class SimulatedOrgScenarioLoginTest {

    static List<String> scenarios() {
        return SimScenarios.catalog().stream().filter(name -> {
            IntegrationSpec spec = SimScenarios.load(name).integration();
            boolean simKey = spec.credential().privateKey() != null;
            return spec.loginUrl() == null && !simKey;
        }).toList();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("scenarios")
    void ourLoginGetsTheAnswerTheIntegrationGets(String scenario) {
        SimIntegration.LoginError expected;
        try (SimulatedOrg twin = SimulatedOrg.start(scenario)) {
            expected = SimIntegration.attemptLogin(twin, twin.scenario().integration());
        }
        try (SimulatedOrg org = SimulatedOrg.start(scenario)) {
            IntegrationSpec spec = org.scenario().integration();
            IntegrationLogin login = new IntegrationLogin(new HttpTransport(), SimClocks.of(org));
            IntegrationCredentials credentials = IntegrationCredentials.parse(secretOf(spec.credential()));
            try {
                LoginSuccess s = login.attempt(spec.flow(), org.baseUrl(), spec.username(), spec.soapApiVersion(), credentials);
                assertNull(expected, "the integration was refused but our login succeeded: " + expected);
                assertEquals(org.baseUrl(), s.instanceUrl());
            } catch (LoginRejected e) {
                assertEquals(expected == null ? null : List.of(expected.code(), expected.description(), expected.httpStatus()),
                        List.of(e.code(), e.description(), e.httpStatus()));
                KnownSecrets.assertAbsent(scenario, e);
            }
            assertEquals(1, org.attempts(spec.username()).attempts(), "exactly one attempt");
        }
    }

    private static String secretOf(IntegrationSpec.Credential c) {
        ObjectNode n = WireJson.MAPPER.createObjectNode();
        put(n, "password", c.password());
        put(n, "securityToken", c.securityToken());
        put(n, "clientId", c.clientId());
        put(n, "clientSecret", c.clientSecret());
        put(n, "refreshToken", c.refreshToken());
        return n.toString();
    }

    private static void put(ObjectNode n, String field, String value) {
        if (value != null) {
            n.put(field, value);
        }
    }
}
