package dev.logindoctor.sim;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;

import java.io.IOException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code /_sim/...}: the test and demo controls. Not Salesforce; never counted as API requests and
 * never faulted.
 */
final class AdminEndpoint {
    private final SimulatedOrg sim;

    AdminEndpoint(SimulatedOrg sim) {
        this.sim = sim;
    }

    void handle(HttpExchange ex) throws IOException {
        String path = ex.getRequestURI().getPath();
        String method = ex.getRequestMethod();
        Map<String, String> query = HttpIo.parseForm(ex.getRequestURI().getRawQuery());
        byte[] raw = HttpIo.readBody(ex);
        try {
            switch (method + " " + path) {
                case "GET /_sim/attempts" -> {
                    String username = query.get("username");
                    if (username == null || username.isBlank()) {
                        error(ex, 400, "username is required");
                        return;
                    }
                    SimulatedOrg.Attempts a = sim.attempts(username);
                    HttpIo.sendJson(ex, 200, Map.of("attempts", a.attempts(), "failed", a.failed()));
                }
                case "GET /_sim/requests" -> {
                    SimulatedOrg.RequestCounts c = sim.requestCounts();
                    Map<String, Object> out = new LinkedHashMap<>();
                    out.put("soap", c.soap());
                    out.put("token", c.token());
                    out.put("query", c.query());
                    out.put("composite", c.composite());
                    out.put("describe", c.describe());
                    out.put("tooling", c.tooling());
                    out.put("trust", c.trust());
                    out.put("total", c.total());
                    HttpIo.sendJson(ex, 200, out);
                }
                case "GET /_sim/clock" -> HttpIo.sendJson(ex, 200, Map.of("now", sim.now().toString()));
                case "POST /_sim/clock" -> {
                    String now = body(raw).path("now").asText(null);
                    if (now == null) {
                        error(ex, 400, "now is required, e.g. {\"now\":\"2026-11-27T10:15:00Z\"}");
                        return;
                    }
                    sim.clock().set(Instant.parse(now));
                    HttpIo.sendJson(ex, 200, Map.of("now", sim.now().toString()));
                }
                case "POST /_sim/password" -> {
                    JsonNode b = body(raw);
                    String username = b.path("username").asText(null);
                    String newPassword = b.path("newPassword").asText(null);
                    if (username == null || newPassword == null) {
                        error(ex, 400, "username and newPassword are required");
                        return;
                    }
                    sim.changePassword(username, newPassword);
                    HttpIo.sendJson(ex, 200, Map.of("username", username, "passwordChanged", true, "securityTokenReset", true));
                }
                case "POST /_sim/reset-counters" -> {
                    sim.resetCounters();
                    HttpIo.sendJson(ex, 200, Map.of("reset", true));
                }
                case "POST /_sim/expire-sessions" -> {
                    sim.expireSessions();
                    HttpIo.sendJson(ex, 200, Map.of("expired", true));
                }
                case "GET /_sim/faults" -> HttpIo.sendJson(ex, 200, sim.faults().active());
                case "POST /_sim/faults" -> {
                    JsonNode b = body(raw);
                    int added = 0;
                    for (JsonNode f : b.isArray() ? b : HttpIo.JSON.createArrayNode().add(b)) {
                        sim.addFault(SimScenarios.MAPPER.treeToValue(f, FaultSpec.class));
                        added++;
                    }
                    HttpIo.sendJson(ex, 200, Map.of("added", added));
                }
                case "DELETE /_sim/faults" -> {
                    sim.clearFaults();
                    HttpIo.sendJson(ex, 200, Map.of("cleared", true));
                }
                default -> error(ex, 404, "no admin endpoint " + method + " " + path);
            }
        } catch (IllegalArgumentException | DateTimeParseException | com.fasterxml.jackson.core.JsonProcessingException e) {
            error(ex, 400, e instanceof com.fasterxml.jackson.core.JsonProcessingException j ? j.getOriginalMessage() : e.getMessage());
        }
    }

    private static JsonNode body(byte[] raw) throws IOException {
        if (raw.length == 0) {
            return HttpIo.JSON.createObjectNode();
        }
        return HttpIo.JSON.readTree(raw);
    }

    private static void error(HttpExchange ex, int status, String message) throws IOException {
        HttpIo.sendJson(ex, status, Map.of("error", message == null ? "bad request" : message));
    }
}
