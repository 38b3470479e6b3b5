package io.tributary.sources.file.internal.container;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.function.IntToLongFunction;
import org.junit.jupiter.api.Test;

class SyncSamplesTest {
    /** Ten samples 3000 ticks apart, as 30 fps video in a 90 kHz clock. */
    private static final IntToLongFunction EVERY_3000 = sample -> 3000L * sample;

    @Test
    void seekStartsAtTheLastKeyframeAtOrBeforeTheTime() {
        SyncSamples keyframes = SyncSamples.of(new int[] {0, 4, 8, 99}, 3);
        assertEquals(3, keyframes.count(), "only the first three entries count");
        assertTrue(keyframes.contains(4));
        assertFalse(keyframes.contains(5));
        assertEquals(4, keyframes.seekIndex(12_000, EVERY_3000), "exactly at a keyframe");
        assertEquals(4, keyframes.seekIndex(23_999, EVERY_3000), "between keyframes");
        assertEquals(8, keyframes.seekIndex(Long.MAX_VALUE, EVERY_3000), "past the end");
    }

    @Test
    void seekBeforeTheFirstSyncSampleStartsAtTheFirstSample() {
        SyncSamples keyframes = SyncSamples.of(new int[] {2, 6}, 2);
        assertEquals(0, keyframes.seekIndex(5999, EVERY_3000));
        assertEquals(2, keyframes.seekIndex(6000, EVERY_3000));
    }

    @Test
    void whenEverySampleIsSyncTheSeekFindsTheSamplePlayingAtTheTime() {
        SyncSamples audio = SyncSamples.all(10);
        assertEquals(10, audio.count());
        assertTrue(audio.contains(7));
        assertEquals(7, audio.seekIndex(21_001, EVERY_3000));
        assertEquals(0, audio.seekIndex(-1, EVERY_3000));
        assertEquals(0, audio.memory());
    }
}
