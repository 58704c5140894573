package dev.logindoctor.sim;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The Trust API on the same server, no auth, computed from the scenario on the sim clock. */
class TrustApiTest {
    SimulatedOrg org;

    @BeforeEach
    void start() {
        org = SimHttp.testOrg();
    }

    @AfterEach
    void stop() {
        org.close();
    }

    @Test
    void instanceStatusWithItsMaintenancesAndIncidents() {
        SimHttp.Reply r = SimHttp.get(org, "/v1/instances/NA224/status?childProducts=false", null);

        assertEquals(200, r.status());
        JsonNode b = r.json();
        assertEquals("NA224", b.get("key").asText());
        assertEquals("production", b.get("environment").asText());
        assertEquals("OK", b.get("status").asText());
        JsonNode m = b.get("Maintenances").get(0);
        assertEquals(401234, m.get("id").asInt());
        assertEquals("2026-11-28T03:00:00.000Z", m.get("plannedStartTime").asText());
        assertEquals("confirmed", m.at("/message/eventStatus").asText());
        assertEquals("NA224", m.get("instanceKeys").get(0).asText());
        JsonNode i = b.get("Incidents").get(0);
        assertEquals("minor", i.at("/IncidentImpacts/0/severity").asText());
        assertEquals("resolved", i.at("/IncidentEvents/0/type").asText());
        assertTrue(i.get("isCore").asBoolean());
    }

    @Test
    void statusFollowsTheSimClockIntoTheMaintenance() {
        org.clock().set(Instant.parse("2026-11-28T04:00:00Z"));

        JsonNode b = SimHttp.get(org, "/v1/instances/NA224/status", null).json();

        assertEquals("MAINTENANCE_CORE", b.get("status").asText());
        assertEquals("inProgress", b.at("/Maintenances/0/message/eventStatus").asText());
    }

    @Test
    void previewAliasAndSearch() {
        assertEquals("NA224", SimHttp.get(org, "/v1/instances/status/preview", null).json().get(0).get("key").asText());
        assertEquals("NA224", SimHttp.get(org, "/v1/instanceAliases/acmetest/status", null).json().get("key").asText());
        JsonNode search = SimHttp.get(org, "/v1/search/00D5g000004SxQl", null).json();
        assertEquals("orgId", search.get(0).get("aliasType").asText());
        assertEquals("NA224", search.get(0).get("instanceKey").asText());
        assertEquals(404, SimHttp.get(org, "/v1/instances/XX99/status", null).status());
    }

    @Test
    void maintenancesAndIncidentsFilterByInstanceAndStartTime() {
        assertEquals(1, SimHttp.get(org, "/v1/maintenances?instance=NA224&startTime=2026-11-27T00:00:00Z&limit=10&offset=0", null).json().size());
        assertEquals(0, SimHttp.get(org, "/v1/maintenances?instance=EU42", null).json().size());
        assertEquals(1, SimHttp.get(org, "/v1/incidents?instance=NA224&startTime=2026-11-25T11:00:00Z&limit=10", null).json().size());
        assertEquals(0, SimHttp.get(org, "/v1/incidents?instance=NA224&startTime=2026-11-25T12:00:00Z", null).json().size());
        assertEquals(4, org.requestCounts().trust());
        assertEquals(0, org.requestCounts().total(), "Trust is not the org's API");
    }

    @Test
    void sandboxesAreNotFoundBySearch() {
        try (SimulatedOrg sandbox = SimulatedOrg.start("wrong-login-endpoint")) {
            assertEquals("[]", SimHttp.get(sandbox, "/v1/search/" + sandbox.state().orgId, null).body());
        }
    }
}
