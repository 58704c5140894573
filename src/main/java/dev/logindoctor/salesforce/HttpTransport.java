package dev.logindoctor.salesforce;

import dev.logindoctor.model.LoginUrl;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.HttpURLConnection;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpHeaders;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TimerTask;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The one way this project sends HTTP (Salesforce, the Trust API, AWS), on the JDK's HttpURLConnection:
 * no extra jar, and a third of the JDK HttpClient's cold start (one request in a fresh JVM with
 * Lambda's flags: ~120 ms against ~420 ms, README Performance). Nothing is ever sent twice: the JDK's
 * silent resend of a POST whose connection closed unanswered is switched off, so a login is one login.
 * It enforces https (plain http only to a loopback simulator),
 * a connect timeout, a deadline for the whole exchange including the body, and a response size
 * limit. It answers every HTTP status as an {@link HttpReply}; only failures to get an answer at
 * all become exceptions: {@link SalesforceUnavailable} (timeouts, refused or reset connections) and
 * {@link MalformedResponse} (a body over the size limit). Status mapping is {@link ResponseErrors}'s job.
 */
public final class HttpTransport {
    public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(5);
    public static final Duration DEFAULT_REQUEST_TIMEOUT = Duration.ofSeconds(15);
    public static final long DEFAULT_MAX_RESPONSE_BYTES = 4L * 1024 * 1024;

    static {
        // A POST whose connection closes before an answer would otherwise be sent again by the JDK: a
        // second login attempt, a second count toward lockout. Read once, when the JDK's client loads.
        if (System.getProperty("sun.net.http.retryPost") == null) {
            System.setProperty("sun.net.http.retryPost", "false");
        }
    }

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
    }

    public Duration requestTimeout() {
        return requestTimeout;
    }

    /** Sends the call and returns the answer, whatever its status. */
    public HttpReply send(HttpCall call) {
        requireSecure(call.uri(), call.kind());
        HttpURLConnection connection;
        try {
            connection = (HttpURLConnection) call.uri().toURL().openConnection();
        } catch (IOException | IllegalArgumentException e) {
            throw failure(call, e);
        }
        // A redirect would carry the Authorization header or the login form to another host: never follow.
        connection.setInstanceFollowRedirects(false);
        connection.setUseCaches(false);
        connection.setConnectTimeout(millis(connectTimeout));
        connection.setReadTimeout(millis(requestTimeout));
        // The read timeout is per read; this deadline also covers a body that drips and never ends.
        AtomicBoolean expired = new AtomicBoolean();
        AtomicBoolean answered = new AtomicBoolean();
        TimerTask deadline = Deadlines.after(requestTimeout, () -> {
            // Never once answered: the connection may be back in the JDK's keep-alive cache by then.
            if (!answered.get()) {
                expired.set(true);
                connection.disconnect();
            }
        });
        try {
            HttpReply reply = exchange(connection, call);
            answered.set(true);
            return reply;
        } catch (IOException | RuntimeException e) {
            if (e instanceof SalesforceException known) {
                throw known;
            }
            if (expired.get() || (e instanceof SocketTimeoutException && !isConnectTimeout(e))) {
                throw new SalesforceUnavailable(call.kind() + " to " + call.host() + " timed out after " + seconds(requestTimeout), e);
            }
            throw failure(call, e);
        } finally {
            deadline.cancel();
            if (!answered.get()) {
                connection.disconnect();
            }
        }
    }

    private HttpReply exchange(HttpURLConnection connection, HttpCall call) throws IOException {
        connection.setRequestMethod(call.method());
        call.headers().forEach(connection::setRequestProperty);
        if (call.body() != null) {
            // Buffered, not streamed: a streamed POST answered 401 loses its body inside the JDK.
            connection.setDoOutput(true);
            try (OutputStream out = connection.getOutputStream()) {
                out.write(call.body().getBytes(StandardCharsets.UTF_8));
            }
        }
        int status = connection.getResponseCode();
        if (status < 100) {
            throw new IOException("not an HTTP answer");
        }
        long declared = connection.getContentLengthLong();
        if (declared > maxResponseBytes) {
            throw new TooLarge(declared, 0);
        }
        InputStream in = status >= 400 ? connection.getErrorStream() : connection.getInputStream();
        String body = in == null ? "" : readLimited(in, declared);
        return new HttpReply(status, headers(connection), body);
    }

    /** The body as UTF-8 text, refusing anything beyond the limit without buffering it, and a body shorter than declared. */
    private String readLimited(InputStream in, long declared) throws IOException {
        try (in) {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            byte[] chunk = new byte[8192];
            for (int n; (n = in.read(chunk)) >= 0; ) {
                bytes.write(chunk, 0, n);
                if (bytes.size() > maxResponseBytes) {
                    throw new TooLarge(-1, maxResponseBytes);
                }
            }
            if (declared >= 0 && bytes.size() < declared) {
                throw new IOException("closed early: " + bytes.size() + " of Content-Length " + declared + " bytes received");
            }
            return bytes.toString(StandardCharsets.UTF_8);
        }
    }

    private static HttpHeaders headers(HttpURLConnection connection) {
        Map<String, List<String>> fields = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        connection.getHeaderFields().forEach((name, values) -> {
            if (name != null && values != null) {
                fields.put(name, values.stream().filter(v -> v != null).toList());
            }
        });
        return HttpHeaders.of(fields, (a, b) -> true);
    }

    private static boolean isConnectTimeout(Throwable e) {
        String message = e.getMessage() == null ? "" : e.getMessage().toLowerCase(Locale.ROOT);
        return message.contains("connect");
    }

    private static int millis(Duration d) {
        return (int) Math.min(Integer.MAX_VALUE, Math.max(1, d.toMillis()));
    }

    private SalesforceException failure(HttpCall call, Throwable cause) {
        String where = call.kind() + " to " + call.host();
        TooLarge tooLarge = find(cause, TooLarge.class);
        if (tooLarge != null) {
            return new MalformedResponse(call.kind() + " response from " + call.host() + " was larger than the "
                    + sizeText(maxResponseBytes) + " limit (" + tooLarge.describe() + ")");
        }
        SocketTimeoutException timeout = find(cause, SocketTimeoutException.class);
        if (timeout != null && isConnectTimeout(timeout)) {
            return new SalesforceUnavailable(where + ": could not connect within " + seconds(connectTimeout), cause);
        }
        if (timeout != null) {
            return new SalesforceUnavailable(where + " timed out after " + seconds(requestTimeout), cause);
        }
        if (find(cause, ConnectException.class) != null) {
            return new SalesforceUnavailable(where + ": connection refused", cause);
        }
        if (find(cause, UnknownHostException.class) != null) {
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

    /** Headers every Salesforce call sends; kept here so the clients agree. */
    static Map<String, String> bearer(AccessToken token) {
        return Map.of("Authorization", "Bearer " + token.value(), "Accept", "application/json");
    }
}
