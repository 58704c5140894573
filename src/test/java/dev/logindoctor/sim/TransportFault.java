package dev.logindoctor.sim;

/**
 * The ten ways a network and a misbehaving server fail a request, as {@link FaultProxy} plays them
 * on one kind of request. Where a server would echo what the request carried (the bearer token,
 * the JWT assertion), the error bodies echo it raw, URL-encoded and JSON-escaped: what must never
 * reach an output.
 */
public enum TransportFault {
    /** Nothing listens: the client's connect is refused (the request never reaches the proxy's server). */
    CONNECTION_REFUSED,
    /** The server takes the request and never answers. */
    HANG,
    /** A 500 with an HTML error page, echoing the credential URL-encoded. */
    HTML_500,
    /** A 503 with {@code Retry-After: 3600}: a client that obeyed it would sleep an hour. */
    UNAVAILABLE_503_RETRY_AFTER,
    /** A 401 in the kind's own error shape, echoing the credential in every encoding. */
    UNAUTHORIZED_401,
    /** The real answer's headers with its full Content-Length, half its body, then the connection closes. */
    TRUNCATED_BODY,
    /** A 200 whose JSON body runs to 10 MB, sent chunked (no Content-Length to refuse it by). */
    BODY_10_MB,
    /** A 200 with a JSON content type and a body that is no JSON, carrying a session-id-shaped token. */
    INVALID_JSON,
    /**
     * On the composite request: the real answer with every sub-request turned into a 500. Token and
     * Trust requests have no sub-requests: there, a 500 with a JSON error body of the kind's shape.
     */
    SUBREQUESTS_500,
    /** The real answer, one byte a second. */
    DRIP_1_BYTE_PER_SECOND;

    /** The HTTP request kinds a fault can be aimed at: the org's token and composite requests, and Trust. */
    public enum Target {
        TOKEN, COMPOSITE, TRUST
    }
}
