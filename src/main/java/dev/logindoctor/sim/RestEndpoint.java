package dev.logindoctor.sim;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;

import java.io.IOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code /services/data/vNN.N/...}: query (with paging), tooling query, describe and composite, behind
 * {@code Authorization: Bearer <session>}. Errors are Salesforce's JSON arrays
 * (docs/salesforce-wire-facts.md#rest-errors-and-session-expiry).
 */
final class RestEndpoint {
    private static final Pattern VERSIONED = Pattern.compile("^/services/data/v(\\d{2,3}\\.\\d)(/.*)?$");
    private static final Pattern DESCRIBE = Pattern.compile("^(/tooling)?/sobjects/([A-Za-z0-9_]+)/describe/?$");
    private static final Pattern LOCATOR = Pattern.compile("^(/tooling)?/query/(01g[A-Za-z0-9]+-\\d+)$");

    private final SimulatedOrg sim;
    private final AtomicInteger apiRequests = new AtomicInteger();
    private final Map<String, Cursor> cursors = new ConcurrentHashMap<>();
    private final CompositeExecutor composite;

    /** A REST answer before it is written: the status and a JSON-able body. */
    record RestResult(int status, Object body) {
        static RestResult error(int status, String code, String message) {
            return new RestResult(status, HttpIo.restError(code, message));
        }
    }

    private record Cursor(List<Map<String, Object>> records, boolean tooling, String entity) {
    }

    RestEndpoint(SimulatedOrg sim) {
        this.sim = sim;
        this.composite = new CompositeExecutor(this);
    }

    static EndpointKind kindOf(String path) {
        Matcher m = VERSIONED.matcher(path);
        String rest = m.matches() && m.group(2) != null ? m.group(2) : "";
        if (rest.startsWith("/composite")) {
            return EndpointKind.COMPOSITE;
        }
        if (DESCRIBE.matcher(rest).matches()) {
            return EndpointKind.DESCRIBE;
        }
        if (rest.startsWith("/tooling")) {
            return EndpointKind.TOOLING;
        }
        return EndpointKind.QUERY;
    }

    void handle(HttpExchange ex) throws IOException {
        String userId = authenticate(ex);
        byte[] body = HttpIo.readBody(ex);
        if (userId == null) {
            HttpIo.sendRestError(ex, 401, "INVALID_SESSION_ID", "Session expired or invalid");
            return;
        }
        if (apiRequests.incrementAndGet() > sim.state().apiRequestLimit) {
            HttpIo.sendRestError(ex, 403, "REQUEST_LIMIT_EXCEEDED", "TotalRequests Limit exceeded.");
            return;
        }
        URI uri = ex.getRequestURI();
        Matcher m = VERSIONED.matcher(uri.getRawPath());
        if (!m.matches()) {
            HttpIo.sendRestError(ex, 404, "NOT_FOUND", "The requested resource does not exist");
            return;
        }
        RestResult result;
        if ("/composite".equals(m.group(2)) || "/composite/".equals(m.group(2))) {
            result = "POST".equals(ex.getRequestMethod())
                    ? composite.run(body, userId, m.group(1))
                    : RestResult.error(405, "METHOD_NOT_ALLOWED", "HTTP Method '" + ex.getRequestMethod() + "' not allowed. Allowed are POST");
        } else {
            String url = uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
            result = execute(ex.getRequestMethod(), url, userId);
        }
        HttpIo.sendJson(ex, result.status(), result.body());
    }

    /** The session's user id, or null when the token is missing, unknown or expired. */
    private String authenticate(HttpExchange ex) {
        String auth = ex.getRequestHeaders().getFirst("Authorization");
        if (auth == null) {
            return null;
        }
        String a = auth.strip();
        String token = a.regionMatches(true, 0, "Bearer ", 0, 7) ? a.substring(7).strip()
                : a.regionMatches(true, 0, "OAuth ", 0, 6) ? a.substring(6).strip() : null;
        return sim.sessions().use(token).orElse(null);
    }

    /** Serves one GET (a top-level request or a composite subrequest). {@code url} starts with /services/data/vNN.N. */
    RestResult execute(String method, String url, String userId) {
        int q = url.indexOf('?');
        String path = q < 0 ? url : url.substring(0, q);
        Map<String, String> params = HttpIo.parseForm(q < 0 ? "" : url.substring(q + 1));
        Matcher m = VERSIONED.matcher(path);
        if (!m.matches()) {
            return RestResult.error(404, "NOT_FOUND", "The requested resource does not exist");
        }
        String version = m.group(1);
        String rest = m.group(2) == null ? "" : m.group(2);
        if (!"GET".equals(method)) {
            return RestResult.error(405, "METHOD_NOT_ALLOWED", "HTTP Method '" + method + "' not allowed. Allowed are GET,HEAD");
        }
        try {
            if (rest.equals("/query") || rest.equals("/query/") || rest.equals("/tooling/query") || rest.equals("/tooling/query/")) {
                boolean tooling = rest.startsWith("/tooling");
                String soql = params.get("q");
                if (soql == null) {
                    return RestResult.error(400, "MALFORMED_QUERY", "A query string has to be specified");
                }
                OrgTables tables = OrgTables.snapshot(sim.state(), userId);
                SoqlEngine.Result r = new SoqlEngine(tables, version).run(soql, tooling);
                String entity = SoqlParser.parse(soql).object();
                return new RestResult(200, page(r.records(), 0, tooling, version, entity, "01g" + SimIds.random(15)));
            }
            Matcher loc = LOCATOR.matcher(rest);
            if (loc.matches()) {
                return nextPage(loc.group(2), version);
            }
            Matcher d = DESCRIBE.matcher(rest);
            if (d.matches()) {
                return SObjectSchema.object(d.group(2), d.group(1) != null)
                        .map(def -> new RestResult(200, Describe.of(def, version)))
                        .orElse(RestResult.error(404, "NOT_FOUND", "The requested resource does not exist"));
            }
        } catch (SoqlException e) {
            return RestResult.error(400, e.errorCode, e.getMessage());
        }
        return RestResult.error(404, "NOT_FOUND", "The requested resource does not exist");
    }

    /** One batch of a result; the rest waits behind a query locator, as Salesforce pages at 2,000 by default. */
    private Map<String, Object> page(List<Map<String, Object>> all, int from, boolean tooling, String version, String entity,
                                     String locator) {
        int batch = Math.max(1, sim.state().queryBatchSize);
        int to = Math.min(all.size(), from + batch);
        Map<String, Object> out = new LinkedHashMap<>();
        if (tooling) {
            out.put("size", all.size());
        }
        out.put("totalSize", all.size());
        out.put("done", to >= all.size());
        if (to < all.size()) {
            String key = locator + "-" + to;
            cursors.put(key, new Cursor(all, tooling, entity));
            out.put("nextRecordsUrl", "/services/data/v" + version + (tooling ? "/tooling" : "") + "/query/" + key);
        }
        if (tooling) {
            out.put("queryLocator", null);
            out.put("entityTypeName", entity);
        }
        out.put("records", new ArrayList<>(all.subList(from, to)));
        return out;
    }

    private RestResult nextPage(String key, String version) {
        Cursor c = cursors.remove(key);
        if (c == null) {
            return RestResult.error(400, "INVALID_QUERY_LOCATOR", "invalid query locator");
        }
        int from = Integer.parseInt(key.substring(key.indexOf('-') + 1));
        return new RestResult(200, page(c.records(), from, c.tooling(), version, c.entity(), key.substring(0, key.indexOf('-'))));
    }

    static JsonNode tree(Object body) {
        return HttpIo.JSON.valueToTree(body);
    }
}
