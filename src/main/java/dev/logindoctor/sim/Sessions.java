package dev.logindoctor.sim;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Access tokens (= session ids) the sim issued. A session lives {@code timeoutMinutes} on the sim
 * clock after its last use, like Salesforce's session timeout; an admin call can expire them all.
 */
final class Sessions {
    private final Map<String, Session> byToken = new ConcurrentHashMap<>();
    private final SimClock clock;
    private final String orgId;
    private final int timeoutMinutes;

    record Session(String userId, Instant created, Instant lastUsed) {
    }

    Sessions(SimClock clock, String orgId, int timeoutMinutes) {
        this.clock = clock;
        this.orgId = orgId;
        this.timeoutMinutes = timeoutMinutes;
    }

    /** A new session id shaped like Salesforce's: the org id, "!", and an opaque part. */
    String open(String userId) {
        String token = orgId.substring(0, 15) + "!AQ" + SimIds.random(4) + "." + SimIds.random(96);
        Instant now = clock.now();
        byToken.put(token, new Session(userId, now, now));
        return token;
    }

    /** The session's user when the token is known and not expired; using it extends it. */
    Optional<String> use(String token) {
        if (token == null) {
            return Optional.empty();
        }
        Session s = byToken.get(token);
        Instant now = clock.now();
        if (s == null) {
            return Optional.empty();
        }
        if (now.isAfter(s.lastUsed().plus(Duration.ofMinutes(timeoutMinutes)))) {
            byToken.remove(token);
            return Optional.empty();
        }
        byToken.put(token, new Session(s.userId(), s.created(), now));
        return Optional.of(s.userId());
    }

    void expireAll() {
        byToken.clear();
    }

    int secondsValid() {
        return timeoutMinutes * 60;
    }
}
