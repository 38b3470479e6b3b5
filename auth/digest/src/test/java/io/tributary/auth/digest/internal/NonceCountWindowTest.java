package io.tributary.auth.digest.internal;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Each nonce count is accepted once, in any order within 64 of the highest. */
class NonceCountWindowTest {
    private final NonceCountWindow window = new NonceCountWindow();

    @Test
    void increasingCountsAreAcceptedAndRepeatsRefused() {
        assertTrue(window.accept(1));
        assertTrue(window.accept(2));
        assertFalse(window.accept(2));
        assertFalse(window.accept(1));
        assertTrue(window.accept(3));
    }

    @Test
    void lowerCountNotSeenYetIsAcceptedOnce() {
        assertTrue(window.accept(5));
        assertTrue(window.accept(3));
        assertFalse(window.accept(3));
        assertTrue(window.accept(4));
        assertFalse(window.accept(5));
        assertTrue(window.accept(1));
    }

    @Test
    void countsFromSixtyFourBelowTheHighestAreRefused() {
        assertTrue(window.accept(100));
        assertTrue(window.accept(37)); // 63 below: still in the window
        assertFalse(window.accept(36)); // 64 below: too old to tell
        assertFalse(window.accept(0));
    }

    @Test
    void bigJumpForgetsTheOldWindowButNotTheNewHighest() {
        assertTrue(window.accept(1));
        assertTrue(window.accept(1000));
        assertFalse(window.accept(1000));
        assertTrue(window.accept(999));
        assertTrue(window.accept(0xFFFFFFFFL));
        assertFalse(window.accept(0xFFFFFFFFL));
    }

    @Test
    void countZeroIsAnOrdinaryFirstCount() {
        assertTrue(window.accept(0));
        assertFalse(window.accept(0));
        assertTrue(window.accept(1));
    }
}
