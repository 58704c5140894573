package dev.logindoctor.aws;

import com.amazonaws.services.lambda.runtime.ClientContext;
import com.amazonaws.services.lambda.runtime.CognitoIdentity;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.LambdaLogger;
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
        handler.handleRequest(new ByteArrayInputStream(event), out, new RuntimeContext());
        long handled = System.nanoTime();
        System.out.println(out.toString(StandardCharsets.UTF_8));
        System.err.printf("cold-path init-ms=%.1f handle-ms=%.1f%n", (constructed - start) / 1e6, (handled - constructed) / 1e6);
    }

    /**
     * A context as the runtime client hands one over: plain strings, nothing generated (TestContext
     * draws a random UUID per request id, whose SecureRandom start-up Lambda never pays in the handler).
     */
    private static final class RuntimeContext implements Context {
        @Override
        public String getAwsRequestId() {
            return "c0ffee00-0000-4000-8000-000000000001";
        }

        @Override
        public String getLogGroupName() {
            return "/aws/lambda/cold-path-bench";
        }

        @Override
        public String getLogStreamName() {
            return "cold";
        }

        @Override
        public String getFunctionName() {
            return "cold-path-bench";
        }

        @Override
        public String getFunctionVersion() {
            return "1";
        }

        @Override
        public String getInvokedFunctionArn() {
            return "arn:aws:lambda:us-east-1:123456789012:function:cold-path-bench:live";
        }

        @Override
        public CognitoIdentity getIdentity() {
            return null;
        }

        @Override
        public ClientContext getClientContext() {
            return null;
        }

        @Override
        public int getRemainingTimeInMillis() {
            return 30_000;
        }

        @Override
        public int getMemoryLimitInMB() {
            return 1769;
        }

        @Override
        public LambdaLogger getLogger() {
            return new LambdaLogger() {
                @Override
                public void log(String message) {
                    System.err.print(message);
                }

                @Override
                public void log(byte[] message) {
                    System.err.write(message, 0, message.length);
                }
            };
        }
    }
}
