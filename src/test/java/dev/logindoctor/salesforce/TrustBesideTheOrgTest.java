package dev.logindoctor.salesforce;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.logindoctor.engine.DiagnosisState;
import dev.logindoctor.engine.EvidenceSources;
import dev.logindoctor.engine.SecretResolver;
import dev.logindoctor.engine.StepRunner;
import dev.logindoctor.model.FailureReport;
import dev.logindoctor.model.OrgEvidence;
import dev.logindoctor.model.TrustEvidence;
import dev.logindoctor.sim.FaultSpec;
import dev.logindoctor.sim.IntegrationSpec;
import dev.logindoctor.sim.SimIntegration;
import dev.logindoctor.sim.SimulatedOrg;
import dev.logindoctor.steps.CheckUsername;
import org.junit.jupiter.api.Test;

import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Trust read beside the org ({@link SalesforceEvidenceSources#fetchOrgAndTrust}) against the
 * simulated org: the same evidence as reading one after the other, one secret read, the org's word
 * on its instance outranking the alias, and a Trust failure never costing the org reading.
 */
class TrustBesideTheOrgTest {
    private final AtomicInteger secretReads = new AtomicInteger();

    private static SimulatedOrg orgAfterTheFailure(String scenario) {
        SimulatedOrg org = SimulatedOrg.start(scenario);
        IntegrationSpec spec = org.scenario().integration();
        SimIntegration.attemptLogin(org, spec);
        org.resetCounters();
        return org;
    }

    private SalesforceEvidenceSources sources(SimulatedOrg org, String secret) {
        SecretResolver secrets = reference -> {
            secretReads.incrementAndGet();
            return secret;
        };
        return new SalesforceEvidenceSources(secrets, org.baseUrl(), new HttpTransport(), SimClocks.of(org), new TokenCache());
    }

    private static String secretWithMyDomain(SimulatedOrg org, String myDomain) throws Exception {
        ObjectNode secret = (ObjectNode) WireJson.MAPPER.readTree(org.diagnosticsSecretJson());
        return secret.put("myDomain", myDomain).toString();
    }

    @Test
    void trustReadBesideTheOrgIsWhatReadingItAfterwardsGives() {
        try (SimulatedOrg org = orgAfterTheFailure("user-locked-out")) {
            FailureReport report = SimulatedOrgEvidenceTest.reportFor(org);
            EvidenceSources.Fetched both = sources(org, org.diagnosticsSecretJson()).fetchOrgAndTrust(report, Integer.MAX_VALUE);

            assertTrue(both.org().available(), both.org().unavailableReason());
            assertNotNull(both.trust());
            assertTrue(both.trust().available(), both.trust().unavailableReason());
            assertEquals(1, secretReads.get(), "the diagnostics secret is read once");
            SimulatedOrg.RequestCounts counts = org.requestCounts();
            assertEquals(2, counts.total(), "token and composite, as before");
            assertEquals(3, counts.trust(), "alias status, maintenances and incidents (the alias's status is the instance's)");

            SalesforceEvidenceSources oneAfterTheOther = sources(org, org.diagnosticsSecretJson());
            OrgEvidence orgEvidence = oneAfterTheOther.fetchOrg(report);
            assertEquals(oneAfterTheOther.fetchTrust(report, orgEvidence), both.trust());
            assertEquals(orgEvidence.organization(), both.org().organization());
        }
    }

    @Test
    void anAliasTrustDoesNotKnowIsOutrankedByTheOrgsOwnInstance() throws Exception {
        try (SimulatedOrg org = orgAfterTheFailure("healthy")) {
            FailureReport report = SimulatedOrgEvidenceTest.reportFor(org);
            EvidenceSources.Fetched both = sources(org, secretWithMyDomain(org, "nosuchalias")).fetchOrgAndTrust(report, Integer.MAX_VALUE);

            assertTrue(both.org().available(), both.org().unavailableReason());
            assertTrue(both.trust().available(), both.trust().unavailableReason());
            assertEquals(both.org().organization().instanceName(), both.trust().instanceKey());
        }
    }

    @Test
    void duringMaintenanceTheAliasFindsTheInstanceTheOrgCannotName() {
        try (SimulatedOrg org = orgAfterTheFailure("org-maintenance")) {
            FailureReport report = SimulatedOrgEvidenceTest.reportFor(org);
            EvidenceSources.Fetched both = sources(org, org.diagnosticsSecretJson()).fetchOrgAndTrust(report, Integer.MAX_VALUE);

            assertFalse(both.org().available(), "the sim refuses the diagnostics login while the instance is down");
            assertTrue(both.trust().available(), both.trust().unavailableReason());
            assertEquals("MAINTENANCE_CORE", both.trust().instanceStatus());
            assertEquals(1, secretReads.get());
        }
    }

    @Test
    void aTrustOutageLeavesTrustUnreadForItsOwnStepAndKeepsTheOrg() {
        try (SimulatedOrg org = orgAfterTheFailure("healthy")) {
            org.addFault(new FaultSpec("trust", "status", null, 503, null, null));
            FailureReport report = SimulatedOrgEvidenceTest.reportFor(org);
            EvidenceSources.Fetched both = sources(org, org.diagnosticsSecretJson()).fetchOrgAndTrust(report, Integer.MAX_VALUE);

            assertTrue(both.org().available(), both.org().unavailableReason());
            assertNull(both.trust(), "not read: CheckMaintenance fetches it itself, with the state machine's retries");
            assertEquals(2, org.requestCounts().total());
        }
    }

    @Test
    void theFirstStepThatReadsTheOrgLeavesTrustInTheStateForCheckMaintenance() {
        try (SimulatedOrg org = orgAfterTheFailure("wrong-password")) {
            FailureReport report = SimulatedOrgEvidenceTest.reportFor(org);
            DiagnosisState state = new StepRunner(sources(org, org.diagnosticsSecretJson()), StepRunner.OnError.PROPAGATE)
                    .run(new CheckUsername(), DiagnosisState.start(report, org.now()));

            assertTrue(state.org().available());
            TrustEvidence trust = state.trust();
            assertNotNull(trust, "read beside the org");
            assertTrue(trust.available(), trust.unavailableReason());
        }
    }
}
