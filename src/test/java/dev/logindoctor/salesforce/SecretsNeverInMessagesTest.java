package dev.logindoctor.salesforce;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * Every error path, driven by a server that does the worst thing it can: echo the request's
 * Authorization header and body (session id, assertion, key) back into its error body. No planted
 * secret may appear in any exception message or toString.
 */
class SecretsNeverInMessagesTest {
    private final ContractServer server = new ContractServer();
    private final HttpTransport transport = new HttpTransport(Duration.ofSeconds(2), Duration.ofMillis(600), 2048);

    @AfterEach
    void stop() {
        server.close();
    }

    private static ContractServer.Responder echoing(int status, String contentType) {
        return (ex, req) -> {
            String echo = req.header("Authorization") + " " + req.body();
            String body = contentType.contains("json")
                    ? "[{\"errorCode\":\"" + echo.replace("\"", "'").replace("\n", " ") + "\",\"message\":\"" + echo.replace("\"", "'").replace("\n", " ") + "\"}]"
                    : "<html>" + echo + "</html>";
            ContractServer.send(ex, status, contentType, body);
        };
    }

    private HttpCall secretCall(String path) {
        return HttpCall.post("query", server.uri(path), Map.of("Authorization", "Bearer " + KnownSecrets.SESSION_ID),
                "assertion=" + KnownSecrets.ASSERTION + "&key=" + KnownSecrets.PRIVATE_KEY_PEM.replace("\n", " ")
                        + "&session=" + KnownSecrets.SESSION_ID);
    }

    @ParameterizedTest(name = "HTTP {0} with an echoing JSON error body")
    @ValueSource(ints = {400, 401, 403, 404, 429, 500, 502, 503})
    void restErrorsWithEchoedSecrets(int status) {
        server.on("POST", "/echo", echoing(status, "application/json"));
        HttpReply reply = new HttpTransport().send(secretCall("/echo"));
        SalesforceException e = assertThrows(SalesforceException.class, () -> ResponseErrors.requireSuccess("query", "127.0.0.1", reply));
        KnownSecrets.assertAbsent("HTTP " + status, e);
        KnownSecrets.assertAbsent("reply", reply.toString());
    }

    @ParameterizedTest(name = "HTTP {0} with an echoing HTML body")
    @ValueSource(ints = {400, 500, 503})
    void htmlErrorsWithEchoedSecrets(int status) {
        server.on("POST", "/echo", echoing(status, "text/html"));
        HttpReply reply = new HttpTransport().send(secretCall("/echo"));
        SalesforceException e = assertThrows(SalesforceException.class, () -> ResponseErrors.requireSuccess("query", "127.0.0.1", reply));
        KnownSecrets.assertAbsent("HTML " + status, e);
        MalformedResponse m = assertThrows(MalformedResponse.class, () -> WireJson.parse("query", reply.body()));
        KnownSecrets.assertAbsent("not-JSON " + status, m);
    }

    @Test
    void bodyStartingWithASecretIsRedactedInTheExcerpt() {
        for (String body : new String[] {KnownSecrets.SESSION_ID + " tail", KnownSecrets.ASSERTION + ">", KnownSecrets.PRIVATE_KEY_PEM,
                "{\"access_token\":\"" + KnownSecrets.SESSION_ID + "\"", "<sessionId>" + KnownSecrets.SESSION_ID + "</sessionId>"}) {
            KnownSecrets.assertAbsent("excerpt", assertThrows(MalformedResponse.class, () -> WireJson.parse("token request", body)));
        }
    }

    @Test
    void transportFailuresCarryNoSecrets() {
        server.on("POST", "/hang", ContractServer.hang(3000));
        server.on("POST", "/cut", ContractServer.cutShort());
        server.on("POST", "/slam", ContractServer.slam());
        server.on("POST", "/big", echoing(200, "application/json"));
        for (String path : new String[] {"/hang", "/cut", "/slam", "/big"}) {
            SalesforceException e = assertThrows(SalesforceException.class, () -> transport.send(secretCall(path)));
            KnownSecrets.assertAbsent(path, e);
        }
    }
}
