package dev.logindoctor.aws;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.logindoctor.engine.InvalidReport;
import dev.logindoctor.json.Json;
import dev.logindoctor.model.FailureReport;
import dev.logindoctor.probe.DiagnosisStarter;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * Starts the probe's diagnoses through the Intake handler itself, in-process: the same validation,
 * the same SECRET_PREFIX check and the same deterministic execution name as a report sent by an
 * integration, so a probe failure and the integration's own report of it are one diagnosis.
 */
public final class IntakeDiagnosisStarter implements DiagnosisStarter {
    private final IntakeHandler intake;

    public IntakeDiagnosisStarter(IntakeHandler intake) {
        this.intake = intake;
    }

    @Override
    public String start(FailureReport report) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            intake.handleRequest(new ByteArrayInputStream(Json.MAPPER.writeValueAsBytes(report)), out, null);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the probe's failure report as JSON", e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        JsonNode answer;
        try {
            answer = Json.MAPPER.readTree(out.toByteArray());
        } catch (IOException e) {
            throw new IllegalStateException("the intake handler answered with something other than JSON");
        }
        JsonNode arn = answer.get("executionArn");
        if (arn != null && arn.isTextual()) {
            return arn.asText();
        }
        JsonNode field = answer.get("field");
        throw new InvalidReport(field == null || field.isNull() ? null : field.asText(),
                answer.path("message").asText("the intake handler refused the report"));
    }
}
