package dev.logindoctor.bench;

import dev.logindoctor.engine.FailureReportParser;
import dev.logindoctor.engine.LocalDiagnosisEngine;
import dev.logindoctor.engine.SecretResolver;
import dev.logindoctor.model.Diagnosis;
import dev.logindoctor.model.FailureReport;
import dev.logindoctor.salesforce.HttpTransport;
import dev.logindoctor.salesforce.SalesforceEvidenceSources;
import dev.logindoctor.salesforce.TokenCache;
import dev.logindoctor.sim.IntegrationSpec;
import dev.logindoctor.sim.SimIntegration;
import dev.logindoctor.sim.SimulatedOrg;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How many round trips a diagnosis waits for in a row: each scenario's failure is diagnosed as
 * {@code diagnose} does it (the local engine over the sim), with every request held by
 * {@link LatencyProxy} for 0 ms and then for {@code LATENCY} ms. The slope of end-to-end time
 * against the per-request latency is the number of requests made one after another. Also counts
 * the org API and token requests per diagnosis (the sim's own counters), and {@code requestsInARowMax}:
 * the longest chain of requests sent one after the other's answer (from the proxy's intervals),
 * which a loaded machine does not blur the way it blurs the slope.
 * <p>
 * Usage: {@code RoundTripBench [latencyMs] [repeats]}; prints one JSON object.
 */
public final class RoundTripBench {
    /** Scenarios that reach CheckMaintenance (every UNDETERMINED one does), and one that stops early. */
    static final List<String> SCENARIOS = List.of("healthy", "wrong-password", "org-maintenance", "user-inactive",
            "security-token-missing", "user-locked-out");
    private static final String DIAGNOSTICS_SECRET = "bench/diagnostics";

    private RoundTripBench() {
    }

    public static void main(String[] args) throws Exception {
        long latency = args.length > 0 ? Long.parseLong(args[0]) : 150;
        int repeats = args.length > 1 ? Integer.parseInt(args[1]) : 2;
        Map<String, Object> perScenario = new LinkedHashMap<>();
        double slopeMax = 0;
        long orgMax = 0;
        long tokenMax = 0;
        int inARowMax = 0;
        try (LatencyProxy proxy = new LatencyProxy()) {
            proxy.routeThisJvm();
            diagnose("healthy", proxy, 0); // warm this JVM's classes once, untimed
            for (String scenario : SCENARIOS) {
                Run fast = best(scenario, proxy, 0, repeats);
                Run slow = best(scenario, proxy, latency, repeats);
                double slope = (slow.millis - fast.millis) / (double) latency;
                slopeMax = Math.max(slopeMax, slope);
                orgMax = Math.max(orgMax, Math.max(fast.orgRequests, slow.orgRequests));
                tokenMax = Math.max(tokenMax, Math.max(fast.tokenRequests, slow.tokenRequests));
                inARowMax = Math.max(inARowMax, slow.inARow);
                perScenario.put(scenario, Map.of("cause", slow.cause, "ms0", fast.millis, "msLatency", slow.millis,
                        "slope", Math.round(slope * 100) / 100.0, "orgRequests", slow.orgRequests,
                        "tokenRequests", slow.tokenRequests, "proxiedRequests", slow.proxied, "requestsInARow", slow.inARow));
            }
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("latencyMs", latency);
        out.put("roundTripsPerDiagnosisMax", Math.round(slopeMax * 100) / 100.0);
        out.put("requestsInARowMax", inARowMax);
        out.put("orgRequestsMax", orgMax);
        out.put("tokenRequestsMax", tokenMax);
        out.put("scenarios", perScenario);
        System.out.println(dev.logindoctor.json.Json.MAPPER.writeValueAsString(out));
    }

    private record Run(String cause, long millis, long orgRequests, long tokenRequests, long proxied, int inARow) {
    }

    /**
     * The longest chain of requests each sent after the previous one was answered: what the
     * diagnosis waited for one after another. Read from the proxy's own intervals, so a loaded
     * machine's slowness does not blur it the way it blurs the timing slope.
     */
    static int longestChain(List<LatencyProxy.Exchange> exchanges) {
        List<LatencyProxy.Exchange> byEnd = new java.util.ArrayList<>(exchanges);
        byEnd.sort(java.util.Comparator.comparingLong(LatencyProxy.Exchange::endNanos));
        int[] chain = new int[byEnd.size()];
        int longest = 0;
        for (int i = 0; i < byEnd.size(); i++) {
            chain[i] = 1;
            for (int j = 0; j < i; j++) {
                if (byEnd.get(j).endNanos() <= byEnd.get(i).startNanos()) {
                    chain[i] = Math.max(chain[i], chain[j] + 1);
                }
            }
            longest = Math.max(longest, chain[i]);
        }
        return longest;
    }

    private static Run best(String scenario, LatencyProxy proxy, long latency, int repeats) {
        Run best = null;
        for (int i = 0; i < repeats; i++) {
            Run r = diagnose(scenario, proxy, latency);
            if (best == null || r.millis < best.millis) {
                best = r;
            }
        }
        return best;
    }

    private static Run diagnose(String scenario, LatencyProxy proxy, long latency) {
        try (SimulatedOrg org = SimulatedOrg.start(scenario)) {
            IntegrationSpec spec = org.scenario().integration();
            proxy.delayMillis(0);
            SimIntegration.LoginError error = SimIntegration.attemptLogin(org, spec);
            Clock clock = org.clock().asClock();
            FailureReport report = new FailureReportParser(clock).parse(SimIntegration.failureReportJson(org, spec, error, DIAGNOSTICS_SECRET));
            String secret = org.diagnosticsSecretJson();
            SecretResolver secrets = reference -> {
                if (!DIAGNOSTICS_SECRET.equals(reference)) {
                    throw new SecretResolver.SecretUnavailable("no secret " + reference);
                }
                return secret;
            };
            SalesforceEvidenceSources sources = new SalesforceEvidenceSources(secrets, org.baseUrl(), new HttpTransport(), clock, new TokenCache());
            SimulatedOrg.RequestCounts before = org.requestCounts();
            proxy.reset();
            proxy.delayMillis(latency);
            long start = System.nanoTime();
            Diagnosis diagnosis = new LocalDiagnosisEngine(sources, clock).diagnose(report);
            long millis = (System.nanoTime() - start) / 1_000_000;
            proxy.delayMillis(0);
            SimulatedOrg.RequestCounts after = org.requestCounts();
            return new Run(diagnosis.cause().name(), millis, after.total() - before.total(), after.token() - before.token(),
                    proxy.exchanges().size(), longestChain(proxy.exchanges()));
        }
    }
}
