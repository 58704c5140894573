package dev.logindoctor.aws;

import dev.logindoctor.salesforce.HttpTransport;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.awscore.client.builder.AwsSyncClientBuilder;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.sfn.SfnClient;
import software.amazon.awssdk.services.sqs.SqsClient;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;

/**
 * Starts moto's server once per test run (on a free loopback port), waits until it answers, and
 * stops it when the run ends; test classes share it and keep apart by using their own resource
 * names. Inject {@link Moto} into a test's constructor or methods.
 */
public final class MotoServer implements BeforeAllCallback, ParameterResolver {
    private static final HttpTransport TRANSPORT = new HttpTransport();

    /** A running moto: its endpoint and SDK clients pointed at it. */
    public record Moto(URI endpoint) {
        public DynamoDbClient dynamoDb() {
            return configure(DynamoDbClient.builder()).build();
        }

        public SecretsManagerClient secretsManager() {
            return configure(SecretsManagerClient.builder()).build();
        }

        public SfnClient stepFunctions() {
            return configure(SfnClient.builder()).build();
        }

        public EventBridgeClient eventBridge() {
            return configure(EventBridgeClient.builder()).build();
        }

        /** Login Doctor's own client for a service (what the functions call AWS with), on moto. */
        public AwsJsonApi api(AwsJsonApi.Service service) {
            return api(service, UnaryOperator.identity());
        }

        /** The same, its requests through {@code wrap} (to count or refuse them). */
        public AwsJsonApi api(AwsJsonApi.Service service, UnaryOperator<AwsJsonApi.Sender> wrap) {
            Map<String, String> settings = Map.of("AWS_REGION", "us-east-1", "AWS_ENDPOINT_URL", endpoint.toString(),
                    "AWS_ACCESS_KEY_ID", "testing", "AWS_SECRET_ACCESS_KEY", "testing");
            return new AwsJsonApi(service, wrap.apply(TRANSPORT::send), AwsAccount.fromSettings(settings::get), Clock.systemUTC());
        }

        /** Secrets Manager as the functions read it, on moto. */
        SecretsManagerHttp secrets() {
            return new SecretsManagerHttp(api(AwsJsonApi.Service.SECRETS_MANAGER));
        }

        public SqsClient sqs() {
            return configure(SqsClient.builder()).build();
        }

        private <B extends AwsClientBuilder<B, ?> & AwsSyncClientBuilder<B, ?>> B configure(B builder) {
            return builder.endpointOverride(endpoint)
                    .region(Region.US_EAST_1)
                    .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("testing", "testing")))
                    .httpClientBuilder(UrlConnectionHttpClient.builder());
        }
    }

    static final class Running implements ExtensionContext.Store.CloseableResource {
        final Process process;
        final Moto moto;

        Running(Process process, Moto moto) {
            this.process = process;
            this.moto = moto;
        }

        @Override
        public void close() throws InterruptedException {
            process.descendants().forEach(ProcessHandle::destroy);
            process.destroy();
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        }
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        running(context);
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == Moto.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return running(context).moto;
    }

    private static Running running(ExtensionContext context) {
        return context.getRoot().getStore(ExtensionContext.Namespace.GLOBAL)
                .getOrComputeIfAbsent(Running.class, key -> start(), Running.class);
    }

    static Running start() {
        Path motoServer = TestTools.require(TestTools.MOTO_SERVER);
        int port = freePort();
        return start(List.of(motoServer.toString(), "-H", "127.0.0.1", "-p", String.valueOf(port)), port, "moto-server.log");
    }

    /**
     * A moto of its own that handles one request at a time; close it when done. DynamoDB applies a
     * conditional write to an item atomically, but moto's threaded server reads the item, parses the
     * condition and writes without a lock, so two concurrent conditional puts can both succeed there
     * (4 of 400 racing pairs of revision-conditioned puts did, 2026-12-03). Tests that race conditional
     * writes use this one: the callers still race, and the server serializes them as DynamoDB does.
     */
    static Running startOneRequestAtATime() {
        Path python = TestTools.require(TestTools.MOTO_SERVER.resolveSibling("python"));
        int port = freePort();
        String serve = "import sys\n"
                + "from werkzeug.serving import run_simple\n"
                + "from moto.moto_server.werkzeug_app import DomainDispatcherApplication, MotoRequestHandler, create_backend_app\n"
                + "run_simple('127.0.0.1', int(sys.argv[1]), DomainDispatcherApplication(create_backend_app), threaded=False,"
                + " request_handler=MotoRequestHandler)\n";
        return start(List.of(python.toString(), "-c", serve, String.valueOf(port)), port, "moto-one-at-a-time-" + port + ".log");
    }

    private static Running start(List<String> command, int port, String logName) {
        try {
            Path log = Files.createDirectories(TestTools.PROJECT.resolve("target")).resolve(logName);
            Process process = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile())
                    .start();
            // If the JVM dies before JUnit closes the store, don't leave moto behind.
            Runtime.getRuntime().addShutdownHook(new Thread(process::destroyForcibly));
            URI endpoint = URI.create("http://127.0.0.1:" + port);
            awaitReady(process, endpoint, log);
            return new Running(process, new Moto(endpoint));
        } catch (IOException e) {
            throw new IllegalStateException("cannot start " + command.get(0), e);
        }
    }

    private static void awaitReady(Process process, URI endpoint, Path log) {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
        Instant deadline = Instant.now().plusSeconds(60);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("moto_server exited with " + process.exitValue() + "; see " + log);
            }
            try {
                HttpResponse<Void> response = http.send(HttpRequest.newBuilder(endpoint.resolve("/moto-api/")).GET().build(),
                        HttpResponse.BodyHandlers.discarding());
                if (response.statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for moto", e);
            }
            sleep(100);
        }
        process.destroyForcibly();
        throw new IllegalStateException("moto_server did not answer within 60 s; see " + log);
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException("no free port", e);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
