package dev.logindoctor.salesforce;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.logindoctor.json.Json;
import dev.logindoctor.model.Evidence;
import dev.logindoctor.model.FailureReport;
import dev.logindoctor.model.Finding;
import dev.logindoctor.model.Lookup;
import dev.logindoctor.model.OrgEvidence;
import dev.logindoctor.model.TrustEvidence;
import dev.logindoctor.model.Verdict;
import dev.logindoctor.steps.CheckInactive;
import dev.logindoctor.steps.CheckUsername;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** Org answers of odd shapes: a missing, null or mistyped field is a gap, never evidence for a cause. */
class HostileOrgAnswerTest {
    private static final String USER = "integration@acme.com";
    private static final FailureReport REPORT = OrgEvidenceReaderTest.report(USER);

    private static JsonNode json(String text) {
        try {
            return Json.MAPPER.readTree(text);
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
    }

    private static OrgEvidence evidenceWithUserRows(String rows) {
        Map<String, CompositeResponse.Part> parts = new LinkedHashMap<>();
        parts.put("org", new CompositeResponse.Part("org", 200, json("""
                {"records":[{"Id":"00D000000000001","Name":"Acme","InstanceName":"NA224","IsSandbox":false,"TimeZoneSidKey":"UTC"}]}""")));
        parts.put("user", new CompositeResponse.Part("user", 200, json("{\"records\":" + rows + "}")));
        return OrgEvidenceMapper.map(new CompositeResponse(parts), USER, Instant.parse("2026-11-27T10:15:00Z"),
                "https://acme.my.salesforce.com", 2);
    }

    private static Finding run(dev.logindoctor.steps.EliminationStep step, OrgEvidence org) {
        return step.check(new Evidence(REPORT, org, TrustEvidence.unavailable("not asked")));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", ",\"IsActive\":null", ",\"IsActive\":\"yes\"", ",\"IsActive\":0", ",\"IsActive\":{}"})
    void aUserRowWithoutAReadableIsActiveNeverConfirmsUserInactive(String isActive) {
        OrgEvidence org = evidenceWithUserRows("[{\"Id\":\"005000000000001\",\"Username\":\"" + USER + "\",\"ProfileId\":\"00e000000000001\""
                + isActive + "}]");
        assertEquals(Lookup.FOUND, org.userLookup());
        assertNull(org.user().active());
        Finding f = run(new CheckInactive(), org);
        assertEquals(Verdict.INCONCLUSIVE, f.verdict(), f.toString());
    }

    @ParameterizedTest
    @ValueSource(strings = {"12345", "null", "\"someone.else@acme.com\"", "true", "[\"" + USER + "\"]"})
    void aReturnedRowWhoseUsernameIsNotTheReportedOneIsAGapNeverUsernameNotFound(String username) {
        OrgEvidence org = evidenceWithUserRows("[{\"Id\":\"005000000000001\",\"Username\":" + username + ",\"IsActive\":false}]");
        assertEquals(Lookup.UNKNOWN, org.userLookup(), org.gap("user"));
        assertNotEquals(Verdict.CONFIRMED, run(new CheckUsername(), org).verdict());
        assertNotEquals(Verdict.CONFIRMED, run(new CheckInactive(), org).verdict());
    }

    @Test
    void aRowWithoutUsernameIsAGapToo() {
        OrgEvidence org = evidenceWithUserRows("[{\"Id\":\"005000000000001\",\"IsActive\":false}]");
        assertEquals(Lookup.UNKNOWN, org.userLookup());
        assertNotEquals(Verdict.CONFIRMED, run(new CheckInactive(), org).verdict());
    }

    @Test
    void theUsernameIsComparedIgnoringCase() {
        OrgEvidence org = evidenceWithUserRows("[{\"Id\":\"005000000000001\",\"Username\":\"Integration@ACME.com\",\"IsActive\":false}]");
        assertEquals(Lookup.FOUND, org.userLookup());
        assertEquals(Verdict.CONFIRMED, run(new CheckInactive(), org).verdict());
    }

    @Test
    void anEmptyAnswerIsStillEvidenceThatTheUserDoesNotExist() {
        assertEquals(Lookup.NOT_FOUND, evidenceWithUserRows("[]").userLookup());
    }

    @Test
    void duplicatedRowsThatDisagreeOnIsActiveLeaveItUnknown() {
        OrgEvidence org = evidenceWithUserRows("[{\"Id\":\"005000000000001\",\"Username\":\"" + USER + "\",\"IsActive\":true},"
                + "{\"Id\":\"005000000000001\",\"Username\":\"" + USER + "\",\"IsActive\":false}]");
        assertNotEquals(Verdict.CONFIRMED, run(new CheckInactive(), org).verdict());
    }

    @Test
    void aNumericUserIdCannotTieRowsToTheUser() {
        ObjectNode row = Json.MAPPER.createObjectNode().put("Id", 5).put("Username", USER).put("IsActive", true);
        OrgEvidence org = evidenceWithUserRows("[" + row + "]");
        assertNull(org.user() == null ? null : org.user().id());
    }

    @ParameterizedTest
    @ValueSource(strings = {"USA544/../../v1/x y", "NA1?x=1", "\u00e9t\u00e9", "a#b"})
    void anOddInstanceNameFromTheOrgLeavesTrustUnavailableInsteadOfThrowing(String instanceName) {
        TrustEvidenceReader reader = new TrustEvidenceReader(new TrustClient("http://127.0.0.1:9", new HttpTransport()));
        TrustEvidence t = reader.read(REPORT, TrustEvidenceReaderTest.orgOn(instanceName), Instant.parse("2026-11-27T10:20:00Z"));
        assertEquals(false, t.available());
    }

    @Test
    void aMaintenanceEmbeddedInTheInstanceStatusThatNamesOnlyAnotherInstanceIsNotAboutThisOne() throws Exception {
        JsonNode status = Json.MAPPER.readTree("""
                {"key":"NA224","status":"OK","Incidents":[],"Maintenances":[
                  {"id":990001,"name":"NA99 Emergency Maintenance","plannedStartTime":"2026-11-27T09:00:00.000Z",
                   "plannedEndTime":"2026-11-27T12:00:00.000Z","isCore":true,"instanceKeys":["NA99"],"message":{"eventStatus":"inProgress"}},
                  {"id":990002,"name":"NA224 Release","plannedStartTime":"2026-11-28T09:00:00.000Z",
                   "plannedEndTime":"2026-11-28T10:00:00.000Z","isCore":true,"instanceKeys":["na224"],"message":{"eventStatus":"scheduled"}}]}""");
        TrustClient.InstanceStatus read = TrustClient.InstanceStatus.from(status, "Trust status");
        assertEquals(java.util.List.of("990002"), read.events().stream().map(dev.logindoctor.model.TrustEvent::id).toList(),
                "another instance's maintenance (it would confirm ORG_MAINTENANCE) is left out");
    }
}
