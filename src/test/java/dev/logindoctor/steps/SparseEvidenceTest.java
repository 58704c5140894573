package dev.logindoctor.steps;

import dev.logindoctor.engine.StepOrder;
import dev.logindoctor.model.Evidence;
import dev.logindoctor.model.FailureReport;
import dev.logindoctor.model.Finding;
import dev.logindoctor.model.LoginFlow;
import dev.logindoctor.model.Lookup;
import dev.logindoctor.model.OrgEvidence;
import dev.logindoctor.model.ReportedError;
import dev.logindoctor.model.TrustEvidence;
import dev.logindoctor.model.Verdict;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What real orgs and thin reports send: missing parts never throw and never confirm anything. */
class SparseEvidenceTest {

    @ParameterizedTest
    @EnumSource(LoginFlow.class)
    void anOrgThatAnsweredNothingConfirmsNothingAndEveryStepSaysWhy(LoginFlow flow) {
        OrgEvidence empty = new OrgEvidence(true, null, null, Lookup.UNKNOWN, null, null, null, null, null, null, null, null, null,
                Map.of("user", "INVALID_FIELD on User"), 2, null);
        FailureReport report = new FailureReport(null, "https://acme.my.salesforce.com", "integration@acme.com", flow,
                new ReportedError(flow == LoginFlow.SOAP ? "INVALID_LOGIN" : "invalid_grant",
                        flow == LoginFlow.SOAP ? Scenario.GENERIC_INVALID_LOGIN : "authentication failure"),
                null, null, null, null, null);
        Evidence evidence = new Evidence(report, empty, TrustEvidence.unavailable("no instance"));
        for (var step : StepOrder.steps()) {
            Finding f = step.check(evidence);
            assertNotEquals(Verdict.CONFIRMED, f.verdict(), step.name() + " " + f.evidence());
            assertTrue(!f.evidence().isEmpty(), step.name() + " gives a reason");
        }
    }

    @Test
    void withTheOrgUnavailableEveryOrgStepNamesTheReason() {
        Scenario s = Scenario.healthy().orgUnavailable("the diagnostics secret login-doctor/diag does not exist")
                .trust(TrustEvidence.unavailable("instance unknown without the org"));
        for (var step : StepOrder.steps()) {
            Finding f = step.check(s.evidence());
            assertNotEquals(Verdict.CONFIRMED, f.verdict(), step.name());
            if (f.verdict() == Verdict.INCONCLUSIVE && step.needsOrg() && !step.needsTrust()) {
                assertTrue(f.evidence().stream().anyMatch(l -> l.contains("login-doctor/diag does not exist")),
                        step.name() + " says why: " + f.evidence());
            }
        }
    }

    @Test
    void aStepGivenNoOrgAtAllTreatsItAsUnavailable() {
        Scenario s = Scenario.healthy();
        for (var step : StepOrder.steps()) {
            Finding f = step.check(new Evidence(s.report(), null, null));
            assertNotEquals(Verdict.CONFIRMED, f.verdict(), step.name());
        }
    }

    @Test
    void anUnrecognizedStatusForTheAttemptConfirmsNothing() {
        // The bundled SOAP error and a Status outside the dictionary for the attempt: no opinion anywhere.
        Scenario s = Scenario.healthy().addHistory(Scenario.row(Scenario.at(0), "Failed: Something Salesforce added later"));
        long confirmed = StepOrder.steps().stream().filter(step -> step.check(s.evidence()).isConfirmed()).count();
        assertEquals(0, confirmed);
    }
}
