package dev.logindoctor.sim;

import com.sun.net.httpserver.HttpExchange;

import java.io.IOException;

final class TrustEndpoint {
    private final SimulatedOrg sim;

    TrustEndpoint(SimulatedOrg sim) {
        this.sim = sim;
    }

    void handle(HttpExchange ex) throws IOException {
        HttpIo.sendJson(ex, 404, java.util.Map.of("message", "not yet"));
    }
}
