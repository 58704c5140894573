package dev.logindoctor.aws;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The execution names this warm instance has already started (or found taken), so a storm of
 * identical reports costs one StartExecution call per instance instead of one per report: every
 * StartExecution, a duplicate included, draws on the account's Step Functions quota, which a storm
 * could exhaust for everything else in the account. Only what Step Functions confirmed is
 * remembered (a throttled or failed start is not). A name is kept for one failure window
 * ({@link ExecutionName#WINDOW_SECONDS}) after it was confirmed: reports of that failure arrive within it,
 * and forgetting early only costs a call (Step Functions still refuses a taken name). Bounded: the
 * least recently used name goes first. Thread-safe; never in a SnapStart snapshot (it starts empty
 * in the constructor and nothing is remembered during init).
 */
final class RecentExecutions {
    static final int CAPACITY = 1024;
    static final Duration KEEP_FOR = Duration.ofSeconds(ExecutionName.WINDOW_SECONDS);

    private final Clock clock;
    private final int capacity;
    private final Map<String, Instant> expiries;

    RecentExecutions(Clock clock) {
        this(clock, CAPACITY);
    }

    RecentExecutions(Clock clock, int capacity) {
        this.clock = clock;
        this.capacity = capacity;
        this.expiries = new LinkedHashMap<>(64, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Instant> eldest) {
                return size() > RecentExecutions.this.capacity;
            }
        };
    }

    /** True when Step Functions already confirmed this name here within the window. */
    synchronized boolean contains(String executionName) {
        Instant expires = expiries.get(executionName);
        if (expires == null) {
            return false;
        }
        if (!clock.instant().isBefore(expires)) {
            expiries.remove(executionName);
            return false;
        }
        return true;
    }

    /** Step Functions answered for this name: it is taken (started now or before). */
    synchronized void remember(String executionName) {
        expiries.put(executionName, clock.instant().plus(KEEP_FOR));
    }

    synchronized int size() {
        return expiries.size();
    }
}
