package io.tributary.auth.digest.internal;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Nonce counts are kept per nonce, for as long as a nonce lives. */
class NonceCountsTest {
    private final TestClock clock = new TestClock();
    private final NonceCounts counts = new NonceCounts(Duration.ofSeconds(300), clock);

    @Test
    void eachNonceHasItsOwnCounts() {
        assertTrue(counts.firstUse("a", 1));
        assertTrue(counts.firstUse("b", 1));
        assertFalse(counts.firstUse("a", 1));
        assertFalse(counts.firstUse("b", 1));
    }

    @Test
    void countsAreForgottenOneNonceLifetimeAfterFirstUse() {
        assertTrue(counts.firstUse("a", 1));
        clock.advance(Duration.ofSeconds(299));
        assertFalse(counts.firstUse("a", 1));
        clock.advance(Duration.ofSeconds(2));
        // by now the nonce itself is refused as expired: forgetting its counts opens no replay
        assertTrue(counts.firstUse("a", 1));
    }
}
