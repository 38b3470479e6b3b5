package io.tributary.sources.file.internal.container;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class TimescaleTest {
    @Test
    void rescaleRoundsHalfUpWithoutOverflow() {
        assertEquals(3600, Timescale.rescale(512, 90000, 12800));
        assertEquals(-3600, Timescale.rescale(-512, 90000, 12800));
        assertEquals(1, Timescale.rescale(1, 1, 2));
        assertEquals(0, Timescale.rescale(-1, 1, 2));
        long hours = 1000L * 3600 * 12800;
        assertEquals(1000L * 3600 * 90000, Timescale.rescale(hours, 90000, 12800));
        assertArrayEquals(new long[] {33, 67}, new long[] {Timescale.rescale(1, 100, 3), Timescale.rescale(2, 100, 3)});
    }

    @Test
    void bitrateIsBytesOverTheDurationAndZeroWithoutOne() {
        assertEquals(64_000, Timescale.bitrate(16_000, Duration.ofSeconds(2)));
        assertEquals(0, Timescale.bitrate(16_000, Duration.ZERO));
    }
}
