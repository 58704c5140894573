package dev.logindoctor.salesforce;

import dev.logindoctor.model.LoginUrl;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.ByteBuffer;
import java.nio.channels.UnresolvedAddressException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The one way this project sends HTTP to Salesforce and the Trust API, on the JDK's HttpClient (no
 * extra jar on the Lambda cold path). It enforces https (plain http only to a loopback simulator),
 * a connect timeout, a deadline for the whole exchange including the body, and a response size
 * limit. It answers every HTTP status as an {@link HttpReply}; only failures to get an answer at
 * all become exceptions: {@link SalesforceUnavailable} (timeouts, refused or reset connections) and
 * {@link MalformedResponse} (a body over the size limit). Status mapping is {@link ResponseErrors}'s job.
 */
public final class HttpTransport {
    public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(5);
    public static final Duration DEFAULT_REQUEST_TIMEOUT = Duration.ofSeconds(15);
    public static final long DEFAULT_MAX_RESPONSE_BYTES = 4L * 1024 * 1024;

    private final HttpClient client;
    private final Duration connectTimeout;
    private final Duration requestTimeout;
    private final long maxResponseBytes;

    public HttpTransport() {
        this(DEFAULT_CONNECT_TIMEOUT, DEFAULT_REQUEST_TIMEOUT, DEFAULT_MAX_RESPONSE_BYTES);
    }

    public HttpTransport(Duration connectTimeout, Duration requestTimeout, long maxResponseBytes) {
        if (connectTimeout.isNegative() || connectTimeout.isZero() || requestTimeout.isNegative() || requestTimeout.isZero()
                || maxResponseBytes <= 0) {
            throw new IllegalArgumentException("timeouts and the response size limit must be positive");
        }
        this.connectTimeout = connectTimeout;
        this.requestTimeout = requestTimeout;
        this.maxResponseBytes = maxResponseBytes;
        this.client = HttpClient.newBuilder()
                .connectTimeout(connectTimeout)
                // A redirect would carry the Authorization header or the login form to another host: never follow.
                .followRedirects(HttpClient.Redirect.NEVER)
                .version(HttpClient.Version.HTTP_1_1)
                .build();
    }

    public Duration requestTimeout() {
        return requestTimeout;
    }

    /** Sends the call and returns Salesforce's answer, whatever its status. */
    public HttpReply send(HttpCall call) {
        requireSecure(call.uri(), call.kind());
        HttpRequest.Builder builder = HttpRequest.newBuilder(call.uri()).timeout(requestTimeout);
        call.headers().forEach(builder::header);
        if (call.body() == null) {
            builder.method(call.method(), HttpRequest.BodyPublishers.noBody());
        } else {
            builder.method(call.method(), HttpRequest.BodyPublishers.ofString(call.body(), StandardCharsets.UTF_8));
        }
        CompletableFuture<HttpResponse<String>> pending =
                client.sendAsync(builder.build(), info -> new LimitedBody(info, maxResponseBytes, call.kind()));
        try {
            // The client's own timeout stops at the headers; this deadline also covers a body that never ends.
            HttpResponse<String> response = pending.get(requestTimeout.toMillis(), TimeUnit.MILLISECONDS);
            return new HttpReply(response.statusCode(), response.headers(), response.body());
        } catch (TimeoutException e) {
            pending.cancel(true);
            throw new SalesforceUnavailable(call.kind() + " to " + call.host() + " timed out after " + seconds(requestTimeout), e);
        } catch (InterruptedException e) {
            pending.cancel(true);
            Thread.currentThread().interrupt();
            throw new SalesforceUnavailable(call.kind() + " to " + call.host() + " was interrupted", e);
        } catch (ExecutionException e) {
            throw failure(call, e.getCause() == null ? e : e.getCause());
        }
    }

    private SalesforceException failure(HttpCall call, Throwable cause) {
        String where = call.kind() + " to " + call.host();
        TooLarge tooLarge = find(cause, TooLarge.class);
        if (tooLarge != null) {
            return new MalformedResponse(call.kind() + " response from " + call.host() + " was larger than the "
                    + sizeText(maxResponseBytes) + " limit (" + tooLarge.describe() + ")");
        }
        if (find(cause, HttpConnectTimeoutException.class) != null) {
            return new SalesforceUnavailable(where + ": could not connect within " + seconds(connectTimeout), cause);
        }
        if (find(cause, HttpTimeoutException.class) != null) {
            return new SalesforceUnavailable(where + " timed out after " + seconds(requestTimeout), cause);
        }
        if (find(cause, ConnectException.class) != null) {
            return new SalesforceUnavailable(where + ": connection refused", cause);
        }
        if (find(cause, UnresolvedAddressException.class) != null || find(cause, java.net.UnknownHostException.class) != null) {
            return new SalesforceUnavailable(where + ": the host name does not resolve", cause);
        }
        return new SalesforceUnavailable(where + " failed before a complete answer arrived: " + describe(cause), cause);
    }

    private static <T extends Throwable> T find(Throwable t, Class<T> type) {
        for (Throwable c = t; c != null; c = c.getCause() == c ? null : c.getCause()) {
            if (type.isInstance(c)) {
                return type.cast(c);
            }
        }
        return null;
    }

    /** A short, secret-free description of an I/O failure: the JDK's words for resets and early EOFs. */
    private static String describe(Throwable t) {
        String message = t.getMessage() == null ? "" : t.getMessage().toLowerCase(Locale.ROOT);
        if (message.contains("reset")) {
            return "the connection was reset";
        }
        if (message.contains("eof") || message.contains("closed") || message.contains("content-length")
                || message.contains("bytes received")) {
            return "the connection was closed early (" + t.getClass().getSimpleName() + ")";
        }
        return t.getClass().getSimpleName();
    }

    /** http:// only for a loopback host (the simulator); everything else must be https://. */
    public static void requireSecure(URI uri, String kind) {
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        String host = uri.getHost();
        if (host == null) {
            throw new InsecureEndpoint(kind + ": '" + safeUrl(uri) + "' has no host");
        }
        if (uri.getRawUserInfo() != null) {
            throw new InsecureEndpoint(kind + ": the URL for " + host + " must not carry credentials");
        }
        if (scheme.equals("https")) {
            return;
        }
        if (scheme.equals("http") && LoginUrl.isLoopbackHost(host)) {
            return;
        }
        throw new InsecureEndpoint(kind + ": refusing " + scheme + "://" + host
                + ": Salesforce is reached only over https:// (plain http:// is allowed only for a loopback simulator)");
    }

    private static String safeUrl(URI uri) {
        return uri.getScheme() + "://" + (uri.getHost() == null ? "" : uri.getHost());
    }

    static String seconds(Duration d) {
        long ms = d.toMillis();
        return ms % 1000 == 0 ? (ms / 1000) + " s" : String.format(Locale.ROOT, "%.1f s", ms / 1000.0);
    }

    static String sizeText(long bytes) {
        if (bytes >= 1024 * 1024 && bytes % (1024 * 1024) == 0) {
            return (bytes / (1024 * 1024)) + " MiB";
        }
        if (bytes >= 1024 && bytes % 1024 == 0) {
            return (bytes / 1024) + " KiB";
        }
        return bytes + " bytes";
    }

    /** The body exceeded the limit; carries only sizes. */
    static final class TooLarge extends IOException {
        private final long declared;
        private final long received;

        TooLarge(long declared, long received) {
            super("response too large", null);
            this.declared = declared;
            this.received = received;
        }

        String describe() {
            return declared >= 0 ? "Content-Length " + sizeText(declared) : "more than " + sizeText(received) + " received";
        }
    }

    /** Collects the body as UTF-8 text, refusing anything beyond the limit without buffering it. */
    private static final class LimitedBody implements HttpResponse.BodySubscriber<String> {
        private final CompletableFuture<String> result = new CompletableFuture<>();
        private final long limit;
        private final long declared;
        private final java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        private Flow.Subscription subscription;

        LimitedBody(HttpResponse.ResponseInfo info, long limit, String kind) {
            this.limit = limit;
            this.declared = info.headers().firstValueAsLong("Content-Length").orElse(-1);
        }

        @Override
        public CompletionStage<String> getBody() {
            return result;
        }

        @Override
        public void onSubscribe(Flow.Subscription s) {
            this.subscription = s;
            if (declared > limit) {
                s.cancel();
                result.completeExceptionally(new TooLarge(declared, 0));
                return;
            }
            s.request(Long.MAX_VALUE);
        }

        @Override
        public void onNext(List<ByteBuffer> buffers) {
            if (result.isDone()) {
                return;
            }
            for (ByteBuffer b : buffers) {
                byte[] chunk = new byte[b.remaining()];
                b.get(chunk);
                bytes.write(chunk, 0, chunk.length);
            }
            if (bytes.size() > limit) {
                subscription.cancel();
                result.completeExceptionally(new TooLarge(-1, limit));
            }
        }

        @Override
        public void onError(Throwable throwable) {
            result.completeExceptionally(throwable);
        }

        @Override
        public void onComplete() {
            result.complete(bytes.toString(StandardCharsets.UTF_8));
        }
    }

    /** Headers every Salesforce call sends; kept here so the clients agree. */
    static Map<String, String> bearer(AccessToken token) {
        return Map.of("Authorization", "Bearer " + token.value(), "Accept", "application/json");
    }
}
