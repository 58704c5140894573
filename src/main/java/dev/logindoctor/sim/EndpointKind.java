package dev.logindoctor.sim;

import java.util.List;
import java.util.Locale;

/** The kinds of endpoint the sim counts requests for and can inject faults into. */
public enum EndpointKind {
    SOAP, TOKEN, QUERY, COMPOSITE, DESCRIBE, TOOLING, TRUST;

    static final List<String> NAMES = List.of("soap", "token", "query", "composite", "describe", "tooling", "trust");

    static boolean isKnown(String name) {
        return NAMES.contains(name.toLowerCase(Locale.ROOT));
    }

    static EndpointKind of(String name) {
        return valueOf(name.toUpperCase(Locale.ROOT));
    }

    String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** REST kinds are throttled the REST way (403 REQUEST_LIMIT_EXCEEDED); the others with a 503. */
    boolean isRest() {
        return this == QUERY || this == COMPOSITE || this == DESCRIBE || this == TOOLING;
    }

    /** Requests to the org's API; Trust is Salesforce's public status site, not the org. */
    boolean isOrgApi() {
        return this != TRUST;
    }
}
