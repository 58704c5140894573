package dev.logindoctor.engine;

import dev.logindoctor.model.FailureReport;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Thousands of generated reports through the parser: each ends as a report that meets every rule or
 * as a clean {@link InvalidReport} — never another exception — and no refusal echoes a planted secret.
 */
class FailureReportFuzzTest {
    private final FailureReportParser parser = new FailureReportParser(Clock.fixed(Instant.parse("2026-11-28T12:00:00Z"), ZoneOffset.UTC));

    @Provide
    Arbitrary<String> reports() {
        return ReportFuzzInputs.anyReportText();
    }

    @Property(tries = 4000, seed = "20261203")
    void everyInputIsAReportOrACleanRefusal(@ForAll("reports") String text) {
        try {
            FailureReport report = parser.parse(text);
            assertNotNull(report.loginUrl());
            FailureReportRules.check(report);
            assertFalse(report.toString().contains(ReportFuzzInputs.CANARY), "a planted secret was accepted: " + report);
            Statistics.label("outcome").collect("accepted");
        } catch (InvalidReport refused) {
            String message = refused.getMessage();
            assertFalse(message.contains(ReportFuzzInputs.CANARY), message);
            assertTrue(message.length() < 400, message);
            Statistics.label("outcome").collect("refused");
            Statistics.label("refused field").collect(refused.field() == null ? "(document)" : refused.field().replaceAll("\\[\\d+]", "[]"));
        }
    }
}
