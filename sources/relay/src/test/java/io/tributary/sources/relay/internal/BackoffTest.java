package io.tributary.sources.relay.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.HashSet;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

class BackoffTest {
    private static final Duration MIN = Duration.ofSeconds(1);
    private static final Duration MAX = Duration.ofSeconds(30);

    @Test
    void waitsDoubleFromTheMinimumWithinTheUpperHalfOfEachCeiling() {
        Random random = new Random(42);
        Backoff backoff = new Backoff(MIN, MAX, random::nextDouble);
        long ceiling = MIN.toMillis();
        for (int failure = 0; failure < 12; failure++) {
            long wait = backoff.next().toMillis();
            long lower = Math.max(MIN.toMillis(), ceiling / 2);
            assertTrue(wait >= lower && wait <= ceiling,
                    "failure " + failure + ": wait " + wait + " ms outside [" + lower + ", " + ceiling + "]");
            ceiling = Math.min(ceiling * 2, MAX.toMillis());
        }
    }

    @Test
    void theFirstRetryWaitsTheMinimumAndNoWaitExceedsTheMaximum() {
        for (double r : new double[] {0, 0.5, 0.999999}) {
            Backoff backoff = new Backoff(MIN, MAX, () -> r);
            assertEquals(MIN, backoff.next(), "first wait with random " + r);
            for (int i = 0; i < 100; i++) {
                assertTrue(backoff.next().compareTo(MAX) <= 0);
            }
        }
    }

    @Test
    void manyRelaysFailingTogetherSpreadTheirRetries() {
        Random random = new Random(7);
        Set<Long> thirdWaits = new HashSet<>();
        for (int relay = 0; relay < 50; relay++) {
            Backoff backoff = new Backoff(MIN, MAX, random::nextDouble);
            backoff.next();
            backoff.next();
            thirdWaits.add(backoff.next().toMillis());
        }
        assertTrue(thirdWaits.size() > 25, "distinct third waits of 50 relays: " + thirdWaits.size());
    }

    @Test
    void aResetStartsOverAtTheMinimum() {
        Backoff backoff = new Backoff(MIN, MAX, () -> 0.5);
        for (int i = 0; i < 6; i++) {
            backoff.next();
        }
        assertEquals(6, backoff.failures());
        backoff.reset();
        assertEquals(0, backoff.failures());
        assertEquals(MIN, backoff.next());
    }

    @Test
    void manyFailuresNeitherOverflowNorGrowPastTheMaximum() {
        Backoff backoff = new Backoff(MIN, MAX, () -> 0.999);
        Duration last = Duration.ZERO;
        for (int i = 0; i < 10_000; i++) {
            last = backoff.next();
        }
        assertTrue(last.compareTo(MAX.dividedBy(2)) >= 0 && last.compareTo(MAX) <= 0, last.toString());
    }

    @Test
    void equalMinimumAndMaximumGiveAFixedWait() {
        Backoff backoff = new Backoff(Duration.ofSeconds(2), Duration.ofSeconds(2), () -> 0.3);
        for (int i = 0; i < 5; i++) {
            assertEquals(Duration.ofSeconds(2), backoff.next());
        }
    }

    @Test
    void aMaximumBelowTheMinimumIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> new Backoff(MAX, MIN, () -> 0));
        assertThrows(IllegalArgumentException.class, () -> new Backoff(Duration.ZERO, MAX, () -> 0));
    }
}
