package dev.logindoctor.engine;

import dev.logindoctor.model.FailureReport;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Thousands of generated reports through the parser: each ends as a report that meets every rule or
 * as a clean {@link InvalidReport} — never another exception — and no refusal echoes a planted secret.
 */
class FailureReportFuzzTest {
    static final int INPUTS = 4000;
    private final FailureReportParser parser = new FailureReportParser(Clock.fixed(Instant.parse("2026-11-28T12:00:00Z"), ZoneOffset.UTC));

    @Test
    void everyGeneratedInputIsAReportOrACleanRefusalNamingWhatIsWrong() {
        ReportFuzzInputs inputs = new ReportFuzzInputs(20261203L);
        Map<String, Integer> outcomes = new TreeMap<>();
        for (int i = 0; i < INPUTS; i++) {
            String text = inputs.anyReportText();
            try {
                FailureReport report = parser.parse(text);
                FailureReportRules.check(report);
                assertFalse(report.toString().contains(ReportFuzzInputs.CANARY), "a planted secret was accepted: " + report);
                outcomes.merge("accepted", 1, Integer::sum);
            } catch (InvalidReport refused) {
                String message = refused.getMessage();
                assertFalse(message.contains(ReportFuzzInputs.CANARY), message);
                assertTrue(message.length() < 400, message);
                outcomes.merge(refused.field() == null ? "refused: the document" : "refused: a field", 1, Integer::sum);
            }
        }
        // A figure for docs/RELIABILITY.md; any other exception has failed the test above.
        System.out.println("FailureReportFuzzTest: " + INPUTS + " inputs " + inputs.drawn() + " -> " + outcomes + ", crashes 0");
        assertEquals(INPUTS, outcomes.values().stream().mapToInt(Integer::intValue).sum());
        assertTrue(outcomes.containsKey("accepted") && outcomes.containsKey("refused: a field"), outcomes.toString());
    }
}
