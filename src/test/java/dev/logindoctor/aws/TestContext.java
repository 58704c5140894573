package dev.logindoctor.aws;

import com.amazonaws.services.lambda.runtime.ClientContext;
import com.amazonaws.services.lambda.runtime.CognitoIdentity;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.LambdaLogger;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The one Lambda context of the tests and benchmarks, as the runtime client hands one over, one per
 * invocation: plain strings and a request id from a counter (distinct per invocation, as Intake's
 * duplicate detection needs; never a random UUID, whose SecureRandom start-up a cold start in the
 * handler never pays). Its logger keeps every line for a test to read, or writes to stderr for
 * {@link ColdPath}.
 */
public final class TestContext implements Context {
    private static final AtomicLong INVOCATIONS = new AtomicLong();

    private final String functionName;
    private final String requestId = requestId(INVOCATIONS.incrementAndGet());
    private final StringBuffer log = new StringBuffer();
    private final boolean toStderr;
    private final int remainingMillis;

    public TestContext(String functionName) {
        this(functionName, false, 30_000);
    }

    private TestContext(String functionName, boolean toStderr, int remainingMillis) {
        this.functionName = functionName;
        this.toStderr = toStderr;
        this.remainingMillis = remainingMillis;
    }

    /** Logs go to stderr, as a function's go to CloudWatch: what a fresh JVM in a benchmark needs. */
    public static TestContext loggingToStderr(String functionName) {
        return new TestContext(functionName, true, 30_000);
    }

    /** The same function with {@code millis} left on Lambda's clock. */
    public TestContext withTimeLeft(int millis) {
        return new TestContext(functionName, toStderr, millis);
    }

    /** Plain concatenation: a Formatter would load classes inside the handler time ColdPath measures. */
    private static String requestId(long invocation) {
        String digits = Long.toString(invocation);
        return "c0ffee00-0000-4000-8000-" + "0".repeat(Math.max(0, 12 - digits.length())) + digits;
    }

    String log() {
        return log.toString();
    }

    @Override
    public String getAwsRequestId() {
        return requestId;
    }

    @Override
    public String getLogGroupName() {
        return "/aws/lambda/" + functionName;
    }

    @Override
    public String getLogStreamName() {
        return "test";
    }

    @Override
    public String getFunctionName() {
        return functionName;
    }

    @Override
    public String getFunctionVersion() {
        return "1";
    }

    @Override
    public String getInvokedFunctionArn() {
        return "arn:aws:lambda:us-east-1:123456789012:function:" + functionName + ":live";
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
        return remainingMillis;
    }

    /** As template.yaml gives every function. */
    @Override
    public int getMemoryLimitInMB() {
        return 1769;
    }

    @Override
    public LambdaLogger getLogger() {
        return new LambdaLogger() {
            @Override
            public void log(String message) {
                if (toStderr) {
                    System.err.print(message);
                } else {
                    log.append(message);
                }
            }

            @Override
            public void log(byte[] message) {
                log(new String(message, StandardCharsets.UTF_8));
            }
        };
    }
}
