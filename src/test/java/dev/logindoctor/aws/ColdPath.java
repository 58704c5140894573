package dev.logindoctor.aws;

import com.amazonaws.services.lambda.runtime.RequestStreamHandler;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * What a Lambda cold start runs, in a fresh JVM: load the handler class, call its no-argument
 * constructor, handle one event. {@code bare} does nothing, for the JVM's own start-up from the same
 * jar. The handler reads its environment as on Lambda. {@code bench/cold-path.sh} times it.
 * Usage: {@code ColdPath bare | ColdPath <handler class> <event JSON or a file holding it>}
 * <p>
 * Prints the handler's output, then on stderr a line {@code cold-path init-ms=… handle-ms=…}: the
 * constructor (Lambda's init phase, which SnapStart snapshots) and the first handleRequest (what a
 * SnapStart restore still pays).
 */
public final class ColdPath {
    private ColdPath() {
    }

    public static void main(String[] args) throws Exception {
        if (args[0].equals("bare")) {
            System.out.println("{}");
            return;
        }
        byte[] event = args[1].startsWith("{") ? args[1].getBytes(StandardCharsets.UTF_8) : Files.readAllBytes(Path.of(args[1]));
        long start = System.nanoTime();
        RequestStreamHandler handler = (RequestStreamHandler) Class.forName(args[0]).getConstructor().newInstance();
        long constructed = System.nanoTime();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        handler.handleRequest(new ByteArrayInputStream(event), out, TestContext.loggingToStderr("cold-path-bench"));
        long handled = System.nanoTime();
        System.out.println(out.toString(StandardCharsets.UTF_8));
        System.err.printf("cold-path init-ms=%.1f handle-ms=%.1f%n", (constructed - start) / 1e6, (handled - constructed) / 1e6);
    }
}
