package dev.logindoctor.sim;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Each fault kind, set through the admin API, the Java API or the scenario file. */
class FaultInjectionTest {
    SimulatedOrg org;
    String token;

    @BeforeEach
    void start() {
        org = SimHttp.testOrg();
        token = SimHttp.diagnosticsToken(org);
    }

    @AfterEach
    void stop() {
        org.close();
    }

    private void fault(String json) {
        SimHttp.Reply r = SimHttp.postJson(org, "/_sim/faults", null, json);
        assertEquals(200, r.status(), r.body());
    }

    @Test
    void latencyDelaysTheAnswer() {
        fault("{\"kind\":\"query\",\"type\":\"latency\",\"latencyMs\":400}");
        long t0 = System.nanoTime();
        SimHttp.Reply r = SimHttp.query(org, token, "SELECT Id FROM Organization");
        long ms = (System.nanoTime() - t0) / 1_000_000;

        assertEquals(200, r.status());
        assertTrue(ms >= 400, "took " + ms + " ms");
    }

    @Test
    void aHangNeverAnswersUntilTheClientGivesUp() {
        fault("{\"kind\":\"token\",\"type\":\"hang\"}");
        HttpRequest req = HttpRequest.newBuilder(URI.create(org.baseUrl() + "/services/oauth2/token")).timeout(Duration.ofMillis(800))
                .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString("grant_type=password")).build();

        assertThrows(HttpTimeoutException.class, () -> SimHttp.CLIENT.send(req, HttpResponse.BodyHandlers.ofString()));
    }

    @Test
    void aResetConnectionGivesNoAnswerAtAll() {
        fault("{\"kind\":\"soap\",\"type\":\"reset\"}");
        HttpClient fresh = HttpClient.newHttpClient();
        HttpRequest req = HttpRequest.newBuilder(URI.create(org.baseUrl() + "/services/Soap/u/62.0"))
                .header("Content-Type", "text/xml").POST(HttpRequest.BodyPublishers.ofString(SimHttp.envelope("svc@acme.com", "x"))).build();

        assertThrows(IOException.class, () -> fresh.send(req, HttpResponse.BodyHandlers.ofString()));
        assertEquals(1, org.loginHistory("svc@acme.com").size(), "the login never ran");
    }

    @Test
    void aServerErrorWithTheGivenStatusAndBody() {
        fault("{\"kind\":\"composite\",\"type\":\"status\",\"status\":502,\"body\":\"<html>Bad Gateway</html>\"}");

        SimHttp.Reply r = SimHttp.postJson(org, "/services/data/v62.0/composite", token, CompositeTest.evidenceRequest("svc@acme.com"));

        assertEquals(502, r.status());
        assertEquals("<html>Bad Gateway</html>", r.body());
    }

    @Test
    void throttlingIs403ForRestAnd503ForTheRest() {
        fault("[{\"kind\":\"query\",\"type\":\"throttle\"},{\"kind\":\"token\",\"type\":\"throttle\"}]");

        SimHttp.Reply rest = SimHttp.query(org, token, "SELECT Id FROM Organization");
        SimHttp.Reply login = SimHttp.passwordGrant(org, "svc@acme.com", "x", "203.0.113.7");

        assertEquals(403, rest.status());
        assertEquals("[{\"message\":\"TotalRequests Limit exceeded.\",\"errorCode\":\"REQUEST_LIMIT_EXCEEDED\"}]", rest.body());
        assertEquals(503, login.status());
        assertEquals("1", login.headers().firstValue("Retry-After").orElse(""));
    }

    @Test
    void aTruncatedBodyIsHalfTheRealOne() {
        SimHttp.Reply whole = SimHttp.get(org, "/services/data/v62.0/sobjects/User/describe", token);
        fault("{\"kind\":\"describe\",\"type\":\"truncate\"}");

        SimHttp.Reply cut = SimHttp.get(org, "/services/data/v62.0/sobjects/User/describe", token);

        assertEquals(200, cut.status());
        assertEquals(whole.body().length() / 2, cut.body().length());
        assertTrue(whole.body().startsWith(cut.body()));
        assertThrows(Exception.class, () -> HttpIo.JSON.readTree(cut.body()));
    }

    @Test
    void anHtmlPageWhereJsonWasExpected() {
        fault("{\"kind\":\"trust\",\"type\":\"html\"}");

        SimHttp.Reply r = SimHttp.get(org, "/v1/instances/NA224/status", null);

        assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("text/html"));
        assertTrue(r.body().contains("<html>"));
    }

    @Test
    void timesFaultsOnlyTheFirstRequestsAndDeleteClearsTheRest() {
        fault("{\"kind\":\"tooling\",\"type\":\"status\",\"status\":503,\"times\":1}");
        fault("{\"kind\":\"query\",\"type\":\"status\",\"status\":500}");

        assertEquals(503, SimHttp.tooling(org, token, "SELECT Metadata FROM SecuritySettings").status());
        assertEquals(200, SimHttp.tooling(org, token, "SELECT Metadata FROM SecuritySettings").status());
        assertEquals(500, SimHttp.query(org, token, "SELECT Id FROM Organization").status());
        assertEquals(200, SimHttp.send(HttpRequest.newBuilder(URI.create(org.baseUrl() + "/_sim/faults")).DELETE().build()).status());
        assertEquals(200, SimHttp.query(org, token, "SELECT Id FROM Organization").status());
    }

    @Test
    void anUnknownFaultKindIsRefused() {
        assertEquals(400, SimHttp.postJson(org, "/_sim/faults", null, "{\"kind\":\"ftp\",\"type\":\"hang\"}").status());
    }

    @Test
    void aScenarioCanCarryFaults() {
        SimScenario base = SimScenarios.load("healthy");
        SimScenario faulty = new SimScenario(base.name(), base.description(), base.now(), base.organization(), base.profiles(),
                base.permissionSets(), base.users(), base.connectedApps(), base.trust(), base.loginHistory(), base.preAttempts(),
                java.util.List.of(new FaultSpec("soap", "status", null, 500, null, 1)), base.diagnostics(), base.integration());
        try (SimulatedOrg o = SimulatedOrg.start(faulty)) {
            SimIntegration.LoginError first = SimIntegration.attemptLogin(o, o.scenario().integration());
            SimIntegration.LoginError second = SimIntegration.attemptLogin(o, o.scenario().integration());

            assertEquals(500, first.httpStatus());
            assertEquals(null, second);
        }
    }
}
