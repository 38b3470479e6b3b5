package io.tributary.codecs.vpx.internal;

import io.tributary.api.media.Encoding;

/** The RTP clock both VP8 and VP9 are sent at. */
final class VideoClock {
    static final int RATE = 90_000;

    private VideoClock() {
    }

    /**
     * Refuses a clock rate other than 90000.
     *
     * @throws IllegalArgumentException naming the encoding and track
     */
    static void check(String name, int index, Encoding encoding) {
        if (encoding.clockRate() != RATE) {
            throw new IllegalArgumentException(name + " track " + index + ": clock rate " + encoding.clockRate()
                    + ", but " + name + " is sent at " + RATE);
        }
    }
}
