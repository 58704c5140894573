package dev.logindoctor.sim;

import com.fasterxml.jackson.databind.JsonNode;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code POST composite} (docs/salesforce-wire-facts.md#rest-composite): up to 25 subrequests run in order,
 * {@code @{ref.path}} references resolved from earlier answers, HTTP 200 overall even when subrequests fail;
 * with allOrNone one failure turns every other answer into 400 PROCESSING_HALTED. Counted as one API request.
 */
final class CompositeExecutor {
    static final int MAX_SUBREQUESTS = 25;
    private static final Pattern REFERENCE = Pattern.compile("@\\{([A-Za-z0-9_]+)((?:\\.[A-Za-z0-9_]+|\\[\\d+])*)}");
    private static final Set<String> FORBIDDEN_HEADERS = Set.of("accept", "authorization", "content-type");
    private static final String ROLLED_BACK = "The transaction was rolled back since another operation in the same transaction failed.";

    private final RestEndpoint rest;

    CompositeExecutor(RestEndpoint rest) {
        this.rest = rest;
    }

    private record Answer(String referenceId, int status, Object body) {
    }

    RestEndpoint.RestResult run(byte[] raw, String userId, String version) {
        JsonNode req;
        try {
            req = HttpIo.JSON.readTree(raw);
        } catch (IOException e) {
            return RestEndpoint.RestResult.error(400, "JSON_PARSER_ERROR", "The request body is not valid JSON");
        }
        JsonNode subs = req == null ? null : req.get("compositeRequest");
        if (subs == null || !subs.isArray() || subs.isEmpty()) {
            return RestEndpoint.RestResult.error(400, "INVALID_INPUT", "compositeRequest must be a non-empty array");
        }
        if (subs.size() > MAX_SUBREQUESTS) {
            return RestEndpoint.RestResult.error(400, "LIMIT_EXCEEDED",
                    "Maximum number of subrequests exceeded: the limit is " + MAX_SUBREQUESTS + ", the request has " + subs.size());
        }
        for (JsonNode sub : subs) {
            JsonNode headers = sub.path("httpHeaders");
            for (var it = headers.fieldNames(); it.hasNext(); ) {
                String h = it.next();
                if (FORBIDDEN_HEADERS.contains(h.toLowerCase(Locale.ROOT))) {
                    return RestEndpoint.RestResult.error(400, "INVALID_INPUT",
                            "Subrequests can't set the " + h + " header: Accept, Authorization and Content-Type come from the composite request");
                }
            }
            if (!sub.hasNonNull("url") || !sub.hasNonNull("method") || !sub.hasNonNull("referenceId")) {
                return RestEndpoint.RestResult.error(400, "INVALID_INPUT", "every subrequest needs method, url and referenceId");
            }
        }
        boolean allOrNone = req.path("allOrNone").asBoolean(false);
        Map<String, Answer> byRef = new HashMap<>();
        List<Answer> answers = new ArrayList<>();
        boolean failed = false;
        for (JsonNode sub : subs) {
            String ref = sub.get("referenceId").asText();
            Answer a;
            if (allOrNone && failed) {
                a = new Answer(ref, 400, HttpIo.restError("PROCESSING_HALTED", ROLLED_BACK));
            } else {
                a = execute(sub, ref, byRef, userId, version);
            }
            failed |= a.status() >= 400;
            byRef.put(ref, a);
            answers.add(a);
        }
        if (allOrNone && failed) {
            List<Answer> halted = new ArrayList<>();
            boolean firstFailureKept = false;
            for (Answer a : answers) {
                if (a.status() >= 400 && !firstFailureKept) {
                    halted.add(a);
                    firstFailureKept = true;
                } else {
                    halted.add(new Answer(a.referenceId(), 400, HttpIo.restError("PROCESSING_HALTED", ROLLED_BACK)));
                }
            }
            answers = halted;
        }
        List<Map<String, Object>> out = new ArrayList<>();
        for (Answer a : answers) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("body", a.body());
            m.put("httpHeaders", Map.of());
            m.put("httpStatusCode", a.status());
            m.put("referenceId", a.referenceId());
            out.add(m);
        }
        return new RestEndpoint.RestResult(200, Map.of("compositeResponse", out));
    }

    private Answer execute(JsonNode sub, String ref, Map<String, Answer> byRef, String userId, String version) {
        String url = sub.get("url").asText();
        Matcher m = REFERENCE.matcher(url);
        StringBuilder resolved = new StringBuilder();
        while (m.find()) {
            String value = resolve(m.group(1), m.group(2), byRef);
            if (value == null) {
                String expr = m.group(1) + m.group(2);
                return new Answer(ref, 400, HttpIo.restError("PROCESSING_HALTED", "Invalid reference specified. No value for "
                        + expr + " found in " + m.group(1) + ". Provided referenceId ('" + m.group(1)
                        + "') must refer to an earlier subrequest that succeeded."));
            }
            m.appendReplacement(resolved, Matcher.quoteReplacement(value));
        }
        m.appendTail(resolved);
        if (!resolved.toString().startsWith("/services/data/v")) {
            return new Answer(ref, 400, HttpIo.restError("INVALID_INPUT", "The url of a subrequest must start with /services/data/vXX.X"));
        }
        RestEndpoint.RestResult r = rest.execute(sub.get("method").asText().toUpperCase(Locale.ROOT), resolved.toString(), userId);
        return new Answer(ref, r.status(), r.body());
    }

    /** Walks {@code .field} and {@code [n]} steps into an earlier successful answer; null when absent. */
    private static String resolve(String ref, String path, Map<String, Answer> byRef) {
        Answer a = byRef.get(ref);
        if (a == null || a.status() >= 400) {
            return null;
        }
        JsonNode node = RestEndpoint.tree(a.body());
        Matcher step = Pattern.compile("\\.([A-Za-z0-9_]+)|\\[(\\d+)]").matcher(path);
        while (step.find() && node != null) {
            node = step.group(1) != null ? node.get(step.group(1)) : node.get(Integer.parseInt(step.group(2)));
        }
        return node == null || node.isNull() || node.isContainerNode() ? null : node.asText();
    }
}
