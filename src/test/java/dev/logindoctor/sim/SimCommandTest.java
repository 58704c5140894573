package dev.logindoctor.sim;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
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

/** {@code login-doctor sim}: starts, prints its URL, writes the diagnostics secret, serves until stopped. */
class SimCommandTest {

    @Test
    void servesTheScenarioAndWritesTheDiagnosticsSecret(@TempDir Path dir) throws Exception {
        Path secrets = dir.resolve("secrets.json");
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(buf, true, StandardCharsets.UTF_8);
        CountDownLatch stop = new CountDownLatch(1);
        AtomicInteger exit = new AtomicInteger(-1);
        Thread t = new Thread(() -> exit.set(new SimCommand(stop).execute(
                new String[]{"sim", "--port", "0", "--scenario", "user-locked-out", "--secrets-out", secrets.toString()}, out, System.err)));
        t.start();
        String url = null;
        for (int i = 0; i < 100 && url == null; i++) {
            Matcher m = Pattern.compile("at (http://127\\.0\\.0\\.1:\\d+)").matcher(buf.toString(StandardCharsets.UTF_8));
            url = m.find() ? m.group(1) : null;
            Thread.sleep(50);
        }
        assertTrue(url != null, "printed its base URL: " + buf);

        JsonNode secret = HttpIo.JSON.readTree(Files.readString(secrets)).get("diagnostics");
        assertEquals(url, secret.get("loginUrl").asText());
        assertTrue(secret.get("privateKey").asText().startsWith("-----BEGIN PRIVATE KEY-----"));
        assertFalse(buf.toString(StandardCharsets.UTF_8).contains("PRIVATE KEY"), "the key never goes to the console");
        var reply = SimHttp.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(url + "/v1/instances/NA224/status")).build());
        assertEquals(200, reply.status());

        stop.countDown();
        t.join(5000);
        assertEquals(SimCommand.EXIT_OK, exit.get());
    }

    @Test
    void usageErrorsExit2() {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8);
        PrintStream o = new PrintStream(new ByteArrayOutputStream());

        assertEquals(2, new SimCommand(new CountDownLatch(0)).execute(new String[]{"sim", "--port", "eighty"}, o, e));
        assertEquals(2, new SimCommand(new CountDownLatch(0)).execute(new String[]{"sim", "--scenario", "no-such-thing"}, o, e));
        assertEquals(2, new SimCommand(new CountDownLatch(0)).execute(new String[]{"sim", "--verbose"}, o, e));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("no scenario 'no-such-thing'"));
    }
}
