package dev.logindoctor.salesforce;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static dev.logindoctor.salesforce.ContractServer.fixture;
import static dev.logindoctor.salesforce.ContractServer.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Salesforce's REST error answers (docs/salesforce-wire-facts.md#rest-errors-and-session-expiry), served over
 * HTTP, mapped to typed errors.
 */
class ResponseErrorsTest {
    private final ContractServer server = new ContractServer();
    private final HttpTransport transport = new HttpTransport();

    @AfterEach
    void stop() {
        server.close();
    }

    private SalesforceException errorFor(ContractServer.Responder responder) {
        server.on("GET", "/services/data/v62.0/query", responder);
        HttpReply reply = transport.send(HttpCall.get("query", server.uri("/services/data/v62.0/query?q=SELECT+Id+FROM+User"), Map.of()));
        return assertThrows(SalesforceException.class, () -> ResponseErrors.requireSuccess("query", "127.0.0.1", reply));
    }

    @Test
    void invalidSessionIsSessionExpired() {
        SalesforceException e = errorFor(fixture(401, "rest-error-401-invalid-session.json"));
        assertInstanceOf(SessionExpired.class, e);
        assertEquals("query to 127.0.0.1: the session expired or is invalid (401 INVALID_SESSION_ID: Session expired or invalid)", e.getMessage());
    }

    @Test
    void dailyAndConcurrentRequestLimitsAreThrottling() {
        SalesforceException daily = errorFor(fixture(403, "rest-error-403-request-limit.json"));
        assertInstanceOf(Throttled.class, daily);
        assertTrue(daily.retryable());
        assertEquals("query to 127.0.0.1: the org's API request limit is reached (403 REQUEST_LIMIT_EXCEEDED: TotalRequests Limit exceeded.)",
                daily.getMessage());
    }

    @Test
    void concurrentLimitIsThrottlingToo() {
        assertInstanceOf(Throttled.class, errorFor(fixture(403, "rest-error-403-concurrent-limit.json")));
    }

    @Test
    void otherForbiddenAnswersAreRejections() {
        RequestRejected e = assertInstanceOf(RequestRejected.class, errorFor(fixture(403, "rest-error-403-insufficient-access.json")));
        assertEquals("INSUFFICIENT_ACCESS_OR_READONLY", e.errorCode());
        assertEquals(403, e.httpStatus());
        assertFalse(e.retryable());
    }

    @Test
    void tooManyRequestsAndServiceUnavailableAreThrottling() {
        SalesforceException e429 = errorFor((ex, req) -> {
            ex.getResponseHeaders().set("Retry-After", "30");
            ContractServer.send(ex, 429, "text/plain", "slow down");
        });
        assertInstanceOf(Throttled.class, e429);
        assertEquals("query to 127.0.0.1 was throttled: HTTP 429, retry after 30 s", e429.getMessage());
    }

    @Test
    void serviceUnavailableIsThrottling() {
        SalesforceException e = errorFor(fixture(503, "html-error-page.html"));
        assertInstanceOf(Throttled.class, e);
    }

    @Test
    void serverErrorsAreUnavailableAndQuoteOnlyTheStartOfTheBody() {
        SalesforceException e = errorFor(fixture(500, "html-error-page.html"));
        assertInstanceOf(SalesforceUnavailable.class, e);
        assertEquals("query to 127.0.0.1 failed: HTTP 500 (body starts with '<html><head><title>Service Unavailable</')", e.getMessage());
    }

    @Test
    void badRequestErrorArraysBecomeRejectionsWithTheirCode() {
        RequestRejected e = assertInstanceOf(RequestRejected.class, errorFor(fixture(400, "rest-error-400-invalid-field.json")));
        assertEquals("INVALID_FIELD", e.errorCode());
        assertEquals(400, e.httpStatus());
        assertTrue(e.getMessage().endsWith("field 'Status' can not be filtered in a query call"), e.getMessage());
        RequestRejected m = assertInstanceOf(RequestRejected.class, errorFor(fixture(400, "rest-error-400-malformed-query.json")));
        assertEquals("MALFORMED_QUERY", m.errorCode());
    }

    @Test
    void aBadRequestWithoutAnErrorArrayIsStillARejection() {
        RequestRejected e = assertInstanceOf(RequestRejected.class, errorFor(json(400, "{\"unexpected\":true}")));
        assertEquals("HTTP_400", e.errorCode());
    }

    @Test
    void nonJsonAndTruncatedBodiesAreMalformedAndSayWhat() {
        String page = Fixtures.read("html-error-page.html");
        MalformedResponse html = assertThrows(MalformedResponse.class, () -> WireJson.parse("query", page));
        assertEquals("query body was not JSON: starts with '<html><head><title>Servi' (" + page.length() + " chars)", html.getMessage());
        MalformedResponse cut = assertThrows(MalformedResponse.class, () -> WireJson.parse("composite", "{\"compositeResponse\":[{\"body\""));
        assertTrue(cut.getMessage().startsWith("composite body was truncated JSON: starts with"), cut.getMessage());
        assertEquals("query body was empty", assertThrows(MalformedResponse.class, () -> WireJson.parse("query", "  ")).getMessage());
    }
}
