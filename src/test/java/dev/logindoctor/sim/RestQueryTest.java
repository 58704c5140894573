package dev.logindoctor.sim;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** REST query and tooling query over the wire: the SOQL subset, errors, paging, describe, sessions. */
class RestQueryTest {
    SimulatedOrg org;
    String token;

    @BeforeEach
    void start() {
        org = SimHttp.testOrg();
        token = SimHttp.diagnosticsToken(org);
    }

    @AfterEach
    void stop() {
        org.close();
    }

    @Test
    void userQueryWithARelationshipPathNestsTheProfile() {
        SimHttp.Reply r = SimHttp.query(org, token, "SELECT Id, Username, IsActive, ProfileId, Profile.Name, UserType, "
                + "LastPasswordChangeDate, LastLoginDate FROM User WHERE Username = 'SVC@ACME.COM' LIMIT 1");

        assertEquals(200, r.status(), r.body());
        assertEquals("{\"totalSize\":1,\"done\":true,\"records\":[{\"attributes\":{\"type\":\"User\",\"url\":"
                + "\"/services/data/v62.0/sobjects/User/0055g00000Ab1CdAAJ\"},\"Id\":\"0055g00000Ab1CdAAJ\",\"Username\":\"svc@acme.com\","
                + "\"IsActive\":true,\"ProfileId\":\"00e5g000001Kq2TAAS\",\"Profile\":{\"attributes\":{\"type\":\"Profile\",\"url\":"
                + "\"/services/data/v62.0/sobjects/Profile/00e5g000001Kq2TAAS\"},\"Name\":\"Acme Integration\"},\"UserType\":\"Standard\","
                + "\"LastPasswordChangeDate\":\"2026-09-01T12:00:00.000+0000\",\"LastLoginDate\":\"2026-11-25T16:00:00.000+0000\"}]}", r.body());
    }

    @Test
    void fifteenAndEighteenCharacterIdsMatchTheSameRecord() {
        for (String id : List.of("0055g00000Ab1Cd", "0055g00000Ab1CdAAJ", "0055g00000Ab1Cdaaj")) {
            SimHttp.Reply r = SimHttp.query(org, token, "SELECT IsFrozen, IsPasswordLocked FROM UserLogin WHERE UserId = '" + id + "'");
            assertEquals(1, r.json().get("totalSize").asInt(), id);
        }
    }

    @Test
    void loginHistoryFiltersOnUserAndUnquotedDatetimesAndOrdersNewestFirst() {
        SimHttp.soapLogin(org, "svc@acme.com", "bad", "203.0.113.7");
        SimHttp.Reply r = SimHttp.query(org, token, "SELECT LoginTime, Status, SourceIp, LoginType, LoginSubType, LoginUrl, ApiType, "
                + "ApiVersion, Application, UserId FROM LoginHistory WHERE UserId = '0055g00000Ab1CdAAJ' AND LoginTime >= 2026-11-25T14:00:00Z "
                + "AND LoginTime <= 2026-11-25T18:00:00Z ORDER BY LoginTime DESC LIMIT 50");

        assertEquals(200, r.status(), r.body());
        JsonNode recs = r.json().get("records");
        assertEquals(2, recs.size());
        assertEquals("Invalid Password", recs.get(0).get("Status").asText());
        assertEquals("Success", recs.get(1).get("Status").asText());
        assertEquals("2026-11-25T15:00:00.000+0000", recs.get(1).get("LoginTime").asText());
    }

    @Test
    void statusCannotBeFiltered() {
        SimHttp.Reply r = SimHttp.query(org, token, "SELECT Id FROM LoginHistory WHERE Status = 'Invalid Password'");

        assertEquals(400, r.status());
        assertEquals("[{\"message\":\"field 'Status' can not be filtered in a query call\",\"errorCode\":\"INVALID_FIELD\"}]", r.body());
    }

    @Test
    void errorsForUnknownFieldsObjectsAndBadSyntax() {
        SimHttp.Reply field = SimHttp.query(org, token, "SELECT Id, Nickname__x FROM User");
        SimHttp.Reply type = SimHttp.query(org, token, "SELECT Id FROM Widget");
        SimHttp.Reply syntax = SimHttp.query(org, token, "SELECT Id FROM User WHERE");
        SimHttp.Reply quotedDate = SimHttp.query(org, token, "SELECT Id FROM LoginHistory WHERE LoginTime > '2026-01-01T00:00:00Z'");

        assertEquals("INVALID_FIELD", field.json().get(0).get("errorCode").asText());
        assertTrue(field.json().get(0).get("message").asText().startsWith("No such column 'Nickname__x' on entity 'User'"));
        assertEquals("INVALID_TYPE", type.json().get(0).get("errorCode").asText());
        assertEquals("MALFORMED_QUERY", syntax.json().get(0).get("errorCode").asText());
        assertEquals("INVALID_FIELD", quotedDate.json().get(0).get("errorCode").asText());
        assertEquals(400, field.status());
    }

    @Test
    void inOrAndParenthesesAndEscapedStrings() {
        SimHttp.Reply r = SimHttp.query(org, token, "select username from user where (username in ('svc@acme.com', 'ranged@acme.com') "
                + "or username = 'o\\'brien@acme.com') and isactive = true order by username asc");

        assertEquals(200, r.status(), r.body());
        List<String> names = new ArrayList<>();
        r.json().get("records").forEach(n -> names.add(n.get("Username").asText()));
        assertEquals(List.of("ranged@acme.com", "svc@acme.com"), names);
    }

    @Test
    void fieldsAllNeedsALimitOfAtMost200() {
        SimHttp.Reply noLimit = SimHttp.query(org, token, "SELECT FIELDS(ALL) FROM LoginIpRange");
        SimHttp.Reply ok = SimHttp.query(org, token, "SELECT FIELDS(ALL) FROM LoginIpRange LIMIT 200");

        assertEquals("MALFORMED_QUERY", noLimit.json().get(0).get("errorCode").asText());
        assertEquals(200, ok.status(), ok.body());
        JsonNode range = ok.json().get("records").get(0);
        assertEquals("00e5g000001Kq3AAAS", range.get("ProfileId").asText());
        assertEquals("192.0.2.0", range.get("StartAddress").asText());
        assertEquals("192.0.2.127", range.get("EndAddress").asText());
    }

    @Test
    void resultsArePagedByTheScenariosBatchSize() {
        SimHttp.Reply first = SimHttp.query(org, token, "SELECT Username FROM User ORDER BY Username");
        assertFalse(first.json().get("done").asBoolean());
        int total = first.json().get("totalSize").asInt();
        List<String> all = new ArrayList<>();
        first.json().get("records").forEach(n -> all.add(n.get("Username").asText()));
        JsonNode page = first.json();
        while (!page.get("done").asBoolean()) {
            SimHttp.Reply next = SimHttp.get(org, page.get("nextRecordsUrl").asText(), token);
            assertEquals(200, next.status(), next.body());
            page = next.json();
            page.get("records").forEach(n -> all.add(n.get("Username").asText()));
        }
        assertEquals(3, first.json().get("records").size());
        assertEquals(total, all.size());
        assertEquals(all.stream().sorted(String.CASE_INSENSITIVE_ORDER).toList(), all);
        assertTrue(first.json().get("nextRecordsUrl").asText().matches("/services/data/v62.0/query/01g[A-Za-z0-9]{15}-3"));
    }

    @Test
    void aNullRelationshipIsNull() {
        SimHttp.Reply r = SimHttp.query(org, token, "SELECT Name, Profile.Name FROM PermissionSet WHERE Name = 'Api_Only_Exemption'");

        assertEquals("null", r.json().get("records").get(0).get("Profile").toString());
    }

    @Test
    void permissionSetAssignmentsIncludeTheProfilesOwnSet() {
        SimHttp.Reply r = SimHttp.query(org, token, "SELECT PermissionSet.Name, PermissionSet.IsOwnedByProfile, PermissionSet.PermissionsApiEnabled, "
                + "PermissionSet.PermissionsApiUserOnly, PermissionSet.PermissionsTwoFactorApi FROM PermissionSetAssignment "
                + "WHERE AssigneeId = '0055g00000Ab1CfAAJ'");

        JsonNode ps = r.json().get("records").get(0).get("PermissionSet");
        assertTrue(ps.get("IsOwnedByProfile").asBoolean());
        assertTrue(ps.get("PermissionsTwoFactorApi").asBoolean());
        assertEquals("X", ps.get("Name").asText().substring(0, 1));
    }

    @Test
    void toolingProfileMetadataHasIpRangesAndHoursInMinutes() {
        SimHttp.Reply r = SimHttp.tooling(org, token, "SELECT Id, Name, Metadata FROM Profile WHERE Id = '00e5g000001Kq3A'");
        SimHttp.Reply many = SimHttp.tooling(org, token, "SELECT Id, Metadata FROM Profile");

        assertEquals(200, r.status(), r.body());
        JsonNode meta = r.json().get("records").get(0).get("Metadata");
        assertEquals("192.0.2.0", meta.get("loginIpRanges").get(0).get("startAddress").asText());
        assertEquals(480, meta.get("loginHours").get("mondayStart").asInt());
        assertEquals(1080, meta.get("loginHours").get("mondayEnd").asInt());
        assertTrue(meta.get("loginHours").get("sundayStart").isNull());
        assertEquals("Profile", r.json().get("entityTypeName").asText());
        assertEquals(400, many.status());
        assertEquals("MALFORMED_QUERY", many.json().get(0).get("errorCode").asText());
    }

    @Test
    void toolingSecuritySettingsCarriesThePasswordPolicy() {
        SimHttp.Reply r = SimHttp.tooling(org, token, "SELECT Metadata FROM SecuritySettings");

        JsonNode p = r.json().get("records").get(0).get("Metadata").get("passwordPolicies");
        assertEquals("ThreeAttempts", p.get("maxLoginAttempts").asText());
        assertEquals("FifteenMinutes", p.get("lockoutInterval").asText());
    }

    @Test
    void describeSaysStatusIsNotFilterable() {
        SimHttp.Reply r = SimHttp.get(org, "/services/data/v62.0/sobjects/LoginHistory/describe", token);

        assertEquals(200, r.status());
        boolean statusFilterable = true;
        boolean userIdFilterable = false;
        for (JsonNode f : r.json().get("fields")) {
            if (f.get("name").asText().equals("Status")) {
                statusFilterable = f.get("filterable").asBoolean();
                assertEquals("string", f.get("type").asText());
            }
            if (f.get("name").asText().equals("UserId")) {
                userIdFilterable = f.get("filterable").asBoolean();
            }
        }
        assertFalse(statusFilterable);
        assertTrue(userIdFilterable);
        assertEquals(404, SimHttp.get(org, "/services/data/v62.0/sobjects/Widget/describe", token).status());
        assertEquals(2, org.requestCounts().describe());
    }

    @Test
    void missingUnknownAndExpiredSessionsAre401() {
        String expected = "[{\"message\":\"Session expired or invalid\",\"errorCode\":\"INVALID_SESSION_ID\"}]";
        assertEquals(expected, SimHttp.query(org, null, "SELECT Id FROM User").body());
        assertEquals(401, SimHttp.query(org, "00D5g000004SxQl!bogus", "SELECT Id FROM User").status());

        org.clock().advance(Duration.ofMinutes(121));
        assertEquals(401, SimHttp.query(org, token, "SELECT Id FROM User").status());

        String fresh = SimHttp.diagnosticsToken(org);
        assertEquals(200, SimHttp.query(org, fresh, "SELECT Id FROM User").status());
        assertEquals(200, SimHttp.postJson(org, "/_sim/expire-sessions", null, "").status());
        assertEquals(401, SimHttp.query(org, fresh, "SELECT Id FROM User").status());
    }

    @Test
    void pastTheOrgsRequestLimitRestAnswers403() throws Exception {
        String json = java.nio.file.Files.readString(java.nio.file.Path.of("src/test/resources/sim/test-org.json"))
                .replace("\"queryBatchSize\": 3", "\"queryBatchSize\": 3, \"apiRequestLimit\": 2");
        try (SimulatedOrg limited = SimulatedOrg.start(SimScenarios.parse(json, "limited"))) {
            String t = SimHttp.diagnosticsToken(limited);
            assertEquals(200, SimHttp.query(limited, t, "SELECT Id FROM Organization").status());
            assertEquals(200, SimHttp.get(limited, "/services/data/v62.0/sobjects/User/describe", t).status());
            SimHttp.Reply third = SimHttp.query(limited, t, "SELECT Id FROM Organization");

            assertEquals(403, third.status());
            assertEquals("[{\"message\":\"TotalRequests Limit exceeded.\",\"errorCode\":\"REQUEST_LIMIT_EXCEEDED\"}]", third.body());
        }
    }

    @Test
    void withoutManageUsersOnlyOwnHistoryRowsAreVisible() {
        SimHttp.Reply login = SimHttp.passwordGrant(org, "svc@acme.com", "Spring2026!BillingaK9fT3xQ2mV7pL4sR8wE1zYb", "203.0.113.7");
        String svcToken = login.json().get("access_token").asText();
        SimHttp.soapLogin(org, "ranged@acme.com", "bad", "192.0.2.10");

        SimHttp.Reply own = SimHttp.query(org, svcToken, "SELECT UserId FROM LoginHistory");
        SimHttp.Reply all = SimHttp.query(org, token, "SELECT UserId FROM LoginHistory");

        own.json().get("records").forEach(n -> assertEquals("0055g00000Ab1CdAAJ", n.get("UserId").asText()));
        assertTrue(all.json().get("totalSize").asInt() > own.json().get("totalSize").asInt());
    }
}
