package dev.logindoctor.salesforce;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A REST Composite request (docs/salesforce-wire-facts.md#rest-composite): subrequests run in order and may use
 * an earlier one's result through {@code @{referenceId.path}}. Subrequests set no
 * Accept/Authorization/Content-Type header (that fails the whole request) and there are at most 25 of them.
 */
public record CompositeRequest(boolean allOrNone, List<Subrequest> subrequests) {
    public static final int MAX_SUBREQUESTS = 25;
    private static final Pattern REFERENCE = Pattern.compile("@\\{[A-Za-z0-9_]+(?:\\.[A-Za-z0-9_]+|\\[\\d+\\])*}");

    public CompositeRequest {
        subrequests = List.copyOf(subrequests);
        if (subrequests.size() > MAX_SUBREQUESTS) {
            throw new IllegalArgumentException("a composite request takes at most " + MAX_SUBREQUESTS + " subrequests");
        }
    }

    /** @param url relative to the instance, e.g. {@code /services/data/v62.0/query?q=...} */
    public record Subrequest(String referenceId, String method, String url, JsonNode body) {
        public static Subrequest get(String referenceId, String url) {
            return new Subrequest(referenceId, "GET", url, null);
        }
    }

    public static Builder builder(String apiVersion) {
        return new Builder(apiVersion);
    }

    JsonNode toJson() {
        ObjectNode root = WireJson.MAPPER.createObjectNode();
        root.put("allOrNone", allOrNone);
        ArrayNode list = root.putArray("compositeRequest");
        for (Subrequest s : subrequests) {
            ObjectNode node = list.addObject();
            node.put("method", s.method());
            node.put("url", s.url());
            node.put("referenceId", s.referenceId());
            if (s.body() != null) {
                node.set("body", s.body());
            }
        }
        return root;
    }

    /**
     * URL-encodes a SOQL statement for a subrequest URL but leaves {@code @{ref.path}} references
     * literal: Salesforce resolves them in the URL text before running the query.
     */
    static String encodeSoql(String soql) {
        StringBuilder out = new StringBuilder();
        Matcher m = REFERENCE.matcher(soql);
        int at = 0;
        while (m.find()) {
            out.append(URLEncoder.encode(soql.substring(at, m.start()), StandardCharsets.UTF_8));
            out.append(m.group());
            at = m.end();
        }
        out.append(URLEncoder.encode(soql.substring(at), StandardCharsets.UTF_8));
        return out.toString();
    }

    public static final class Builder {
        private final String prefix;
        private final List<Subrequest> subrequests = new ArrayList<>();
        private boolean allOrNone;

        private Builder(String apiVersion) {
            this.prefix = "/services/data/v" + apiVersion;
        }

        public Builder allOrNone(boolean value) {
            this.allOrNone = value;
            return this;
        }

        public Builder query(String referenceId, String soql) {
            subrequests.add(Subrequest.get(referenceId, prefix + "/query?q=" + encodeSoql(soql)));
            return this;
        }

        public Builder toolingQuery(String referenceId, String soql) {
            subrequests.add(Subrequest.get(referenceId, prefix + "/tooling/query?q=" + encodeSoql(soql)));
            return this;
        }

        public CompositeRequest build() {
            return new CompositeRequest(allOrNone, subrequests);
        }
    }
}
