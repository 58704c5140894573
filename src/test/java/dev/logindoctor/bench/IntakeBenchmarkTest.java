package dev.logindoctor.bench;

import com.fasterxml.jackson.databind.JsonNode;
import dev.logindoctor.aws.AwsJsonApi;
import dev.logindoctor.aws.IntakeHandler;
import dev.logindoctor.aws.MotoServer;
import dev.logindoctor.aws.StepFunctionsStarter;
import dev.logindoctor.json.Json;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.sfn.SfnClient;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntFunction;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Intake throughput, in-process: the real IntakeHandler (parse, validate, execution name) with its
 * Step Functions client pointed at moto on loopback. Not a unit test: tagged "benchmark", left out
 * of the default run, no timing assertions; it prints reports/second and writes them to
 * target/benchmark/intake.txt. Run: {@code ./mvnw -B test -Pbench}.
 * <p>Three loads: reports that each start a new execution (distinct integrations), a storm of one
 * failure (every report after the first is ExecutionAlreadyExists), and reports refused by
 * validation (no Step Functions call: the handler's own cost).
 */
@Tag("benchmark")
@ExtendWith(MotoServer.class)
class IntakeBenchmarkTest {
    private static final String REPORT = """
            {"integrationId":"%s","loginUrl":"https://acme.my.salesforce.com","username":"svc@acme.com","flow":"SOAP",
             "error":{"code":"INVALID_LOGIN","description":"Invalid username, password, security token; or user locked out."},
             "failedAt":"2026-11-27T10:15:00Z","credentialSecret":"login-doctor/%s","diagnosticsSecret":"login-doctor/diagnostics"}
            """;
    private static final String PASS = "{\"StartAt\":\"Done\",\"States\":{\"Done\":{\"Type\":\"Pass\",\"End\":true}}}";

    private final SfnClient stepFunctions;

    private final MotoServer.Moto moto;

    IntakeBenchmarkTest(MotoServer.Moto moto) {
        this.moto = moto;
        stepFunctions = moto.stepFunctions();
    }

    private IntakeHandler intake() {
        String arn = stepFunctions.createStateMachine(c -> c.name("bench-" + UUID.randomUUID())
                .definition(PASS).roleArn("arn:aws:iam::123456789012:role/bench")).stateMachineArn();
        return new IntakeHandler(new StepFunctionsStarter(() -> moto.api(AwsJsonApi.Service.STEP_FUNCTIONS), arn), "login-doctor/",
                Clock.fixed(Instant.parse("2026-11-27T10:16:00Z"), java.time.ZoneOffset.UTC));
    }

    private static JsonNode send(IntakeHandler intake, String report) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            intake.handleRequest(new ByteArrayInputStream(report.getBytes(StandardCharsets.UTF_8)), out, null);
            return Json.MAPPER.readTree(out.toByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private record Result(String load, int threads, int reports, long nanos, List<JsonNode> answers) {
        double perSecond() {
            return reports / (nanos / 1e9);
        }

        String line() {
            return String.format(Locale.ROOT, "%-36s threads=%-2d reports=%-5d %8.0f reports/s  (%.2f ms per report per thread)",
                    load, threads, reports, perSecond(), nanos / 1e6 / reports * threads);
        }
    }

    private static Result measure(String load, IntakeHandler intake, int threads, int reports, IntFunction<String> report) throws Exception {
        List<JsonNode> answers = new ArrayList<>();
        long start = System.nanoTime();
        try (ExecutorService pool = Executors.newFixedThreadPool(threads)) {
            List<Future<JsonNode>> pending = new ArrayList<>();
            for (int i = 0; i < reports; i++) {
                String body = report.apply(i);
                pending.add(pool.submit(() -> send(intake, body)));
            }
            for (Future<JsonNode> f : pending) {
                answers.add(f.get());
            }
        }
        return new Result(load, threads, reports, System.nanoTime() - start, answers);
    }

    @Test
    void intakeThroughput() throws Exception {
        String run = UUID.randomUUID().toString().substring(0, 6);
        // Warm the JIT, Jackson and the SDK's connection pool; not counted.
        IntakeHandler warm = intake();
        measure("warm-up", warm, 4, 300, i -> REPORT.formatted("warm-" + run + "-" + i, "warm"));

        List<Result> results = new ArrayList<>();
        for (int threads : new int[] {1, 8}) {
            IntakeHandler intake = intake();
            Result started = measure("new failure each (StartExecution)", intake, threads, 1000,
                    i -> REPORT.formatted("sync-" + run + "-" + threads + "-" + i, "sync"));
            assertEquals(1000, started.answers().stream().filter(a -> !a.get("duplicate").asBoolean()).count());
            results.add(started);

            Result storm = measure("storm of one failure (duplicates)", intake, threads, 1000,
                    i -> REPORT.formatted("storm-" + run + "-" + threads, "storm"));
            assertEquals(1, storm.answers().stream().map(a -> a.get("executionArn").asText()).distinct().count());
            results.add(storm);

            Result refused = measure("refused by validation (no SFN call)", intake, threads, 5000,
                    i -> REPORT.formatted("bad-" + i, "bad").replace("\"SOAP\"", "\"FAX\""));
            assertEquals("flow", refused.answers().get(0).get("field").asText());
            results.add(refused);
        }

        StringBuilder text = new StringBuilder();
        text.append("Intake throughput, in-process, Step Functions = moto server on loopback (").append(Instant.now()).append(")\n");
        text.append(String.format(Locale.ROOT, "machine: %d cores, load average %.2f, Java %s%n",
                Runtime.getRuntime().availableProcessors(), ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(),
                Runtime.version()));
        results.forEach(r -> text.append(r.line()).append('\n'));
        System.out.print(text);
        Path file = Path.of("target", "benchmark", "intake.txt");
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
    }
}
