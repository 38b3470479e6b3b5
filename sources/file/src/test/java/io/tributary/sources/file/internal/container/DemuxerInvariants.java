package io.tributary.sources.file.internal.container;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;

/**
 * What every demuxer's index must satisfy on any input it accepts, however hostile: the fuzz
 * tests of all containers check these, and add their own per sample.
 */
public final class DemuxerInvariants {
    /** Samples checked per track and input: enough to reach the index's end on small inputs. */
    private static final int SAMPLES_PER_TRACK = 2000;

    /** A container's own check of one sample (reading it, its bytes, its order). */
    @FunctionalInterface
    public interface SampleCheck {
        void check(int track, int sample) throws IOException;
    }

    private DemuxerInvariants() {
    }

    /**
     * Checks each track of a file made of {@code inputLength} bytes: it has samples, no more than
     * the input has bytes; the first samples decode no later than they show and seek within the
     * track, and pass {@code check}; the duration and bitrate are not negative.
     */
    public static void assertHold(ContainerFile file, int inputLength, SampleCheck check) throws IOException {
        for (int t = 0; t < file.tracks().size(); t++) {
            ContainerTrack track = file.tracks().get(t);
            int samples = track.sampleCount();
            assertTrue(samples > 0 && samples <= inputLength, "sample count bounded by the file: " + samples);
            for (int i = 0; i < Math.min(samples, SAMPLES_PER_TRACK); i++) {
                long pts = track.presentationTime(i);
                assertTrue(track.decodeTime(i) <= pts, "decode time after presentation time");
                int seek = track.seekIndex(pts);
                assertTrue(seek >= 0 && seek < samples, "seek index in range");
                track.isSync(i);
                check.check(t, i);
            }
            assertTrue(!track.duration().isNegative() && track.bitrate() >= 0, "duration and bitrate");
        }
    }
}
