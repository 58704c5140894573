package dev.logindoctor.bench;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.logindoctor.engine.DiagnosisState;
import dev.logindoctor.engine.HeldSecrets;
import dev.logindoctor.json.Json;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * {@code RedactionBench}: what {@code StepRunner.run}'s redaction costs a step on every request — the
 * state's JSON round trip through {@link HeldSecrets#redact(Object, Class)} — on the full priming state,
 * with the secrets a warm container holds (a diagnostics secret document and an access token). Prints
 * JSON: the first call in this fresh JVM (what a cold step without priming would pay) and the median
 * of warm calls, in microseconds; also a state that leaks a secret (the slower path: the tree is
 * rebuilt and read back).
 */
public final class RedactionBench {
    private RedactionBench() {
    }

    public static void main(String[] args) throws Exception {
        DiagnosisState state = primingState();
        HeldSecrets.holdDocument("{\"loginUrl\":\"https://acme.my.salesforce.com\",\"username\":\"diag@acme.com\","
                + "\"clientId\":\"3MVG9bench0clientId0000000000\",\"privateKey\":\"-----BEGIN PRIVATE KEY-----\\nMIIEvbench\\n-----END PRIVATE KEY-----\"}");
        HeldSecrets.hold("00D000000000001!AQbenchAccessToken0123456789abcdef");

        long t0 = System.nanoTime();
        HeldSecrets.redact(state, DiagnosisState.class);
        double firstUs = (System.nanoTime() - t0) / 1_000.0;

        double cleanUs = medianUs(state, 20_000);
        DiagnosisState leaking = state.withFailure(new dev.logindoctor.engine.StepFailure("CheckUsername", "SourceUnavailable",
                "echoed 00D000000000001!AQbenchAccessToken0123456789abcdef"));
        double leakingUs = medianUs(leaking, 5_000);
        int bytes = Json.MAPPER.writeValueAsBytes(state).length;
        System.out.printf("{\"redaction\": {\"stateBytes\": %d, \"firstCallUs\": %.0f, \"warmMedianUs\": %.1f, \"warmMedianLeakingUs\": %.1f}}%n",
                bytes, firstUs, cleanUs, leakingUs);
    }

    private static double medianUs(DiagnosisState state, int runs) {
        for (int i = 0; i < runs; i++) {
            HeldSecrets.redact(state, DiagnosisState.class);
        }
        long[] ns = new long[runs];
        for (int i = 0; i < runs; i++) {
            long t = System.nanoTime();
            HeldSecrets.redact(state, DiagnosisState.class);
            ns[i] = System.nanoTime() - t;
        }
        Arrays.sort(ns);
        return ns[runs / 2] / 1_000.0;
    }

    private static DiagnosisState primingState() throws Exception {
        try (InputStream in = RedactionBench.class.getResourceAsStream("/priming/state.json")) {
            ObjectNode document = (ObjectNode) Json.MAPPER.readTree(new String(in.readAllBytes(), StandardCharsets.UTF_8));
            document.remove("failure");
            document.remove("lastVerdict");
            return Json.MAPPER.treeToValue(document, DiagnosisState.class);
        }
    }
}
