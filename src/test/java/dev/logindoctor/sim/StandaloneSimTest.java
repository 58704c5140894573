package dev.logindoctor.sim;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code login-doctor sim}: starts, prints its URL, writes the diagnostics secret and the ready file, serves until stopped. */
class StandaloneSimTest {

    @Test
    void servesTheScenarioAndWritesTheDiagnosticsSecretThenTheReadyFile(@TempDir Path dir) throws Exception {
        Path secrets = dir.resolve("secrets.json");
        Path report = dir.resolve("report.json");
        Path ready = Files.writeString(dir.resolve("sim.ready"), "left by an earlier run");
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        PrintWriter out = new PrintWriter(new OutputStreamWriter(buf, StandardCharsets.UTF_8), true);
        CountDownLatch stop = new CountDownLatch(1);
        AtomicInteger exit = new AtomicInteger(-1);
        Thread t = new Thread(() -> exit.set(new StandaloneSim(stop).execute(
                new StandaloneSim.Options(0, "user-locked-out", secrets, report, false, ready), out, new PrintWriter(System.err, true))));
        t.start();
        // The ready file is the signal a script waits for (writing the report takes the integration's login first).
        for (int i = 0; i < 600 && !announcesAnOrg(ready); i++) {
            Thread.sleep(50);
        }
        assertTrue(Files.exists(report) && Files.exists(secrets), "the ready file comes after the files it announces");
        Matcher m = Pattern.compile("at (http://127\\.0\\.0\\.1:\\d+)").matcher(buf.toString(StandardCharsets.UTF_8));
        assertTrue(m.find(), "printed its base URL: " + buf);
        String url = m.group(1);
        assertEquals(url, Files.readString(ready).strip(), "the ready file names this org, not the earlier run");

        JsonNode secret = HttpIo.JSON.readTree(Files.readString(secrets)).get("diagnostics");
        assertEquals(url, secret.get("loginUrl").asText());
        assertTrue(secret.get("privateKey").asText().startsWith("-----BEGIN PRIVATE KEY-----"));
        assertFalse(buf.toString(StandardCharsets.UTF_8).contains("PRIVATE KEY"), "the key never goes to the console");
        var reply = SimHttp.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(url + "/v1/instances/NA224/status")).build());
        assertEquals(200, reply.status());

        stop.countDown();
        t.join(5000);
        assertEquals(StandaloneSim.EXIT_OK, exit.get());
        assertFalse(Files.exists(ready), "a stopped sim is not ready");
    }

    /** The sim replaces the file whole, so what exists is complete. */
    private static boolean announcesAnOrg(Path ready) {
        try {
            return Files.readString(ready).startsWith("http://");
        } catch (java.io.IOException removedOrNotYetWritten) {
            return false;
        }
    }

    @Test
    void anUnknownScenarioOrPortExits2() {
        StringWriter err = new StringWriter();
        PrintWriter e = new PrintWriter(err, true);
        PrintWriter o = new PrintWriter(new StringWriter());

        assertEquals(2, new StandaloneSim(new CountDownLatch(0)).execute(new StandaloneSim.Options(70000, null, null, null, false, null), o, e));
        assertEquals(2, new StandaloneSim(new CountDownLatch(0)).execute(new StandaloneSim.Options(0, "no-such-thing", null, null, false, null), o, e));
        assertTrue(err.toString().contains("no scenario 'no-such-thing'"), err.toString());
    }
}
