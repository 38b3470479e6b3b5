package io.tributary.engine.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.benmanes.caffeine.cache.Ticker;
import java.net.InetAddress;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class LoginFailuresTest {
    private final AtomicLong now = new AtomicLong(1_000_000_000L);
    private final Ticker ticker = now::get;
    private final LoginFailures failures = new LoginFailures(new LoginFailures.Settings(3, 6,
            Duration.ofMillis(1000), Duration.ofSeconds(30), Duration.ofMinutes(10), 100), ticker);
    private final InetAddress guesser = address("10.0.0.5");
    private final InetAddress other = address("10.0.0.6");

    private static InetAddress address(String text) {
        try {
            return InetAddress.getByName(text);
        } catch (java.net.UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void answersAreDelayedAfterAFewFailuresDoublingUpToTheCap() {
        for (int i = 0; i < 2; i++) {
            failures.failed(guesser, "alice");
            assertEquals(0, failures.delayMillis(guesser), "not delayed after " + (i + 1));
        }
        failures.failed(guesser, "alice");
        assertEquals(250, failures.delayMillis(guesser));
        failures.failed(guesser, "alice");
        assertEquals(500, failures.delayMillis(guesser));
        failures.failed(guesser, "alice");
        assertEquals(1000, failures.delayMillis(guesser), "capped");
        assertEquals(0, failures.delayMillis(other), "other addresses are not slowed");
    }

    @Test
    void anAddressIsRefusedAfterTooManyFailuresUntilTheBlockEndsAndThenStartsAfresh() {
        for (int i = 0; i < 5; i++) {
            failures.failed(guesser, "alice");
        }
        assertEquals(0, failures.blockedNanos(guesser));
        failures.failed(guesser, "alice");
        assertTrue(failures.blockedNanos(guesser) > Duration.ofSeconds(29).toNanos());
        assertEquals(0, failures.blockedNanos(other));
        now.addAndGet(Duration.ofSeconds(31).toNanos());
        assertEquals(0, failures.blockedNanos(guesser), "the block is over");
        assertEquals(0, failures.failures(guesser), "and the count starts afresh");
        assertEquals(0, failures.delayMillis(guesser));
    }

    @Test
    void failuresAreForgottenAfterAQuietWindow() {
        for (int i = 0; i < 4; i++) {
            failures.failed(guesser, "alice");
        }
        now.addAndGet(Duration.ofMinutes(41).toNanos());
        assertEquals(0, failures.failures(guesser));
    }

    @Test
    void trackedAddressesAreBounded() {
        for (int i = 0; i < 10_000; i++) {
            failures.failed(address("10.1." + (i >> 8) + "." + (i & 0xff)), "x");
        }
        assertTrue(failures.tracked() <= 100, "tracked " + failures.tracked());
    }
}
