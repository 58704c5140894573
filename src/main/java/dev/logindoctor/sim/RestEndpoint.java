package dev.logindoctor.sim;

import com.sun.net.httpserver.HttpExchange;

import java.io.IOException;

final class RestEndpoint {
    private final SimulatedOrg sim;

    RestEndpoint(SimulatedOrg sim) {
        this.sim = sim;
    }

    static EndpointKind kindOf(String path) {
        return EndpointKind.QUERY;
    }

    void handle(HttpExchange ex) throws IOException {
        HttpIo.sendRestError(ex, 404, "NOT_FOUND", "not yet");
    }
}
