package dev.logindoctor.aws;

import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RecentExecutionsTest {

    /** A clock the test moves by hand. */
    private static final class HandClock extends Clock {
        Instant now = Instant.parse("2026-11-27T10:16:00Z");

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    @Test
    void aConfirmedNameIsRememberedForOneFailureWindowThenForgotten() {
        HandClock clock = new HandClock();
        RecentExecutions recent = new RecentExecutions(clock);
        assertFalse(recent.contains("billing-sync-20261127T1015-0123456789abcdef"));

        recent.remember("billing-sync-20261127T1015-0123456789abcdef");
        clock.now = clock.now.plus(Duration.ofMinutes(14));
        assertTrue(recent.contains("billing-sync-20261127T1015-0123456789abcdef"));

        clock.now = clock.now.plus(Duration.ofMinutes(1));
        assertFalse(recent.contains("billing-sync-20261127T1015-0123456789abcdef"), "kept for 15 minutes, not longer");
        assertEquals(0, recent.size(), "an expired name is dropped when met");
    }

    @Test
    void pastCapacityTheLeastRecentlyUsedNameGoesFirst() {
        RecentExecutions recent = new RecentExecutions(new HandClock(), 2);
        recent.remember("a");
        recent.remember("b");
        assertTrue(recent.contains("a"));
        recent.remember("c");

        assertEquals(2, recent.size());
        assertTrue(recent.contains("a"), "used just before c came");
        assertFalse(recent.contains("b"), "the least recently used name was evicted");
        assertTrue(recent.contains("c"));
    }
}
