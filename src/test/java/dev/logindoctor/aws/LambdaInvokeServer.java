package dev.logindoctor.aws;

import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.logindoctor.json.Json;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A loopback endpoint that speaks Lambda's Invoke API for the real handler classes:
 * {@code POST /2015-03-31/functions/{name or ARN}/invocations} runs the handler registered under the
 * function's name. A thrown exception is answered the way the Java runtime reports it (HTTP 200,
 * {@code X-Amz-Function-Error: Unhandled}, {@code {errorMessage, errorType = full class name,
 * stackTrace}}), so the state machine sees the same error names as on AWS. Every invocation and
 * every log line is kept for the assertions.
 */
final class LambdaInvokeServer implements AutoCloseable {
    private static final Pattern INVOKE = Pattern.compile("/2015-03-31/functions/([^/]+)/invocations");

    /** {@code signed}: the request carried a SigV4 authorization for the lambda service (not verified), as AWS requires. */
    record Invocation(String function, String request, String response, String errorType, boolean signed) {
    }

    private final HttpServer server;
    private final Map<String, RequestStreamHandler> functions = new ConcurrentHashMap<>();
    private final List<Invocation> invocations = Collections.synchronizedList(new ArrayList<>());
    private final StringBuffer logs = new StringBuffer();

    LambdaInvokeServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::handle);
        server.start();
    }

    LambdaInvokeServer register(String functionName, RequestStreamHandler handler) {
        functions.put(functionName, handler);
        return this;
    }

    URI endpoint() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    List<Invocation> invocations() {
        return List.copyOf(invocations);
    }

    List<String> invokedFunctions() {
        return invocations().stream().map(Invocation::function).toList();
    }

    String logs() {
        return logs.toString();
    }

    void reset() {
        invocations.clear();
        logs.setLength(0);
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            Matcher m = INVOKE.matcher(exchange.getRequestURI().getPath());
            if (!"POST".equals(exchange.getRequestMethod()) || !m.matches()) {
                respond(exchange, 404, "{\"Message\":\"not an Invoke request\"}", null);
                return;
            }
            String function = functionName(java.net.URLDecoder.decode(m.group(1), StandardCharsets.UTF_8));
            RequestStreamHandler handler = functions.get(function);
            if (handler == null) {
                respond(exchange, 404, "{\"Type\":\"User\",\"Message\":\"Function not found: " + function + "\"}", null);
                return;
            }
            byte[] request = exchange.getRequestBody().readAllBytes();
            String authorization = exchange.getRequestHeaders().getFirst("Authorization");
            boolean signed = authorization != null && authorization.startsWith("AWS4-HMAC-SHA256 ") && authorization.contains("/lambda/aws4_request");
            TestContext context = new TestContext(function);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            try {
                handler.handleRequest(new ByteArrayInputStream(request), out, context);
                String response = out.toString(StandardCharsets.UTF_8);
                invocations.add(new Invocation(function, new String(request, StandardCharsets.UTF_8), response, null, signed));
                respond(exchange, 200, response, null);
            } catch (Throwable t) {
                String error = lambdaError(t).toString();
                invocations.add(new Invocation(function, new String(request, StandardCharsets.UTF_8), error, t.getClass().getName(), signed));
                respond(exchange, 200, error, "Unhandled");
            } finally {
                logs.append(context.log());
            }
        }
    }

    /** The function's name from a name, a partial ARN or a full ARN with an optional alias. */
    static String functionName(String nameOrArn) {
        int marker = nameOrArn.indexOf("function:");
        String rest = marker >= 0 ? nameOrArn.substring(marker + "function:".length()) : nameOrArn;
        int qualifier = rest.indexOf(':');
        return qualifier >= 0 ? rest.substring(0, qualifier) : rest;
    }

    /** As the Java runtime's LambdaErrorConverter.fromThrowable builds it. */
    private static ObjectNode lambdaError(Throwable t) {
        ObjectNode error = Json.MAPPER.createObjectNode()
                .put("errorMessage", t.getLocalizedMessage() == null ? t.getClass().getName() : t.getLocalizedMessage())
                .put("errorType", t.getClass().getName());
        ArrayNode trace = error.putArray("stackTrace");
        for (StackTraceElement element : t.getStackTrace()) {
            trace.add(element.toString());
        }
        return error;
    }

    private static void respond(HttpExchange exchange, int status, String body, String functionError) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        if (functionError != null) {
            exchange.getResponseHeaders().set("X-Amz-Function-Error", functionError);
        }
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
