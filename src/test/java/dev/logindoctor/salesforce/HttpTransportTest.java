package dev.logindoctor.salesforce;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.util.Map;

import static dev.logindoctor.salesforce.ContractServer.body;
import static dev.logindoctor.salesforce.ContractServer.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The transport over real HTTP: timeouts, resets, size limit, the https rule. */
class HttpTransportTest {
    private final ContractServer server = new ContractServer();
    private final HttpTransport fast = new HttpTransport(Duration.ofSeconds(2), Duration.ofMillis(700), 4096);

    @AfterEach
    void stop() {
        server.close();
    }

    /**
     * The JDK resends a POST whose connection closed before any answer unless told not to; for a login
     * that is a second attempt counted toward lockout. One connection, one request, one clear error.
     */
    @Test
    void aPostWhoseConnectionClosesUnansweredIsNeverSentAgain() throws Exception {
        java.util.concurrent.atomic.AtomicInteger requests = new java.util.concurrent.atomic.AtomicInteger();
        try (ServerSocket closing = new ServerSocket(0, 8, java.net.InetAddress.getLoopbackAddress())) {
            Thread acceptor = new Thread(() -> {
                while (!closing.isClosed()) {
                    try (java.net.Socket socket = closing.accept()) {
                        socket.getInputStream().read(new byte[8192]);
                        requests.incrementAndGet();
                    } catch (java.io.IOException stopped) {
                        return;
                    }
                }
            });
            acceptor.setDaemon(true);
            acceptor.start();
            URI login = URI.create("http://127.0.0.1:" + closing.getLocalPort() + "/services/Soap/u/64.0");
            SalesforceUnavailable e = assertThrows(SalesforceUnavailable.class,
                    () -> fast.send(HttpCall.post("SOAP login", login, Map.of("Content-Type", "text/xml"), "<login/>")));
            assertTrue(e.getMessage().startsWith("SOAP login to 127.0.0.1 failed before a complete answer arrived"), e.getMessage());
            Thread.sleep(300);
            assertEquals(1, requests.get(), "the login was sent once");
        }
    }

    @Test
    void sendsHeadersAndBodyAndReturnsAnyStatus() {
        server.on("POST", "/echo", (ex, req) -> ContractServer.send(ex, 418, "text/plain", req.header("X-Test") + "|" + req.body()));
        HttpReply reply = fast.send(HttpCall.post("query", server.uri("/echo"), Map.of("X-Test", "yes"), "payload"));
        assertEquals(418, reply.status());
        assertEquals("yes|payload", reply.body());
        assertEquals("text/plain", reply.contentType());
    }

    @Test
    void aServerThatNeverAnswersTimesOutNamingTheEndpointKindAndTheLimit() {
        server.on("GET", "/slow", ContractServer.hang(5000));
        long started = System.nanoTime();
        SalesforceUnavailable e = assertThrows(SalesforceUnavailable.class,
                () -> fast.send(HttpCall.get("query", server.uri("/slow"), Map.of())));
        long tookMs = (System.nanoTime() - started) / 1_000_000;
        assertEquals("query to 127.0.0.1 timed out after 0.7 s", e.getMessage());
        assertTrue(tookMs < 3000, "gave up after " + tookMs + " ms");
        assertTrue(e.retryable());
    }

    @Test
    void aBodyThatNeverEndsStillTimesOut() {
        server.on("GET", "/dribble", ContractServer.hangAfterHeaders(5000));
        long started = System.nanoTime();
        SalesforceUnavailable e = assertThrows(SalesforceUnavailable.class,
                () -> fast.send(HttpCall.get("composite", server.uri("/dribble"), Map.of())));
        assertTrue(e.getMessage().startsWith("composite to 127.0.0.1 timed out after 0.7 s"), e.getMessage());
        assertTrue((System.nanoTime() - started) / 1_000_000 < 3000);
    }

    @Test
    void aConnectionClosedBeforeTheWholeBodyIsUnavailable() {
        server.on("GET", "/cut", ContractServer.cutShort());
        SalesforceUnavailable e = assertThrows(SalesforceUnavailable.class,
                () -> fast.send(HttpCall.get("query", server.uri("/cut"), Map.of())));
        assertTrue(e.getMessage().startsWith("query to 127.0.0.1 failed before a complete answer arrived: "), e.getMessage());
    }

    @Test
    void aConnectionClosedWithoutAnswerIsUnavailable() {
        server.on("GET", "/slam", ContractServer.slam());
        SalesforceUnavailable e = assertThrows(SalesforceUnavailable.class,
                () -> fast.send(HttpCall.get("describe", server.uri("/slam"), Map.of())));
        assertTrue(e.getMessage().startsWith("describe to 127.0.0.1 failed"), e.getMessage());
    }

    @Test
    void aRefusedConnectionIsUnavailable() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        SalesforceUnavailable e = assertThrows(SalesforceUnavailable.class,
                () -> fast.send(HttpCall.get("token request", URI.create("http://127.0.0.1:" + port + "/x"), Map.of())));
        assertEquals("token request to 127.0.0.1: connection refused", e.getMessage());
    }

    @Test
    void aBodyOverTheLimitIsMalformedAndNamesTheSize() {
        String big = "[" + "\"x\",".repeat(2000) + "\"x\"]";
        server.on("GET", "/big", json(200, big));
        MalformedResponse e = assertThrows(MalformedResponse.class,
                () -> fast.send(HttpCall.get("query", server.uri("/big"), Map.of())));
        assertEquals("query response from 127.0.0.1 was larger than the 4 KiB limit (Content-Length " + (big.length()) + " bytes)",
                e.getMessage());
    }

    @Test
    void aChunkedBodyOverTheLimitIsStoppedWhileReading() {
        server.on("GET", "/chunked", (ex, req) -> {
            ex.sendResponseHeaders(200, 0); // 0 = chunked: no length known up front
            try (var out = ex.getResponseBody()) {
                for (int i = 0; i < 20; i++) {
                    out.write(new byte[1024]);
                    out.flush();
                }
            }
        });
        MalformedResponse e = assertThrows(MalformedResponse.class,
                () -> fast.send(HttpCall.get("tooling query", server.uri("/chunked"), Map.of())));
        assertEquals("tooling query response from 127.0.0.1 was larger than the 4 KiB limit (more than 4 KiB received)", e.getMessage());
    }

    @Test
    void plainHttpIsRefusedForAnyHostButLoopback() {
        InsecureEndpoint e = assertThrows(InsecureEndpoint.class,
                () -> fast.send(HttpCall.get("token request", URI.create("http://login.salesforce.com/services/oauth2/token"), Map.of())));
        assertEquals("token request: refusing http://login.salesforce.com: Salesforce is reached only over https:// "
                + "(plain http:// is allowed only for a loopback simulator)", e.getMessage());
        assertThrows(InsecureEndpoint.class, () -> HttpTransport.requireSecure(URI.create("ftp://127.0.0.1/x"), "query"));
        assertThrows(InsecureEndpoint.class, () -> HttpTransport.requireSecure(URI.create("http://127.example.com/x"), "query"));
        assertThrows(InsecureEndpoint.class, () -> HttpTransport.requireSecure(URI.create("https://u:p@acme.my.salesforce.com/"), "query"));
        HttpTransport.requireSecure(URI.create("http://localhost:8080/x"), "query");
        HttpTransport.requireSecure(URI.create("http://[::1]:8080/x"), "query");
        HttpTransport.requireSecure(URI.create("http://127.0.0.2:8080/x"), "query");
        HttpTransport.requireSecure(URI.create("https://acme.my.salesforce.com/x"), "query");
    }

    @Test
    void redirectsAreNotFollowed() {
        server.on("GET", "/moved", (ex, req) -> {
            ex.getResponseHeaders().set("Location", "https://evil.example.com/steal");
            ex.sendResponseHeaders(302, -1);
        });
        HttpReply reply = fast.send(HttpCall.get("query", server.uri("/moved"), Map.of("Authorization", "Bearer x")));
        assertEquals(302, reply.status());
        RequestRejected e = assertThrows(RequestRejected.class, () -> ResponseErrors.requireSuccess("query", "127.0.0.1", reply));
        assertTrue(e.getMessage().contains("redirected to evil.example.com"), e.getMessage());
    }

    @Test
    void toStringsShowNeitherHeadersNorBodies() {
        HttpCall call = HttpCall.post("token request", URI.create("https://login.salesforce.com/services/oauth2/token?x=1"),
                Map.of("Authorization", "Bearer 00Dxx0000001gEREAY!SECRETSECRET"), "password=hunter2");
        assertEquals("HttpCall[token request POST https://login.salesforce.com/services/oauth2/token]", call.toString());
        String tokenBody = "{\"access_token\":\"00Dxx!SECRET\"}";
        HttpReply reply = HttpReply.of(200, "application/json", tokenBody);
        assertEquals("HttpReply[200, application/json, " + tokenBody.length() + " chars]", reply.toString());
        assertEquals("AccessToken[redacted]", new AccessToken("00Dxx0000001gEREAY!SECRETSECRET").toString());
    }
}
