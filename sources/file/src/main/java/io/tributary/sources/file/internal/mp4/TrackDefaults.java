package io.tributary.sources.file.internal.mp4;

import io.tributary.sources.file.internal.mp4.BoxCursor.Box;
import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What the fragments of a track assume when their headers leave it out: the sample defaults of
 * a track extends box ({@code trex}, ISO/IEC 14496-12 §8.8.3), which a track fragment header
 * ({@code tfhd}) may override.
 *
 * @param duration decode duration of a sample in the media timescale
 * @param size     size of a sample in bytes
 * @param flags    sample flags (§8.8.3.1: {@code sample_depends_on}, {@code sample_is_non_sync_sample}, …)
 */
record TrackDefaults(long duration, long size, int flags) {
    /** For a fragment of a track without {@code trex}: everything must come from the fragment. */
    static final TrackDefaults NONE = new TrackDefaults(0, 0, 0);

    private static final int NON_SYNC = 0x0001_0000;
    private static final int DEPENDS_ON_NOTHING = 2;

    /** The defaults of each track id in a movie extends box ({@code mvex}). */
    static Map<Long, TrackDefaults> parse(List<Box> mvex) throws IOException {
        Map<Long, TrackDefaults> byTrack = new HashMap<>();
        for (Box box : mvex) {
            if (box.type().equals("trex")) {
                BoxCursor trex = box.payload();
                trex.version();
                long trackId = trex.u32();
                trex.u32(); // sample description index: only the first description is used
                byTrack.putIfAbsent(trackId, new TrackDefaults(trex.u32(), trex.u32(), trex.i32()));
            }
        }
        return byTrack;
    }

    /**
     * Whether sample flags mark a sync sample: not {@code sample_is_non_sync_sample}, or
     * {@code sample_depends_on} 2 (depends on no other sample) whatever that bit says.
     */
    static boolean isSync(int sampleFlags) {
        return (sampleFlags & NON_SYNC) == 0 || (sampleFlags >>> 24 & 3) == DEPENDS_ON_NOTHING;
    }
}
