package dev.logindoctor.sim;

import java.util.Locale;

/**
 * A fault injected into one kind of endpoint.
 *
 * @param kind      soap, token, query, composite, describe, tooling or trust
 * @param type      latency, hang, reset, status, throttle, truncate or html
 * @param latencyMs for latency: the added delay
 * @param status    for status (default 500) and html (default 200): the HTTP status
 * @param body      for status: the body (default a short text)
 * @param times     fault only the first n matching requests; null = every request
 */
public record FaultSpec(String kind, String type, Long latencyMs, Integer status, String body, Integer times) {

    public FaultSpec {
        if (kind == null || !EndpointKind.isKnown(kind)) {
            throw new IllegalArgumentException("fault kind must be one of " + EndpointKind.NAMES + ", got " + kind);
        }
        kind = kind.toLowerCase(Locale.ROOT);
        if (type == null) {
            throw new IllegalArgumentException("fault type is required: latency, hang, reset, status, throttle, truncate or html");
        }
        type = type.toLowerCase(Locale.ROOT);
        if (!java.util.Set.of("latency", "hang", "reset", "status", "throttle", "truncate", "html").contains(type)) {
            throw new IllegalArgumentException("unknown fault type " + type);
        }
        if (type.equals("latency") && (latencyMs == null || latencyMs < 0)) {
            throw new IllegalArgumentException("a latency fault needs latencyMs >= 0");
        }
    }
}
