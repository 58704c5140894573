package dev.logindoctor.bench;

import dev.logindoctor.aws.AwsJsonApi;
import dev.logindoctor.aws.BenchFixtures;
import dev.logindoctor.aws.IntakeHandler;
import dev.logindoctor.aws.StepFunctionsStarter;
import dev.logindoctor.json.Json;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A storm: 1,000 identical failure reports through {@link IntakeHandler} against moto's Step
 * Functions, spread over {@value #CONTAINERS} warm containers (each its own handler, one report at a
 * time, as Lambda runs an instance), all at once. Counts the StartExecution calls sent to AWS.
 */
public final class StormBench {
    static final int REPORTS = 1000;
    static final int CONTAINERS = 4;
    private static final String REPORT = """
            {"integrationId":"storm","loginUrl":"https://acme.my.salesforce.com","username":"svc@acme.com","flow":"SOAP",
             "error":{"code":"INVALID_LOGIN","description":"Invalid username, password, security token; or user locked out."},
             "failedAt":"%s","credentialSecret":"login-doctor/storm","diagnosticsSecret":"login-doctor/diagnostics"}
            """;

    private StormBench() {
    }

    public static void main(String[] args) throws Exception {
        AtomicInteger starts = new AtomicInteger();
        try (BenchFixtures.MotoHandle moto = BenchFixtures.startMoto()) {
            String machine = BenchFixtures.createResources(moto, "login-doctor/storm-bench", "{}", "storm-bench", "storm-bench");
            AwsJsonApi counted = moto.moto().api(AwsJsonApi.Service.STEP_FUNCTIONS, send -> call -> {
                if ("AWSStepFunctions.StartExecution".equals(call.headers().get("x-amz-target"))) {
                    starts.incrementAndGet();
                }
                return send.send(call);
            });
            String report = REPORT.formatted(Clock.systemUTC().instant().toString()).replace("\n", " ");
            ExecutorService pool = Executors.newFixedThreadPool(CONTAINERS);
            List<Future<Integer>> duplicates = new ArrayList<>();
            for (int c = 0; c < CONTAINERS; c++) {
                IntakeHandler container = new IntakeHandler(new StepFunctionsStarter(() -> counted, machine), "login-doctor/", Clock.systemUTC());
                duplicates.add(pool.submit(() -> {
                    int duplicate = 0;
                    for (int i = 0; i < REPORTS / CONTAINERS; i++) {
                        ByteArrayOutputStream out = new ByteArrayOutputStream();
                        container.handleRequest(new ByteArrayInputStream(report.getBytes(StandardCharsets.UTF_8)), out, null);
                        String answer = out.toString(StandardCharsets.UTF_8);
                        if (!answer.contains("\"executionArn\"")) {
                            throw new IllegalStateException("storm report not accepted: " + answer);
                        }
                        duplicate += answer.contains("\"duplicate\":true") ? 1 : 0;
                    }
                    return duplicate;
                }));
            }
            int duplicateAnswers = 0;
            for (Future<Integer> f : duplicates) {
                duplicateAnswers += f.get();
            }
            pool.shutdown();
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("startExecutionCallsPer1000IdenticalReports", starts.get());
            out.put("storm", Map.of("reports", REPORTS, "containers", CONTAINERS, "duplicateAnswers", duplicateAnswers));
            System.out.println(Json.MAPPER.writeValueAsString(out));
        }
    }
}
