package dev.logindoctor.salesforce;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

import static dev.logindoctor.salesforce.ContractServer.fixture;
import static dev.logindoctor.salesforce.ContractServer.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Query paging, Tooling, describe and Composite against the documented shapes
 * (docs/salesforce-wire-facts.md#rest-query, docs/salesforce-wire-facts.md#rest-composite).
 */
class RestClientTest {
    private final ContractServer server = new ContractServer();
    private DiagnosticsConnection connection;
    private RestClient rest;

    @BeforeEach
    void connect() {
        server.on("POST", "/services/oauth2/token", fixture(200, "oauth-token-success.json", "https://acme.my.salesforce.com", server.baseUrl()));
        DiagnosticsCredentials credentials = DiagnosticsCredentials.parse(DiagnosticsCredentialsTest.secret(server.baseUrl(), KnownSecrets.PRIVATE_KEY_PEM));
        connection = new DiagnosticsConnection(credentials, new HttpTransport(), new TokenCache(),
                Clock.fixed(Instant.parse("2026-11-27T10:20:00Z"), ZoneOffset.UTC));
        rest = new RestClient(connection);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void aQueryFollowsNextRecordsUrlAndJoinsThePages() {
        server.on("GET", "/services/data/v62.0/query", fixture(200, "query-loginhistory-page1.json"));
        server.on("GET", "/services/data/v62.0/query/01gRO0000016PIAYA2-2", fixture(200, "query-loginhistory-page2.json"));
        QueryResult result = rest.query("SELECT LoginTime, Status FROM LoginHistory WHERE UserId = '0055g00000INTEGAAA'");
        assertEquals(3, result.totalSize());
        assertEquals(3, result.records().size());
        assertEquals("Success", result.records().get(2).get("Status").asText());
        assertEquals(3, connection.requests(), "token + two pages");
        ContractServer.Received first = server.requests().get(1);
        assertEquals("SELECT LoginTime, Status FROM LoginHistory WHERE UserId = '0055g00000INTEGAAA'", first.query().substring(2));
    }

    @Test
    void aNextRecordsUrlToAnotherHostIsNeverFollowed() {
        server.on("GET", "/services/data/v62.0/query", json(200,
                "{\"totalSize\":2,\"done\":false,\"nextRecordsUrl\":\"https://evil.example.com/services/data/v62.0/query/x\",\"records\":[]}"));
        MalformedResponse e = assertThrows(MalformedResponse.class, () -> rest.query("SELECT Id FROM User"));
        assertEquals("query response's nextRecordsUrl is not a /services/data/ path on the instance", e.getMessage());
    }

    @Test
    void aQueryAnswerWithoutRecordsIsMalformed() {
        server.on("GET", "/services/data/v62.0/query", json(200, "{\"totalSize\":0,\"done\":true}"));
        assertEquals("query response had no records array",
                assertThrows(MalformedResponse.class, () -> rest.query("SELECT Id FROM User")).getMessage());
    }

    @Test
    void aToolingQueryUsesTheToolingPath() {
        server.on("GET", "/services/data/v62.0/tooling/query", json(200,
                "{\"size\":1,\"totalSize\":1,\"done\":true,\"queryLocator\":null,\"entityTypeName\":\"SecuritySettings\",\"records\":[{\"Metadata\":{}}]}"));
        assertEquals(1, rest.toolingQuery("SELECT Metadata FROM SecuritySettings").records().size());
    }

    @Test
    void describeReturnsTheFields() {
        server.on("GET", "/services/data/v62.0/sobjects/LoginHistory/describe", fixture(200, "describe-loginhistory.json"));
        JsonNode d = rest.describe("LoginHistory");
        JsonNode status = null;
        for (JsonNode f : d.get("fields")) {
            if (f.get("name").asText().equals("Status")) {
                status = f;
            }
        }
        assertFalse(status.get("filterable").asBoolean());
        assertThrows(IllegalArgumentException.class, () -> rest.describe("../query"));
    }

    @Test
    void aCompositeRequestKeepsReferencesLiteralAndReportsEachPart() throws Exception {
        server.on("POST", "/services/data/v62.0/composite", fixture(200, "composite-with-failed-subrequest.json"));
        CompositeRequest request = CompositeRequest.builder("62.0")
                .query("user", "SELECT Id, IsActive FROM User WHERE Username = 'a@acme.com' LIMIT 1")
                .query("permsBypass", "SELECT PermissionSet.Name, PermissionSet.PermissionsBypassMFAForUiLogins FROM PermissionSetAssignment WHERE AssigneeId = '@{user.records[0].Id}'")
                .build();
        CompositeResponse response = rest.composite(request);

        JsonNode sent = WireJson.MAPPER.readTree(server.requests().get(1).body());
        assertFalse(sent.get("allOrNone").asBoolean());
        JsonNode second = sent.get("compositeRequest").get(1);
        assertEquals("GET", second.get("method").asText());
        assertEquals("permsBypass", second.get("referenceId").asText());
        assertTrue(second.get("url").asText().startsWith("/services/data/v62.0/query?q=SELECT+PermissionSet.Name"), second.get("url").asText());
        assertTrue(second.get("url").asText().endsWith("AssigneeId+%3D+%27@{user.records[0].Id}%27"), second.get("url").asText());
        assertNull(second.get("httpHeaders"), "subrequests carry no headers");
        assertEquals("application/json", server.requests().get(1).header("Content-Type"));

        assertTrue(response.part("user").ok());
        assertEquals("0055g00000INTEGAAA", response.part("user").body().get("records").get(0).get("Id").asText());
        CompositeResponse.Part failed = response.part("permsBypass");
        assertFalse(failed.ok());
        assertEquals("INVALID_FIELD", failed.errorCode());
        assertTrue(failed.failure().startsWith("HTTP 400 INVALID_FIELD: SELECT PermissionSet.Name"), failed.failure());
        assertEquals(2, connection.requests());
    }

    @Test
    void aCompositeAnswerWithoutItsArrayIsMalformed() {
        server.on("POST", "/services/data/v62.0/composite", json(200, "{\"results\":[]}"));
        MalformedResponse e = assertThrows(MalformedResponse.class, () -> rest.composite(CompositeRequest.builder("62.0").query("a", "SELECT Id FROM User").build()));
        assertEquals("composite response had no compositeResponse array", e.getMessage());
    }

    @Test
    void aThrottledCompositeIsThrottled() {
        server.on("POST", "/services/data/v62.0/composite", fixture(403, "rest-error-403-request-limit.json"));
        assertInstanceOf(Throttled.class, assertThrows(SalesforceException.class,
                () -> rest.composite(CompositeRequest.builder("62.0").query("a", "SELECT Id FROM User").build())));
    }

    @Test
    void moreThan25SubrequestsAreRefusedBeforeSending() {
        CompositeRequest.Builder b = CompositeRequest.builder("62.0");
        for (int i = 0; i < 26; i++) {
            b.query("q" + i, "SELECT Id FROM User");
        }
        assertThrows(IllegalArgumentException.class, b::build);
    }
}
