package dev.logindoctor.aws;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.logindoctor.engine.DiagnosisAssembler;
import dev.logindoctor.engine.DiagnosisState;
import dev.logindoctor.engine.EvidenceSources;
import dev.logindoctor.engine.FailureReportParser;
import dev.logindoctor.engine.InvalidReport;
import dev.logindoctor.engine.StepRunner;
import dev.logindoctor.json.Json;
import dev.logindoctor.model.FailureReport;
import dev.logindoctor.model.OrgEvidence;
import dev.logindoctor.model.TrustEvidence;
import dev.logindoctor.steps.EliminationStep;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;

/**
 * Runs a handler's JSON and decision path once, during Lambda's init phase, on a made-up report:
 * Jackson's classes load and its (de)serializers for the state are built before SnapStart takes
 * its snapshot, so the first request after a restore finds them ready. Without SnapStart the work
 * only moves from the first request into init (the classes and caches are shared with it).
 * <p>
 * Nothing here reaches AWS or Salesforce, reads a secret or keeps one: the sample names made-up
 * secret references, the evidence is "unavailable" or made up (src/main/resources/priming/), and
 * every result is thrown away. No time or random value is kept for later (the sample's instants are
 * fixed; the JDK's SecureRandom, which a SnapStart init's TLS and key generation touch, is one of
 * the generators Lambda documents as staying unique after a restore).
 * <p>
 * Only when Lambda says the init is a SnapStart one ({@code AWS_LAMBDA_INITIALIZATION_TYPE=snap-start},
 * run once at publish) does it also run the handler's network path once against a loopback stand-in
 * ({@link SnapStartPriming}, {@link AwsCallPriming}) on the instance's shared HTTP client: without
 * SnapStart that would charge every cold start (a refused report included) for work it may never
 * need. No credential is resolved into the snapshot (they are read from the environment per request).
 * <p>
 * The step functions are built from this class (deploy/steps/, which compiles what a step
 * references), so Intake's and Record's AWS-call priming lives in {@link AwsCallPriming}.
 */
final class InitPriming {
    /** A report as an integration sends it; the references name no real secret. */
    static final String SAMPLE_REPORT = """
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

    /**
     * The step handler's path: state document in, the step, state document out — over a start
     * state with unavailable evidence, and over a state carrying full org and Trust evidence (every
     * step after the first receives one: the nested records' deserializers are built here, not on the
     * first request). In a SnapStart init an org-reading step also runs its whole fetch once
     * ({@link SnapStartPriming}).
     */
    static void stepHandler(EliminationStep step) {
        if (snapStartInit() && step.needsOrg()) {
            SnapStartPriming.evidencePath(step);
        }
        ObjectNode document = StateDocument.write(sampleState());
        DiagnosisState state = StateDocument.read(roundTrip(document));
        DiagnosisState next = new StepRunner(UNAVAILABLE, StepRunner.OnError.ABSORB).run(step, state);
        write(StateDocument.write(next));
        stepRequest(step); // the full-evidence state, through the handler itself
    }

    /**
     * The handler's own request path once, as the runtime calls it: the full state from a stream,
     * the step, the state to a stream, and its log line (execution name, SHA-256, the JSON line) to
     * nowhere. Without it the first request still loaded ~100 classes (the security providers, the
     * stream parser's and the log line's) for 30-70 ms.
     */
    private static void stepRequest(EliminationStep step) {
        StepHandler handler = new StepHandler(step, UNAVAILABLE, new StructuredLog(line -> { }, Clock.systemUTC()));
        try {
            handler.handleRequest(new ByteArrayInputStream(PrimingOrg.resource("state.json").getBytes(StandardCharsets.UTF_8)),
                    OutputStream.nullOutputStream(), null);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Record's JSON path: a finished state with full evidence read and assembled (its SDK calls: {@link AwsCallPriming#recordHandler}). */
    static void record() {
        write(DiagnosisAssembler.assemble("init-priming", fullState(), SAMPLE_START));
    }

    /** A state as a late step receives it: the org's and Trust's evidence in full (made-up data). */
    static DiagnosisState fullState() {
        try {
            return StateDocument.read(Json.MAPPER.readTree(PrimingOrg.resource("state.json")));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The intake's JSON path up to the start: parse and validate a report, build the start state; then a refusal. */
    static void intake() {
        ObjectNode start = Json.MAPPER.valueToTree(sampleState());
        write(start.put("intakeRequestId", "init-priming"));
        ExecutionName.of(sampleState().report()); // SHA-256: the security providers load here, not on the first request
        try {
            new FailureReportParser(Clock.systemUTC()).parse("{\"loginUrl\": \"not a url\"}");
        } catch (InvalidReport expected) {
            // the refusal path is what a bad report takes; its message is discarded
        }
    }

    /** Lambda's own word for this init: on-demand, provisioned-concurrency or snap-start. */
    static boolean snapStartInit() {
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

    static void write(Object value) {
        try {
            Json.MAPPER.writeValue(OutputStream.nullOutputStream(), value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
