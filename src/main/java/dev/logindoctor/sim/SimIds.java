package dev.logindoctor.sim;

import dev.logindoctor.model.SalesforceId;

import java.security.SecureRandom;
import java.util.concurrent.atomic.AtomicLong;

/** Makes record ids and secrets shaped like Salesforce's: 18-char ids with a valid case suffix. */
final class SimIds {
    private static final String BASE62 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
    private static final SecureRandom RANDOM = new SecureRandom();
    private final AtomicLong counter = new AtomicLong(1000);
    private final String pod;

    /** {@code pod} is the 3 characters after the key prefix (e.g. "5g0"), taken from the org id. */
    SimIds(String orgId) {
        this.pod = orgId != null && orgId.length() >= 6 ? orgId.substring(3, 6) : "5g0";
    }

    /** A fresh 18-char id with the object's key prefix ("005", "0Ya", ...). */
    String next(String keyPrefix) {
        long n = counter.incrementAndGet();
        StringBuilder tail = new StringBuilder();
        for (int i = 0; i < 9; i++) {
            tail.insert(0, BASE62.charAt((int) (n % 62)));
            n /= 62;
        }
        return SalesforceId.to18(keyPrefix + pod + tail);
    }

    /** A random alphanumeric string, for tokens and session ids. */
    static String random(int length) {
        StringBuilder sb = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            sb.append(BASE62.charAt(RANDOM.nextInt(BASE62.length())));
        }
        return sb.toString();
    }
}
