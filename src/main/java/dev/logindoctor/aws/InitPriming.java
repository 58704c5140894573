package dev.logindoctor.aws;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.logindoctor.engine.DiagnosisState;
import dev.logindoctor.engine.EvidenceSources;
import dev.logindoctor.engine.FailureReportParser;
import dev.logindoctor.engine.InvalidReport;
import dev.logindoctor.json.Json;
import dev.logindoctor.engine.StepRunner;
import dev.logindoctor.model.FailureReport;
import dev.logindoctor.model.OrgEvidence;
import dev.logindoctor.model.TrustEvidence;
import dev.logindoctor.steps.EliminationStep;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Instant;

/**
 * Runs a handler's JSON and decision path once, during Lambda's init phase, on a made-up report:
 * Jackson's classes load and its (de)serializers for the state are built before SnapStart takes
 * its snapshot, so the first request after a restore finds them ready. Without SnapStart the work
 * only moves from the first request into init (the classes and caches are shared with it).
 * <p>
 * Nothing here reaches AWS or Salesforce, reads a secret or keeps one: the sample names made-up
 * secret references, the evidence a step would fetch is "unavailable", and every result is
 * thrown away. Nothing in the snapshot depends on the time or a random value.
 * <p>
 * Only when Lambda says the init is a SnapStart one ({@code AWS_LAMBDA_INITIALIZATION_TYPE=snap-start},
 * run once at publish) does it also build the SDK client the handler will call: without SnapStart
 * that would charge every cold start (a refused report included) for a client it may never use.
 * Building a client resolves no credentials (they are read from the environment per request).
 */
final class InitPriming {
    /** A report as an integration sends it; the references name no real secret. */
    private static final String SAMPLE_REPORT = """
            {"integrationId": "init-priming", "loginUrl": "https://login.salesforce.com",
             "username": "priming@example.invalid", "flow": "SOAP",
             "error": {"code": "INVALID_LOGIN", "description": "Invalid username, password, security token; or user locked out."},
             "failedAt": "2026-01-01T00:00:00Z", "sourceIp": "192.0.2.1", "credentialUpdatedAt": "2025-12-01T00:00:00Z",
             "credentialSecret": "priming/integration", "diagnosticsSecret": "priming/diagnostics"}""";
    private static final Instant SAMPLE_START = Instant.parse("2026-01-01T00:00:03Z");

    /** Evidence that is never fetched: the step sees what it sees when the org cannot be read. */
    private static final EvidenceSources UNAVAILABLE = new EvidenceSources() {
        @Override
        public OrgEvidence fetchOrg(FailureReport report) {
            return OrgEvidence.unavailable("init priming reads no org", 0);
        }

        @Override
        public TrustEvidence fetchTrust(FailureReport report, OrgEvidence org) {
            return TrustEvidence.unavailable("init priming reads no Trust status");
        }
    };

    private InitPriming() {
    }

    /** The step handler's path: state document in, the step over unavailable evidence, state document out. */
    static void stepHandler(EliminationStep step) {
        if (snapStartInit() && step.needsOrg()) {
            AwsClients.secretsManager();
        }
        ObjectNode document = StateDocument.write(sampleState());
        DiagnosisState state = StateDocument.read(roundTrip(document));
        DiagnosisState next = new StepRunner(UNAVAILABLE, StepRunner.OnError.ABSORB).run(step, state);
        write(StateDocument.write(next));
    }

    /** The intake's path up to the start: parse and validate a report, build the start state; then a refusal. */
    static void intake() {
        if (snapStartInit()) {
            AwsClients.stepFunctions();
        }
        ObjectNode start = Json.MAPPER.valueToTree(sampleState());
        write(start.put("intakeRequestId", "init-priming"));
        try {
            new FailureReportParser(Clock.systemUTC()).parse("{\"loginUrl\": \"not a url\"}");
        } catch (InvalidReport expected) {
            // the refusal path is what a bad report takes; its message is discarded
        }
    }

    /** Lambda's own word for this init: on-demand, provisioned-concurrency or snap-start. */
    private static boolean snapStartInit() {
        return "snap-start".equals(System.getenv("AWS_LAMBDA_INITIALIZATION_TYPE"));
    }

    private static DiagnosisState sampleState() {
        FailureReport report = new FailureReportParser(Clock.systemUTC()).parse(SAMPLE_REPORT);
        return DiagnosisState.start(report, SAMPLE_START);
    }

    private static com.fasterxml.jackson.databind.JsonNode roundTrip(ObjectNode document) {
        try {
            return Json.MAPPER.readTree(Json.MAPPER.writeValueAsBytes(document));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void write(Object value) {
        try {
            Json.MAPPER.writeValue(OutputStream.nullOutputStream(), value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
