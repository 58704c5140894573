package dev.logindoctor.realorg;

import dev.logindoctor.model.Cause;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static dev.logindoctor.realorg.EveryCauseOnARealOrgTest.assertCause;
import static dev.logindoctor.realorg.EveryCauseOnARealOrgTest.soap;

/**
 * Trust API documents as api.status.salesforce.com sends them (docs/salesforce-wire-facts.md#trust-status-api;
 * the sim's TrustEndpoint mirrors the same shapes): maintenances with message.eventStatus and
 * MaintenanceImpacts, incidents with open impacts, non-core services, several instances per event, times with
 * offsets. The org is healthy and its history empty: only Trust can speak.
 */
class TrustShapesOnARealOrgTest {
    private final RealOrg org = new RealOrg();

    @AfterEach
    void stop() {
        org.close();
    }

    private static final String QUIET_STATUS = "{\"key\":\"NA224\",\"location\":\"NA\",\"environment\":\"production\",\"status\":\"OK\","
            + "\"isActive\":true,\"Products\":[],\"Incidents\":[],\"Maintenances\":[]}";

    static String maintenance(String eventStatus, String start, String end, boolean core, String instanceKeys) {
        return "{\"id\":1401234,\"message\":{\"maintenanceType\":\"patch\",\"availability\":\"partial\",\"eventStatus\":\"" + eventStatus + "\"},"
                + "\"externalId\":\"MNT-1401234\",\"name\":\"NA224 Patch Release\",\"plannedStartTime\":\"" + start + "\","
                + "\"plannedEndTime\":\"" + end + "\",\"additionalInformation\":null,\"isCore\":" + core + ",\"affectsAll\":false,"
                + "\"createdAt\":\"2026-11-13T10:00:00.000Z\",\"updatedAt\":\"2026-11-27T10:00:00.000Z\",\"instanceKeys\":" + instanceKeys
                + ",\"serviceKeys\":[\"coreService\"],\"MaintenanceImpacts\":[{\"id\":9001,\"startTime\":\"" + start + "\",\"endTime\":\"" + end
                + "\",\"type\":\"serviceDegradation\",\"createdAt\":\"" + start + "\",\"updatedAt\":\"" + start + "\"}],\"MaintenanceEvents\":[]}";
    }

    static String incident(boolean core, String start, String end, String instanceKeys) {
        return "{\"id\":88123,\"externalId\":\"I-88123\",\"affectsAll\":false,\"isCore\":" + core + ",\"additionalInformation\":null,"
                + "\"serviceKeys\":[\"coreService\"],\"instanceKeys\":" + instanceKeys + ",\"createdAt\":\"" + start + "\",\"updatedAt\":\"" + start + "\","
                + "\"IncidentImpacts\":[{\"id\":881231,\"startTime\":\"" + start + "\",\"endTime\":" + (end == null ? "null" : "\"" + end + "\"")
                + ",\"type\":\"serviceDisruption\",\"severity\":\"major\",\"createdAt\":\"" + start + "\",\"updatedAt\":\"" + start + "\"}],"
                + "\"IncidentEvents\":[{\"id\":881232,\"type\":\"investigating\",\"message\":\"We are investigating.\",\"createdAt\":\"" + start + "\"}]}";
    }

    private void maintenances(String... docs) {
        org.trust(QUIET_STATUS, "[" + String.join(",", docs) + "]", "[]");
    }

    private void incidents(String... docs) {
        org.trust(QUIET_STATUS, "[]", "[" + String.join(",", docs) + "]");
    }

    private String unavailable() {
        return soap("sf:SERVER_UNAVAILABLE", "SERVER_UNAVAILABLE: server temporarily unavailable");
    }

    @Test
    void aCancelledMaintenanceDoesNotConfirm() {
        org.answer(RealOrg.Answer.healthy().history());
        maintenances(maintenance("cancelled", "2026-11-27T10:00:00.000Z", "2026-11-27T12:00:00.000Z", true, "[\"NA224\"]"));
        assertCause(Cause.UNDETERMINED, org.diagnose(unavailable()));
    }

    @Test
    void anAmericanSpelledCanceledMaintenanceDoesNotConfirmEither() {
        org.answer(RealOrg.Answer.healthy().history());
        maintenances(maintenance("canceled", "2026-11-27T10:00:00.000Z", "2026-11-27T12:00:00.000Z", true, "[\"NA224\"]"));
        assertCause(Cause.UNDETERMINED, org.diagnose(unavailable()));
    }

    @Test
    void anInProgressMaintenanceWithOffsetTimesOnSeveralInstancesConfirms() {
        org.answer(RealOrg.Answer.healthy().history());
        // 02:00–04:00 in UTC-08:00 is 10:00–12:00Z.
        maintenances(maintenance("inProgress", "2026-11-27T02:00:00.000-08:00", "2026-11-27T04:00:00.000-08:00", true, "[\"NA223\",\"NA224\",\"NA225\"]"));
        assertCause(Cause.ORG_MAINTENANCE, org.diagnose(unavailable()));
    }

    @Test
    void offsetTimesThatEndBeforeTheFailureDoNotConfirm() {
        org.answer(RealOrg.Answer.healthy().history());
        // 02:00–04:00 in UTC+05:30 is 20:30–22:30Z the day before.
        maintenances(maintenance("completed", "2026-11-27T02:00:00.000+05:30", "2026-11-27T04:00:00.000+05:30", true, "[\"NA224\"]"));
        assertCause(Cause.UNDETERMINED, org.diagnose(unavailable()));
    }

    @Test
    void aMaintenanceOnlyOnOtherInstancesDoesNotConfirm() {
        org.answer(RealOrg.Answer.healthy().history());
        maintenances(maintenance("inProgress", "2026-11-27T10:00:00.000Z", "2026-11-27T12:00:00.000Z", true, "[\"NA223\",\"NA225\"]"));
        assertCause(Cause.UNDETERMINED, org.diagnose(unavailable()));
    }

    @Test
    void aNonCoreMaintenanceDoesNotConfirm() {
        org.answer(RealOrg.Answer.healthy().history());
        maintenances(maintenance("inProgress", "2026-11-27T10:00:00.000Z", "2026-11-27T12:00:00.000Z", false, "[\"NA224\"]"));
        assertCause(Cause.UNDETERMINED, org.diagnose(unavailable()));
    }

    @Test
    void anOpenCoreIncidentConfirms() {
        org.answer(RealOrg.Answer.healthy().history());
        incidents(incident(true, "2026-11-27T09:40:00.000+0000", null, "[\"NA224\",\"NA230\"]"));
        assertCause(Cause.ORG_MAINTENANCE, org.diagnose(unavailable()));
    }

    @Test
    void anOpenNonCoreIncidentDoesNotConfirm() {
        org.answer(RealOrg.Answer.healthy().history());
        incidents(incident(false, "2026-11-27T09:40:00.000Z", null, "[\"NA224\"]"));
        assertCause(Cause.UNDETERMINED, org.diagnose(unavailable()));
    }

    @Test
    void aResolvedIncidentThatEndedAnHourEarlierDoesNotConfirm() {
        org.answer(RealOrg.Answer.healthy().history());
        incidents(incident(true, "2026-11-27T08:00:00.000Z", "2026-11-27T09:10:00.000Z", "[\"NA224\"]"));
        assertCause(Cause.UNDETERMINED, org.diagnose(unavailable()));
    }

    @Test
    void aCancelledMaintenanceEmbeddedInTheInstanceStatusDoesNotConfirm() {
        org.answer(RealOrg.Answer.healthy().history());
        String m = maintenance("cancelled", "2026-11-27T10:00:00.000Z", "2026-11-27T12:00:00.000Z", true, "[\"NA224\"]");
        org.trust("{\"key\":\"NA224\",\"location\":\"NA\",\"environment\":\"production\",\"status\":\"OK\",\"isActive\":true,"
                + "\"Products\":[],\"Incidents\":[],\"Maintenances\":[" + m + "]}", "[" + m + "]", "[]");
        assertCause(Cause.UNDETERMINED, org.diagnose(unavailable()));
    }
}
