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
 */
public final class ColdPath {
    private ColdPath() {
    }

    public static void main(String[] args) throws Exception {
        if (args[0].equals("bare")) {
            System.out.println("{}");
            return;
        }
        RequestStreamHandler handler = (RequestStreamHandler) Class.forName(args[0]).getConstructor().newInstance();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] event = args[1].startsWith("{") ? args[1].getBytes(StandardCharsets.UTF_8) : Files.readAllBytes(Path.of(args[1]));
        handler.handleRequest(new ByteArrayInputStream(event), out, new TestContext("cold"));
        System.out.println(out.toString(StandardCharsets.UTF_8));
    }
}
