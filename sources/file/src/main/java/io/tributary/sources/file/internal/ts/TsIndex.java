package io.tributary.sources.file.internal.ts;

import java.util.List;

/**
 * What one pass over a transport stream found: its packet size and playable tracks. Immutable,
 * so one index serves every session that opens the file.
 *
 * @param packetSize 188, or 192 for M2TS
 * @param tracks     the playable tracks, in PMT order
 * @param droppedPes PES packets dropped (continuity gaps, bad headers, wrong lengths, no time)
 */
record TsIndex(int packetSize, List<TsTrack> tracks, int droppedPes) {
    TsIndex {
        tracks = List.copyOf(tracks);
    }

    /** Memory held, for the cache's bound. */
    long memory() {
        long bytes = 256;
        for (TsTrack track : tracks) {
            bytes += track.samples().memory() + track.format().codecConfig().capacity() + 128;
        }
        return bytes;
    }
}
