package dev.logindoctor.salesforce;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.core.JsonProcessingException;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The REST API over a {@link DiagnosticsConnection} (docs/salesforce-wire-facts.md#rest-query): SOQL query following
 * {@code nextRecordsUrl}, Tooling query, sObject describe, Composite. Every call goes through the
 * connection, so it is counted and re-authenticated at most once.
 */
public final class RestClient {
    public static final String DEFAULT_API_VERSION = "62.0";
    /** Guard for the request budget: a query that needs more pages than this is cut, not followed. */
    static final int MAX_PAGES = 5;
    private static final Pattern API_VERSION = Pattern.compile("\\d{2,3}\\.\\d");
    private static final Pattern SOBJECT = Pattern.compile("[A-Za-z][A-Za-z0-9_]{0,79}");

    private final DiagnosticsConnection connection;
    private final String apiVersion;

    public RestClient(DiagnosticsConnection connection) {
        this(connection, DEFAULT_API_VERSION);
    }

    public RestClient(DiagnosticsConnection connection, String apiVersion) {
        if (!API_VERSION.matcher(apiVersion).matches()) {
            throw new IllegalArgumentException("API version must look like 62.0");
        }
        this.connection = connection;
        this.apiVersion = apiVersion;
    }

    public String apiVersion() {
        return apiVersion;
    }

    String dataPath() {
        return "/services/data/v" + apiVersion;
    }

    public QueryResult query(String soql) {
        return collect("query", dataPath() + "/query?q=" + URLEncoder.encode(soql, StandardCharsets.UTF_8));
    }

    public QueryResult toolingQuery(String soql) {
        return collect("tooling query", dataPath() + "/tooling/query?q=" + URLEncoder.encode(soql, StandardCharsets.UTF_8));
    }

    /** {@code GET sobjects/{name}/describe}: the object's fields (name, type, filterable, ...). */
    public JsonNode describe(String sobject) {
        if (!SOBJECT.matcher(sobject).matches()) {
            throw new IllegalArgumentException("not an sObject name");
        }
        HttpReply reply = connection.send(s -> HttpCall.get("describe", uri(s, dataPath() + "/sobjects/" + sobject + "/describe"),
                HttpTransport.bearer(s.token())));
        JsonNode body = WireJson.parse("describe", reply.body());
        if (!body.isObject() || !body.path("fields").isArray()) {
            throw new MalformedResponse("describe response for " + sobject + " had no fields array");
        }
        return body;
    }

    public CompositeResponse composite(CompositeRequest request) {
        String json;
        try {
            json = WireJson.MAPPER.writeValueAsString(request.toJson());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        HttpReply reply = connection.send(s -> HttpCall.post("composite", uri(s, dataPath() + "/composite"),
                withJson(HttpTransport.bearer(s.token())), json));
        return CompositeResponse.parse(WireJson.parse("composite", reply.body()));
    }

    private QueryResult collect(String kind, String firstPath) {
        List<JsonNode> records = new ArrayList<>();
        String path = firstPath;
        int totalSize = 0;
        for (int page = 0; path != null; page++) {
            if (page == MAX_PAGES) {
                break;
            }
            String current = path;
            HttpReply reply = connection.send(s -> HttpCall.get(kind, uri(s, current), HttpTransport.bearer(s.token())));
            QueryResult.Page p = QueryResult.page(kind, WireJson.parse(kind, reply.body()));
            totalSize = p.totalSize();
            records.addAll(p.records());
            path = p.nextRecordsUrl() == null ? null : nextPath(kind, p.nextRecordsUrl());
        }
        return new QueryResult(totalSize, records);
    }

    /** Follows only a path on the same instance: the bearer token must never go to another host. */
    private static String nextPath(String kind, String next) {
        if (!next.startsWith("/services/data/") || next.contains("..") || next.contains("//")) {
            throw new MalformedResponse(kind + " response's nextRecordsUrl is not a /services/data/ path on the instance");
        }
        return next;
    }

    private static URI uri(TokenCache.Session session, String path) {
        return URI.create(session.instanceUrl() + path);
    }

    private static Map<String, String> withJson(Map<String, String> headers) {
        Map<String, String> h = new java.util.LinkedHashMap<>(headers);
        h.put("Content-Type", "application/json");
        return h;
    }
}
