package dev.logindoctor.salesforce;

import com.fasterxml.jackson.databind.JsonNode;
import dev.logindoctor.model.TrustEvent;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The public Salesforce Trust status API (no auth; docs/salesforce-wire-facts.md#trust-status-api). Shapes relied on:
 * instance status {@code {key, status, Maintenances[], Incidents[]}}; search
 * {@code [{alias, instanceKey, aliasType}]}; a maintenance {@code {id, name, plannedStartTime,
 * plannedEndTime, isCore, instanceKeys[], message{eventStatus}}}; an incident {@code {id, isCore,
 * affectsAll, instanceKeys[], IncidentImpacts[{startTime, endTime, severity, type}],
 * IncidentEvents[{type, createdAt}]}}. Anything else is ignored; a missing field is unknown.
 */
public final class TrustClient {
    public static final String DEFAULT_BASE_URL = "https://api.status.salesforce.com";
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9._-]{1,100}");
    private static final Map<String, String> ACCEPT_JSON = Map.of("Accept", "application/json");

    private final String v1;
    private final HttpTransport transport;

    /** @param baseUrl e.g. https://api.status.salesforce.com (with or without /v1), or a simulator's base URL */
    public TrustClient(String baseUrl, HttpTransport transport) {
        String base = checkBaseUrl(baseUrl);
        this.v1 = base.endsWith("/v1") ? base : base + "/v1";
        this.transport = transport;
    }

    /**
     * The Trust base URL, normalized, or {@link InsecureEndpoint} naming what is wrong (never the URL,
     * which may carry credentials): malformed, not https (http only for a loopback simulator),
     * credentials in it, or a link-local address such as the cloud metadata endpoint.
     */
    public static String checkBaseUrl(String baseUrl) {
        String base = OAuthTokenEndpoint.stripSlash(baseUrl == null || baseUrl.isBlank() ? DEFAULT_BASE_URL : baseUrl.strip());
        URI uri;
        try {
            uri = new URI(base);
        } catch (java.net.URISyntaxException e) {
            throw new InsecureEndpoint("the Trust API URL is not a well-formed URL (" + e.getReason() + ")");
        }
        if (uri.getRawUserInfo() != null) {
            throw new InsecureEndpoint("the Trust API URL must not carry credentials");
        }
        HttpTransport.requireSecure(uri, "the Trust API URL");
        String host = uri.getHost().toLowerCase(java.util.Locale.ROOT);
        if (host.startsWith("169.254.") || host.startsWith("[fe80:") || host.equals("metadata.google.internal")) {
            throw new InsecureEndpoint("the Trust API URL points at a link-local address (" + host + "), such as a cloud metadata endpoint");
        }
        return base;
    }

    /** {@code /v1/instances/{KEY}/status?childProducts=false}. */
    public InstanceStatus instanceStatus(String key) {
        JsonNode body = getJson("Trust instance status", "/instances/" + name(key) + "/status?childProducts=false");
        return InstanceStatus.from(body, "Trust instance status");
    }

    /** {@code /v1/instanceAliases/{alias}/status}: the instance a My Domain alias lives on. */
    public InstanceStatus aliasStatus(String alias) {
        JsonNode body = getJson("Trust alias status", "/instanceAliases/" + name(alias) + "/status");
        return InstanceStatus.from(body, "Trust alias status");
    }

    /** {@code /v1/search/{term}}; an empty list is a real answer (sandboxes, trials, scratch orgs). */
    public List<SearchHit> search(String term) {
        JsonNode body = getJson("Trust search", "/search/" + name(term));
        if (!body.isArray()) {
            throw new MalformedResponse("Trust search response was not an array");
        }
        List<SearchHit> hits = new ArrayList<>();
        for (JsonNode hit : body) {
            String key = WireJson.text(hit, "instanceKey");
            if (key != null) {
                hits.add(new SearchHit(WireJson.text(hit, "alias"), key, WireJson.text(hit, "aliasType")));
            }
        }
        return hits;
    }

    /** {@code /v1/maintenances?instance=&startTime=}: maintenances on the instance from startTime on. */
    public List<TrustEvent> maintenances(String instanceKey, Instant startTime) {
        JsonNode body = getJson("Trust maintenances", "/maintenances?instance=" + name(instanceKey) + "&startTime=" + time(startTime));
        return events(body, "Trust maintenances", instanceKey, TrustEvents::maintenance);
    }

    /** {@code /v1/incidents?instance=&startTime=}. */
    public List<TrustEvent> incidents(String instanceKey, Instant startTime) {
        JsonNode body = getJson("Trust incidents", "/incidents?instance=" + name(instanceKey) + "&startTime=" + time(startTime));
        return events(body, "Trust incidents", instanceKey, TrustEvents::incident);
    }

    public record SearchHit(String alias, String instanceKey, String aliasType) {
    }

    /** An instance's status and the maintenances/incidents the status document embeds. */
    public record InstanceStatus(String key, String status, List<TrustEvent> events) {
        static InstanceStatus from(JsonNode body, String kind) {
            if (!body.isObject() || WireJson.text(body, "key") == null) {
                throw new MalformedResponse(kind + " response had no instance key");
            }
            String key = WireJson.text(body, "key");
            List<TrustEvent> events = new ArrayList<>();
            // An embedded event that names other instances only is not about this one, as in the lists.
            JsonNode m = SObjectRow.field(body, "Maintenances");
            if (m != null && m.isArray()) {
                m.forEach(n -> addIfPresent(events, concerns(n, key) ? TrustEvents.maintenance(n) : null));
            }
            JsonNode i = SObjectRow.field(body, "Incidents");
            if (i != null && i.isArray()) {
                i.forEach(n -> addIfPresent(events, concerns(n, key) ? TrustEvents.incident(n) : null));
            }
            return new InstanceStatus(key, WireJson.text(body, "status"), events);
        }
    }

    private static void addIfPresent(List<TrustEvent> events, TrustEvent e) {
        if (e != null) {
            events.add(e);
        }
    }

    private static List<TrustEvent> events(JsonNode body, String kind, String instanceKey,
                                           java.util.function.Function<JsonNode, TrustEvent> map) {
        if (!body.isArray()) {
            throw new MalformedResponse(kind + " response was not an array");
        }
        List<TrustEvent> events = new ArrayList<>();
        for (JsonNode n : body) {
            if (concerns(n, instanceKey)) {
                addIfPresent(events, map.apply(n));
            }
        }
        return events;
    }

    /** The API filters by instance already; checked again here: instanceKeys lists it, or affectsAll. */
    private static boolean concerns(JsonNode event, String instanceKey) {
        if (Boolean.TRUE.equals(new SObjectRow(event).bool("affectsAll"))) {
            return true;
        }
        JsonNode keys = SObjectRow.field(event, "instanceKeys");
        if (keys == null || !keys.isArray() || keys.isEmpty()) {
            return true;
        }
        for (JsonNode k : keys) {
            if (k.asText().equalsIgnoreCase(instanceKey)) {
                return true;
            }
        }
        return false;
    }

    private JsonNode getJson(String kind, String path) {
        URI uri = URI.create(v1 + path);
        HttpReply reply = ResponseErrors.requireSuccess(kind, uri.getHost(), transport.send(HttpCall.get(kind, uri, ACCEPT_JSON)));
        return WireJson.parse(kind, reply.body());
    }

    /**
     * Instance keys and aliases go into the path: letters, digits, dot, dash, underscore only. Another
     * one (from an org's InstanceName, say) is an answer we cannot use, not a crash.
     */
    private static String name(String value) {
        if (value == null || !NAME.matcher(value).matches()) {
            throw new MalformedResponse("the instance key or alias is not one the Trust API serves (letters, digits, . _ - only)");
        }
        return value;
    }

    private static String time(Instant t) {
        return URLEncoder.encode(DateTimeFormatter.ISO_INSTANT.format(t), StandardCharsets.UTF_8);
    }
}
