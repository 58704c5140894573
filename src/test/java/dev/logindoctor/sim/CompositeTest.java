package dev.logindoctor.sim;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The composite request of docs/org-evidence-queries.md, exactly as the client sends it. */
class CompositeTest {
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

    /** The evidence request for one username (unencoded SOQL in the urls, as the document writes them). */
    static String evidenceRequest(String username) {
        String v = "/services/data/v62.0";
        Map<String, String> subs = new LinkedHashMap<>();
        subs.put("org", v + "/query?q=SELECT Id, Name, InstanceName, IsSandbox, TrialExpirationDate, OrganizationType, TimeZoneSidKey FROM Organization LIMIT 1");
        subs.put("user", v + "/query?q=SELECT Id, Username, IsActive, ProfileId, Profile.Name, UserType, LastPasswordChangeDate, LastLoginDate FROM User WHERE Username = '"
                + username.replace("\\", "\\\\").replace("'", "\\'") + "' LIMIT 1");
        subs.put("userLogin", v + "/query?q=SELECT Id, UserId, IsFrozen, IsPasswordLocked FROM UserLogin WHERE UserId = '@{user.records[0].Id}'");
        subs.put("history", v + "/query?q=SELECT LoginTime, Status, SourceIp, LoginType, LoginSubType, LoginUrl, ApiType, ApiVersion, Application, UserId FROM LoginHistory WHERE UserId = '@{user.records[0].Id}' AND LoginTime >= 2026-11-25T16:00:00Z AND LoginTime <= 2026-11-25T17:15:00Z ORDER BY LoginTime DESC LIMIT 50");
        subs.put("perms", v + "/query?q=SELECT PermissionSet.Name, PermissionSet.Label, PermissionSet.IsOwnedByProfile, PermissionSet.PermissionsApiEnabled, PermissionSet.PermissionsApiUserOnly, PermissionSet.PermissionsForceTwoFactor, PermissionSet.PermissionsTwoFactorApi FROM PermissionSetAssignment WHERE AssigneeId = '@{user.records[0].Id}'");
        subs.put("permsBypass", v + "/query?q=SELECT PermissionSet.Name, PermissionSet.PermissionsBypassMFAForUiLogins FROM PermissionSetAssignment WHERE AssigneeId = '@{user.records[0].Id}'");
        subs.put("profileMeta", v + "/tooling/query?q=SELECT Id, Name, Metadata FROM Profile WHERE Id = '@{user.records[0].ProfileId}'");
        subs.put("ipRanges", v + "/query?q=SELECT FIELDS(ALL) FROM LoginIpRange LIMIT 200");
        subs.put("security", v + "/tooling/query?q=SELECT Metadata FROM SecuritySettings");
        ObjectNode body = HttpIo.JSON.createObjectNode().put("allOrNone", false);
        ArrayNode arr = body.putArray("compositeRequest");
        subs.forEach((ref, url) -> arr.addObject().put("method", "GET").put("url", url).put("referenceId", ref));
        return body.toString();
    }

    private JsonNode answer(JsonNode composite, String ref) {
        for (JsonNode n : composite.get("compositeResponse")) {
            if (n.get("referenceId").asText().equals(ref)) {
                return n;
            }
        }
        throw new AssertionError("no answer for " + ref);
    }

    @Test
    void theEvidenceRequestForAKnownUserAnswersEverySubrequest() {
        SimHttp.soapLogin(org, "ranged@acme.com", "wrong", "203.0.113.7");
        org.resetCounters();

        SimHttp.Reply r = SimHttp.postJson(org, "/services/data/v62.0/composite", token, evidenceRequest("ranged@acme.com"));

        assertEquals(200, r.status(), r.body());
        JsonNode c = r.json();
        for (JsonNode n : c.get("compositeResponse")) {
            assertEquals(200, n.get("httpStatusCode").asInt(), n.toString());
            assertTrue(n.get("httpHeaders").isObject());
        }
        assertEquals("NA224", answer(c, "org").at("/body/records/0/InstanceName").asText());
        assertEquals("America/Los_Angeles", answer(c, "org").at("/body/records/0/TimeZoneSidKey").asText());
        assertEquals("0055g00000Ab1CeAAJ", answer(c, "user").at("/body/records/0/Id").asText());
        assertEquals("Acme Restricted Integration", answer(c, "user").at("/body/records/0/Profile/Name").asText());
        assertEquals(false, answer(c, "userLogin").at("/body/records/0/IsPasswordLocked").asBoolean());
        assertEquals("Restricted IP", answer(c, "history").at("/body/records/0/Status").asText());
        assertEquals(true, answer(c, "perms").at("/body/records/0/PermissionSet/IsOwnedByProfile").asBoolean());
        assertEquals(false, answer(c, "permsBypass").at("/body/records/0/PermissionSet/PermissionsBypassMFAForUiLogins").asBoolean());
        assertEquals("192.0.2.127", answer(c, "profileMeta").at("/body/records/0/Metadata/loginIpRanges/0/endAddress").asText());
        assertTrue(answer(c, "ipRanges").at("/body/totalSize").asInt() >= 1);
        assertEquals("ThreeAttempts", answer(c, "security").at("/body/records/0/Metadata/passwordPolicies/maxLoginAttempts").asText());
        assertEquals(1, org.requestCounts().composite());
        assertEquals(1, org.requestCounts().total(), "a composite is one request");
    }

    @Test
    void anUnknownUserLeavesTheDependentSubrequestsUnresolved() {
        SimHttp.Reply r = SimHttp.postJson(org, "/services/data/v62.0/composite", token, evidenceRequest("o'nobody@acme.com"));

        JsonNode c = r.json();
        assertEquals(200, r.status());
        assertEquals(0, answer(c, "user").at("/body/totalSize").asInt());
        for (String ref : new String[]{"userLogin", "history", "perms", "permsBypass", "profileMeta"}) {
            JsonNode a = answer(c, ref);
            assertEquals(400, a.get("httpStatusCode").asInt());
            assertEquals("PROCESSING_HALTED", a.at("/body/0/errorCode").asText());
        }
        assertEquals(200, answer(c, "security").get("httpStatusCode").asInt());
    }

    @Test
    void allOrNoneHaltsTheOthers() {
        String body = """
                {"allOrNone":true,"compositeRequest":[
                 {"method":"GET","referenceId":"a","url":"/services/data/v62.0/query?q=SELECT+Id+FROM+Organization"},
                 {"method":"GET","referenceId":"b","url":"/services/data/v62.0/query?q=SELECT+Nope+FROM+User"},
                 {"method":"GET","referenceId":"c","url":"/services/data/v62.0/query?q=SELECT+Id+FROM+Profile"}]}""";

        JsonNode c = SimHttp.postJson(org, "/services/data/v62.0/composite", token, body).json();

        assertEquals("PROCESSING_HALTED", answer(c, "a").at("/body/0/errorCode").asText());
        assertEquals("INVALID_FIELD", answer(c, "b").at("/body/0/errorCode").asText());
        assertEquals("PROCESSING_HALTED", answer(c, "c").at("/body/0/errorCode").asText());
        assertEquals(400, answer(c, "a").get("httpStatusCode").asInt());
    }

    @Test
    void subrequestsMayNotSetAuthorizationAcceptOrContentType() {
        String body = """
                {"compositeRequest":[{"method":"GET","referenceId":"a","url":"/services/data/v62.0/query?q=SELECT+Id+FROM+Organization",
                  "httpHeaders":{"Authorization":"Bearer x"}}]}""";

        SimHttp.Reply r = SimHttp.postJson(org, "/services/data/v62.0/composite", token, body);

        assertEquals(400, r.status());
        assertTrue(r.json().isArray());
    }

    @Test
    void moreThan25SubrequestsAreRefused() {
        ObjectNode body = HttpIo.JSON.createObjectNode();
        ArrayNode arr = body.putArray("compositeRequest");
        for (int i = 0; i < 26; i++) {
            arr.addObject().put("method", "GET").put("referenceId", "r" + i).put("url", "/services/data/v62.0/query?q=SELECT+Id+FROM+Organization");
        }

        SimHttp.Reply r = SimHttp.postJson(org, "/services/data/v62.0/composite", token, body.toString());

        assertEquals(400, r.status());
        assertEquals("[", r.body().substring(0, 1));
    }

    @Test
    void aCompositeWithoutASessionIs401() {
        assertEquals(401, SimHttp.postJson(org, "/services/data/v62.0/composite", null, evidenceRequest("svc@acme.com")).status());
    }
}
