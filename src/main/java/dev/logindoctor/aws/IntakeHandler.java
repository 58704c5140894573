package dev.logindoctor.aws;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.logindoctor.engine.DiagnosisState;
import dev.logindoctor.engine.FailureReportParser;
import dev.logindoctor.engine.FailureReportRules;
import dev.logindoctor.engine.InvalidReport;
import dev.logindoctor.json.Json;
import dev.logindoctor.model.FailureReport;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.UUID;

/**
 * Takes a failure report — invoked directly with the report as the payload, or through the
 * function URL (IAM auth) with the report as the POST body — validates it with the CLI's rules,
 * and starts one diagnosis per integration and failure window ({@link ExecutionName}).
 * <ul>
 *   <li>accepted: {@code {"executionArn", "duplicate"}}; over the URL 202 (started) or 200 (duplicate)</li>
 *   <li>bad report: {@code {"error": "InvalidReport", "field", "message"}}, returned (not thrown: a
 *       caller's mistake is not a function error for the alarms); over the URL with HTTP 400</li>
 *   <li>GET on the URL with {@code ?integrationId=ID}: that integration's newest diagnosis (200), or 404</li>
 * </ul>
 * Nothing is started unless the whole report is valid.
 */
public final class IntakeHandler implements RequestStreamHandler {
    private final FailureReportParser parser;
    private final StepFunctionsStarter starter;
    private final SecretPrefixes secretPrefixes;
    private final Clock clock;
    private final LatestDiagnosis latest;

    public IntakeHandler() {
        this(FunctionEnvironment.system());
        // Lambda's constructor: warm the JSON and validation path in init, where SnapStart snapshots it.
        AwsCallPriming.intakeHandler();
    }

    private IntakeHandler(FunctionEnvironment env) {
        this(new StepFunctionsStarter(() -> AwsJsonApi.inLambda(AwsJsonApi.Service.STEP_FUNCTIONS), env.stateMachineArn()), SecretPrefixes.from(env), Clock.systemUTC(),
                LatestDiagnosis.fromTable(env.tableName()));
    }

    /** @param secretPrefix when set, the report's secret references must lie under it (null: checked later, by the steps) */
    public IntakeHandler(StepFunctionsStarter starter, String secretPrefix, Clock clock) {
        this(starter, secretPrefix, clock, null);
    }

    /** @param latest answers a GET on the function URL (null: GET is refused like any other non-POST) */
    public IntakeHandler(StepFunctionsStarter starter, String secretPrefix, Clock clock, LatestDiagnosis latest) {
        this(starter, new SecretPrefixes(secretPrefix, null), clock, latest);
    }

    /** @param secretPrefixes where the report's secret references must lie (the diagnostics one in its own prefix) */
    IntakeHandler(StepFunctionsStarter starter, SecretPrefixes secretPrefixes, Clock clock, LatestDiagnosis latest) {
        this.latest = latest;
        this.parser = new FailureReportParser(clock);
        this.starter = starter;
        this.secretPrefixes = secretPrefixes;
        this.clock = clock;
    }

    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        String payload = new String(input.readAllBytes(), StandardCharsets.UTF_8);
        String requestId = context != null && context.getAwsRequestId() != null ? context.getAwsRequestId() : UUID.randomUUID().toString();
        JsonNode event;
        try {
            event = payload.isBlank() ? null : FailureReportParser.readTree(payload);
        } catch (InvalidReport e) {
            Json.MAPPER.writeValue(output, invalid(e));
            return;
        }
        JsonNode response = FunctionUrlEvent.matches(event) ? overUrl(event, requestId) : direct(event, requestId);
        Json.MAPPER.writeValue(output, response);
    }

    /** Starts a diagnosis for a typed report (the probe's way in): the same rules, prefix check and name as a sent one. */
    public StepFunctionsStarter.Started start(FailureReport report) {
        return startChecked(FailureReportRules.check(report), UUID.randomUUID().toString());
    }

    private JsonNode direct(JsonNode event, String requestId) {
        try {
            if (event == null) {
                throw new InvalidReport(null, "the report is empty: expected a JSON object with loginUrl, username, flow and error");
            }
            return accept(parser.parse(event), requestId);
        } catch (InvalidReport e) {
            return invalid(e);
        }
    }

    private JsonNode overUrl(JsonNode event, String requestId) {
        if (latest != null && "GET".equalsIgnoreCase(FunctionUrlEvent.method(event))) {
            return latestDiagnosis(event.path("queryStringParameters").path("integrationId").asText("").strip());
        }
        if (!"POST".equalsIgnoreCase(FunctionUrlEvent.method(event))) {
            return FunctionUrlEvent.response(405, invalid(new InvalidReport(null, "send the failure report with POST, or GET ?integrationId=ID for its latest diagnosis")));
        }
        String body = FunctionUrlEvent.body(event);
        if (body == null) {
            return FunctionUrlEvent.response(400, invalid(new InvalidReport(null, "the body is marked base64 but is not valid base64")));
        }
        try {
            ObjectNode accepted = accept(parser.parse(body), requestId);
            return FunctionUrlEvent.response(accepted.get("duplicate").asBoolean() ? 200 : 202, accepted);
        } catch (InvalidReport e) {
            return FunctionUrlEvent.response(400, invalid(e));
        } catch (AwsCallFailed e) {
            // The report was good; Step Functions did not take it. Say so, so the sender can send it again
            // (the execution name makes that safe), instead of the function URL's bare 502.
            return FunctionUrlEvent.response(503, Json.MAPPER.createObjectNode().put("error", "NotStarted").putNull("field")
                    .put("message", "the diagnosis could not be started; send the report again: " + e.getMessage()));
        }
    }

    /** GET ?integrationId=ID: 200 with the newest diagnosis, 404 when there is none (or it expired). */
    private JsonNode latestDiagnosis(String integrationId) {
        if (integrationId.isEmpty() || integrationId.length() > 200) {
            return FunctionUrlEvent.response(400, invalid(new InvalidReport("integrationId",
                    "is required (1 to 200 characters): GET ?integrationId=billing-sync")));
        }
        return latest.of(integrationId)
                .<JsonNode>map(diagnosis -> FunctionUrlEvent.response(200, Json.MAPPER.valueToTree(diagnosis)))
                .orElseGet(() -> FunctionUrlEvent.response(404, Json.MAPPER.createObjectNode().put("error", "NotFound")
                        .put("field", "integrationId").put("message", "no diagnosis of this integration is stored (or it has expired)")));
    }

    private ObjectNode accept(FailureReport report, String requestId) {
        StepFunctionsStarter.Started started = startChecked(report, requestId);
        return Json.MAPPER.createObjectNode()
                .put("executionArn", started.executionArn())
                .put("duplicate", started.duplicate());
    }

    /**
     * The input carries this request's id beside the start state: Step Functions treats a second
     * start with the same name AND the same input as the same call (it returns the running
     * execution without an error), and a duplicate report must be reported as one.
     */
    private StepFunctionsStarter.Started startChecked(FailureReport report, String requestId) {
        secretPrefixes.check(report.credentialSecret(), report.diagnosticsSecret());
        ObjectNode start = Json.MAPPER.valueToTree(DiagnosisState.start(report, clock.instant()));
        String input = start.put("intakeRequestId", requestId).toString();
        return starter.start(ExecutionName.of(report), input);
    }

    private static ObjectNode invalid(InvalidReport e) {
        ObjectNode error = Json.MAPPER.createObjectNode().put("error", "InvalidReport");
        if (e.field() == null) {
            error.putNull("field");
        } else {
            error.put("field", e.field());
        }
        return error.put("message", e.getMessage());
    }

}
