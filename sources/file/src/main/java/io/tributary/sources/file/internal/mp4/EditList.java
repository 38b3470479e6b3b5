package io.tributary.sources.file.internal.mp4;

import java.io.IOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What an edit list ({@code elst}) says about where a track starts on the movie timeline:
 * leading empty edits delay it, and the first media edit names the media time shown first
 * (ffmpeg writes 1024 for AAC priming, two frame durations for B-frame delay). Later edits
 * (cuts, repeats) and rates other than 1 are not applied.
 *
 * @param delay     movie-timescale ticks of empty edits before the track starts
 * @param mediaTime media-timescale time that plays at the start of the first media edit
 * @param duration  movie-timescale ticks of the first media edit; 0 when unknown
 */
record EditList(long delay, long mediaTime, long duration) {
    /** No edit list: the media plays from time 0. */
    static final EditList NONE = new EditList(0, 0, 0);

    private static final Logger LOG = LoggerFactory.getLogger(EditList.class);

    static EditList parse(BoxCursor elst) throws IOException {
        int version = elst.version();
        int entries = elst.count(elst.remaining() / (version == 1 ? 20 : 12), "elst: entry count");
        long delay = 0;
        for (int e = 0; e < entries; e++) {
            long duration = version == 1 ? elst.i64() : elst.u32();
            long mediaTime = version == 1 ? elst.i64() : elst.i32();
            elst.skip(4); // media rate
            if (duration < 0 || duration > Long.MAX_VALUE - delay) {
                throw new IOException("elst: invalid segment duration " + duration);
            }
            if (mediaTime == -1) {
                delay += duration;
            } else if (mediaTime < 0) {
                throw new IOException("elst: invalid media time " + mediaTime);
            } else {
                if (e + 1 < entries) {
                    LOG.debug("edit list of {} entries: only the first media edit is applied", entries);
                }
                return new EditList(delay, mediaTime, duration);
            }
        }
        return new EditList(delay, 0, 0);
    }
}
