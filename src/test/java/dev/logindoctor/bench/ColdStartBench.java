package dev.logindoctor.bench;

import dev.logindoctor.aws.BenchFixtures;
import dev.logindoctor.engine.FailureReportParser;
import dev.logindoctor.engine.SecretResolver;
import dev.logindoctor.json.Json;
import dev.logindoctor.model.FailureReport;
import dev.logindoctor.salesforce.HttpTransport;
import dev.logindoctor.salesforce.SalesforceEvidenceSources;
import dev.logindoctor.salesforce.TokenCache;
import dev.logindoctor.sim.IntegrationSpec;
import dev.logindoctor.sim.SimIntegration;
import dev.logindoctor.sim.SimScenarios;
import dev.logindoctor.sim.SimulatedOrg;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Every handler's cold path, each run in a fresh JVM with Lambda's java21 flags, two ways:
 * <ul>
 * <li><b>coldStartRatio</b>: under AWS's runtime interface client against {@link RuntimeApiServer},
 *     process start to the posted answer, divided by the same for {@link MapHandler} run just before it
 *     (median of the pairs' ratios: the machine is shared and its load drifts);</li>
 * <li><b>firstRequestAfterInit</b>: {@code ColdPath} with a SnapStart init
 *     ({@code AWS_LAMBDA_INITIALIZATION_TYPE=snap-start}), the first handleRequest minus the time its
 *     requests spent in {@link LatencyProxy} (0 ms added), i.e. at the sim, at moto or in transit.</li>
 * </ul>
 * The org is the simulated org's {@code healthy} scenario (every step runs), secrets, table and
 * state machine are on moto; step events are the real states a diagnosis hands each step.
 * <p>
 * System properties: {@code bench.runs} (5), {@code bench.classpath} (Intake's, Record's and Probe's
 * artifact as sam build ships it: {@code DIR:DIR/lib/*}), {@code bench.stepClasspath} (the step
 * functions' own, from deploy/steps/; default bench.classpath), {@code bench.ricClasspath},
 * {@code bench.supportJar} (this package and ColdPath), {@code bench.java}, {@code bench.jvmOptions},
 * {@code bench.allSteps} (every step instead of a representative set). Prints one JSON object.
 */
public final class ColdStartBench {
    private static final String SECRET = "login-doctor/bench/diagnostics";
    private static final String RIC_MAIN = "com.amazonaws.services.lambda.runtime.api.client.AWSLambda";
    private static final Pattern PHASES = Pattern.compile("cold-path init-ms=([0-9.]+) handle-ms=([0-9.]+)");
    /** The first step to read the org, one over full evidence, the Trust step, one that judges the report alone, the last. */
    private static final List<String> STEPS = List.of("CheckUsername", "CheckLockout", "CheckMaintenance",
            "CheckConnectedAppApproval", "CheckPassword");

    private record Case(String name, String handler, String event, String expect, Map<String, String> env, boolean step) {
    }

    private ColdStartBench() {
    }

    public static void main(String[] args) throws Exception {
        int runs = Integer.getInteger("bench.runs", 5);
        Path work = Files.createDirectories(Path.of("target/bench/events"));
        try (BenchFixtures.MotoHandle moto = BenchFixtures.startMoto();
             SimulatedOrg org = SimulatedOrg.start(SimScenarios.startingAt(SimScenarios.load("healthy"), Instant.now()));
             LatencyProxy proxy = new LatencyProxy()) {
            followTheWallClock(org);
            String machine = BenchFixtures.createResources(moto, SECRET, org.diagnosticsSecretJson(), "bench-diagnoses", "LoginDoctorDiagnosis");
            Map<String, String> env = new LinkedHashMap<>(Map.of(
                    "AWS_REGION", "us-east-1", "AWS_ACCESS_KEY_ID", "bench", "AWS_SECRET_ACCESS_KEY", "bench",
                    "AWS_ENDPOINT_URL", moto.endpoint(), "SECRET_PREFIX", "login-doctor/", "TRUST_URL", org.baseUrl(),
                    "STATE_MACHINE_ARN", machine, "TABLE_NAME", "bench-diagnoses", "EVENT_BUS_NAME", "default"));
            env.put("AWS_LAMBDA_FUNCTION_NAME", "cold-start-bench");
            env.put("AWS_LAMBDA_FUNCTION_VERSION", "$LATEST");
            env.put("AWS_LAMBDA_FUNCTION_MEMORY_SIZE", "1024");
            env.put("AWS_LAMBDA_LOG_GROUP_NAME", "/aws/lambda/cold-start-bench");
            env.put("AWS_LAMBDA_LOG_STREAM_NAME", "bench");
            List<Case> cases = cases(org, work);
            Map<String, Object> results = new LinkedHashMap<>();
            Case trivialCase = new Case("trivial", MapHandler.class.getName(), "{\"a\":1}", "{\"a\":1}", Map.of(), false);
            double ratioMax = 0;
            double firstMax = 0;
            // -Dbench.cases=step-CheckUsername,record measures those cases alone (a look at one handler).
            String only = System.getProperty("bench.cases", "");
            if (!only.isBlank()) {
                List<String> names = List.of(only.split(","));
                cases.removeIf(c -> !names.contains(c.name()));
            }
            for (Case c : cases) {
                // Each run of the case right after one of the trivial handler: the machine's load drifts, the pair shares it.
                List<double[]> pairs = new ArrayList<>();
                for (int i = 0; i < runs; i++) {
                    double trivial = underRuntimeClient(trivialCase, env);
                    pairs.add(new double[] {underRuntimeClient(c, env), trivial});
                }
                pairs.sort((a, b) -> Double.compare(a[0] / a[1], b[0] / b[1]));
                double ric = pairs.get(pairs.size() / 2)[0];
                double trivial = pairs.get(pairs.size() / 2)[1];
                List<double[]> snap = new ArrayList<>();
                for (int i = 0; i < runs; i++) {
                    snap.add(snapStart(c, env, proxy));
                }
                snap.sort((a, b) -> Double.compare(a[3], b[3]));
                double[] mid = snap.get(snap.size() / 2);
                ratioMax = Math.max(ratioMax, ric / trivial);
                firstMax = Math.max(firstMax, mid[3]);
                results.put(c.name(), Map.of("runtimeClientMs", round(ric), "trivialMs", round(trivial), "ratio", round(ric / trivial),
                        "snapStartInitMs", round(mid[0]), "firstRequestMs", round(mid[1]), "networkMs", round(mid[2]),
                        "firstRequestExcludingNetworkMs", round(mid[3])));
                System.err.println(c.name() + " " + results.get(c.name()));
            }
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("coldStartRatioMax", round(ratioMax));
            out.put("firstRequestAfterInitMsMax", round(firstMax));
            out.put("runs", runs);
            out.put("cases", results);
            System.out.println(Json.MAPPER.writeValueAsString(out));
        }
    }

    private static List<Case> cases(SimulatedOrg org, Path work) throws IOException {
        IntegrationSpec spec = org.scenario().integration();
        SimIntegration.LoginError error = SimIntegration.attemptLogin(org, spec);
        Clock clock = Clock.systemUTC();
        FailureReport report = new FailureReportParser(clock).parse(SimIntegration.failureReportJson(org, spec, error, SECRET));
        String secret = org.diagnosticsSecretJson();
        SecretResolver secrets = reference -> secret;
        SalesforceEvidenceSources sources = new SalesforceEvidenceSources(secrets, org.baseUrl(), new HttpTransport(), clock, new TokenCache());
        List<String> wanted = List.of("1", "true").contains(System.getProperty("bench.allSteps", "0"))
                ? dev.logindoctor.engine.StepOrder.steps().stream().map(s -> s.name()).toList() : STEPS;
        Map<String, String> states = BenchFixtures.statesBefore(new LinkedHashSet<>(wanted), report, sources, clock.instant());
        List<Case> cases = new ArrayList<>();
        String intake = Files.readString(Path.of("events/intake-direct.json"));
        cases.add(new Case("intake-refused", "dev.logindoctor.aws.IntakeHandler",
                write(work, "intake-refused", intake.replace("\"login-doctor/integrations/", "\"elsewhere/integrations/")),
                "\"error\":\"InvalidReport\"", Map.of(), false));
        cases.add(new Case("intake-accepted", "dev.logindoctor.aws.IntakeHandler", "events/intake-direct.json",
                "\"executionArn\":\"arn:aws:states:", Map.of(), false));
        for (String step : wanted) {
            cases.add(new Case("step-" + step, "dev.logindoctor.aws.StepHandler", write(work, "state-" + step, states.get(step)),
                    "\"lastVerdict\"", Map.of("STEP", step), true));
        }
        cases.add(new Case("record", "dev.logindoctor.aws.RecordHandler",
                write(work, "record", BenchFixtures.finishedState(report, sources, clock.instant())), "\"cause\"", Map.of(), false));
        cases.add(new Case("probe", "dev.logindoctor.aws.ProbeHandler", "events/probe-schedule.json", "\"results\"", Map.of(), false));
        return cases;
    }

    /**
     * The sim's clock is set by hand; the handlers in other JVMs sign their JWTs by the wall clock,
     * so the sim follows it (a JWT more than 3 minutes ahead of the sim's now is refused).
     */
    private static void followTheWallClock(SimulatedOrg org) {
        Thread t = new Thread(() -> {
            while (true) {
                org.clock().set(Instant.now());
                try {
                    Thread.sleep(20);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "sim-wall-clock");
        t.setDaemon(true);
        t.start();
    }

    private static String write(Path dir, String name, String json) throws IOException {
        Path file = dir.resolve(name + ".json");
        Files.writeString(file, json);
        return file.toString();
    }

    /** Process start to the answer posted to the Runtime API, in ms. */
    private static double underRuntimeClient(Case c, Map<String, String> env) throws Exception {
        byte[] event = c.event().startsWith("{") ? c.event().getBytes(StandardCharsets.UTF_8) : Files.readAllBytes(Path.of(c.event()));
        try (RuntimeApiServer api = new RuntimeApiServer(event)) {
            List<String> command = java(c, System.getProperty("bench.ricClasspath"));
            command.add(RIC_MAIN);
            command.add(c.handler());
            ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(Path.of("target/bench/runtime-client.log").toFile());
            pb.environment().putAll(env);
            pb.environment().putAll(c.env());
            pb.environment().put("AWS_LAMBDA_RUNTIME_API", api.address());
            pb.environment().put("_HANDLER", c.handler());
            long start = System.nanoTime();
            Process p = pb.start();
            try {
                String answer = api.answer().get(300, TimeUnit.SECONDS);
                if (!answer.contains(c.expect())) {
                    throw new IllegalStateException(c.name() + " answered without " + c.expect() + ": " + answer);
                }
                return (api.answeredAtNanos() - start) / 1e6;
            } finally {
                p.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        }
    }

    /** {init ms, first handleRequest ms, network ms, first handleRequest excluding network ms}. */
    private static double[] snapStart(Case c, Map<String, String> env, LatencyProxy proxy) throws Exception {
        List<String> command = java(c, null);
        command.add(proxy.jvmOption());
        // The sim and moto are the network; the handler's own loopback stand-in during init priming is not.
        command.add(LatencyProxy.onlyPortsOption(URI.create(env.get("TRUST_URL")).getPort(), URI.create(env.get("AWS_ENDPOINT_URL")).getPort()));
        command.add(ProxiedMain.class.getName());
        command.add("dev.logindoctor.aws.ColdPath");
        command.add(c.handler());
        command.add(c.event());
        ProcessBuilder pb = new ProcessBuilder(command);
        pb.environment().putAll(env);
        pb.environment().putAll(c.env());
        pb.environment().put("AWS_LAMBDA_INITIALIZATION_TYPE", "snap-start");
        proxy.reset();
        Process p = pb.start();
        byte[] out = p.getInputStream().readAllBytes();
        String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        if (p.waitFor() != 0 || !new String(out, StandardCharsets.UTF_8).contains(c.expect())) {
            throw new IllegalStateException(c.name() + " failed: " + new String(out, StandardCharsets.UTF_8) + err);
        }
        Matcher m = PHASES.matcher(err);
        if (!m.find()) {
            throw new IllegalStateException(c.name() + " printed no timing: " + err);
        }
        double init = Double.parseDouble(m.group(1));
        double handle = Double.parseDouble(m.group(2));
        double network = proxy.busyMillis();
        return new double[] {init, handle, network, Math.max(0, handle - network)};
    }

    private static List<String> java(Case c, String extraClasspath) {
        List<String> command = new ArrayList<>();
        command.add(System.getProperty("bench.java", Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        for (String option : System.getProperty("bench.jvmOptions",
                "-XX:+TieredCompilation -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -Xshare:auto").split("\\s+")) {
            command.add(option);
        }
        String artifact = System.getProperty("bench.classpath");
        String cp = (c.step() ? System.getProperty("bench.stepClasspath", artifact) : artifact) + ":" + System.getProperty("bench.supportJar") + (extraClasspath == null ? "" : ":" + extraClasspath);
        command.add("-cp");
        command.add(cp);
        return command;
    }

    private static double round(double v) {
        return Math.round(v * 100) / 100.0;
    }
}
