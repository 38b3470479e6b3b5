package io.tributary.engine.handler;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class PlayRateTest {
    @Test
    void theNearestSupportedScaleKeepsTheDirectionAndPrefersTheFasterOfTwo() {
        assertEquals(2, PlayRate.nearest(2.4));
        assertEquals(4, PlayRate.nearest(3));
        assertEquals(8, PlayRate.nearest(100));
        assertEquals(1, PlayRate.nearest(0.1));
        assertEquals(-1, PlayRate.nearest(-0.2));
        assertEquals(-4, PlayRate.nearest(-3));
        assertEquals(-4, PlayRate.nearest(-64));
    }

    @Test
    void scalesAreListedForMediaProperties() {
        assertEquals("Scales=\"-4, -2, -1, 1, 2, 4, 8\"", PlayRate.scalesProperty());
    }
}
