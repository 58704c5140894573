package dev.logindoctor.salesforce;

import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Access tokens of diagnostics connections, kept per process (a warm Lambda instance, a CLI run) and keyed by
 * login URL + username + client id, so a diagnosis usually spends no token request. A token older than
 * {@link #MAX_AGE} is not reused (Salesforce's default session timeout is 2 hours,
 * docs/salesforce-wire-facts.md#rest-errors-and-session-expiry, and an org may set it as low as 15 minutes; a
 * stale one costs one re-authentication). Holds secrets in memory only: {@link #clear()} before a snapshot
 * (SnapStart) and after restore.
 */
public final class TokenCache {
    public static final Duration MAX_AGE = Duration.ofMinutes(30);
    private static final TokenCache SHARED = new TokenCache();

    /** A live session: where to send API calls and the token to send. */
    public record Session(String instanceUrl, AccessToken token, Instant obtainedAt) {
    }

    private final Map<String, Session> sessions = new ConcurrentHashMap<>();

    /** The process-wide cache. */
    public static TokenCache shared() {
        return SHARED;
    }

    static String key(String loginUrl, String username, String clientId) {
        return loginUrl.toLowerCase(Locale.ROOT) + "|" + username.toLowerCase(Locale.ROOT) + "|" + clientId;
    }

    Session get(String key, Instant now) {
        Session s = sessions.get(key);
        if (s == null) {
            return null;
        }
        if (s.obtainedAt().plus(MAX_AGE).isBefore(now)) {
            sessions.remove(key, s);
            return null;
        }
        return s;
    }

    void put(String key, Session session) {
        sessions.put(key, session);
    }

    /** Forgets a session Salesforce refused, unless another caller already replaced it. */
    void invalidate(String key, Session stale) {
        sessions.remove(key, stale);
    }

    public void clear() {
        sessions.clear();
    }

    public int size() {
        return sessions.size();
    }

    @Override
    public String toString() {
        return "TokenCache[" + sessions.size() + " sessions]";
    }
}
