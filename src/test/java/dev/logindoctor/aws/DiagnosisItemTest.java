package dev.logindoctor.aws;

import dev.logindoctor.engine.DiagnosisItem;
import dev.logindoctor.model.Cause;
import dev.logindoctor.model.Diagnosis;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DiagnosisItemTest {
    private static final Instant FAILED_AT = Instant.parse("2026-11-27T10:15:00Z");

    @Test
    void theItemCarriesTheTableKeysBesideTheDiagnosis() {
        Diagnosis d = Diagnoses.of("billing-sync-20261127T1015-0123456789abcdef", "billing-sync", Cause.USER_LOCKED_OUT, FAILED_AT);
        Map<String, Object> item = DiagnosisItem.toJsonMap(d, Duration.ofDays(30));
        assertEquals("INTEGRATION#billing-sync", item.get("pk"));
        assertEquals("DIAG#2026-11-27T10:15:00.000Z#billing-sync-20261127T1015-0123456789abcdef", item.get("sk"));
        assertEquals("CAUSE#USER_LOCKED_OUT", item.get("gsi1pk"));
        assertEquals("2026-11-27T10:15:00.000Z#billing-sync", item.get("gsi1sk"));
        assertEquals(d.diagnosedAt().plus(Duration.ofDays(30)).getEpochSecond(), item.get("expiresAt"));
        assertEquals("USER_LOCKED_OUT", item.get("cause"));
        assertEquals("CheckLockout", item.get("confirmedBy"));
        assertTrue(item.get("findings") instanceof List<?> findings && findings.size() == 2, "findings stay a list of maps");
    }

    @Test
    void withoutRetentionTheLocalFormHasNoTtl() {
        Map<String, Object> item = DiagnosisItem.toJsonMap(Diagnoses.of("local-1", "billing-sync", Cause.USER_FROZEN, FAILED_AT));
        assertFalse(item.containsKey("expiresAt"));
    }

    @Test
    void aDiagnosisSurvivesTheJsonAndTheDynamoDbFormsUnchanged() {
        for (Cause cause : List.of(Cause.USER_LOCKED_OUT, Cause.UNDETERMINED)) {
            Diagnosis d = Diagnoses.of("exec-1", "billing-sync", cause, FAILED_AT);
            assertEquals(d, DiagnosisItem.fromJsonMap(DiagnosisItem.toJsonMap(d, Duration.ofDays(1))));
            com.fasterxml.jackson.databind.node.ObjectNode attributes = DynamoDbValues.item(DiagnosisItem.toJsonMap(d, Duration.ofDays(1)));
            assertEquals(d, DiagnosisItem.fromJsonMap(DynamoDbValues.plain(attributes)));
            assertTrue(attributes.get("findings").has("L"), attributes.toString());
            assertTrue(attributes.get("expiresAt").get("N").isTextual(), attributes.toString());
        }
    }

    @Test
    void keyTimesSortAsTimesEvenWithFractions() {
        Instant whole = Instant.parse("2026-11-27T10:15:00Z");
        Instant later = Instant.parse("2026-11-27T10:15:00.500Z");
        assertTrue(whole.toString().compareTo(later.toString()) > 0, "the trap: Instant.toString sorts these wrongly");
        assertTrue(DiagnosisItem.sortable(whole).compareTo(DiagnosisItem.sortable(later)) < 0);
    }
}
