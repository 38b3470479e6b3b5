package io.tributary.sources.file.internal.mkv;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import org.junit.jupiter.api.Test;

class DecodeTimesTest {
    @Test
    void inOrderFramesDecodeWhenTheyArePresented() {
        assertArrayEquals(new long[] {0, 10, 20, 30}, DecodeTimes.derive(new long[] {0, 10, 20, 30}));
    }

    @Test
    void bPyramidGetsTheSmallestDelayThatKeepsDecodeBeforePresentation() {
        // I P B(ref) b b: decode order of presentation slots 0 4 2 1 3, a delay of two frames
        assertArrayEquals(new long[] {-80, -40, 0, 40, 80}, DecodeTimes.derive(new long[] {0, 160, 80, 40, 120}));
    }

    @Test
    void equalPresentationTimesStillDecodeInStrictOrder() {
        assertArrayEquals(new long[] {-1, 0, 20}, DecodeTimes.derive(new long[] {0, 0, 20}));
    }

    @Test
    void oneFrameDecodesWhenItIsPresented() {
        assertArrayEquals(new long[] {7}, DecodeTimes.derive(new long[] {7}));
    }
}
