package io.tributary.sources.file.internal.ts;

/**
 * The header fields of one transport stream packet (ISO/IEC 13818-1 §2.4.3.2), read in place
 * from a buffer that holds the packet at {@code at} (its sync byte). No allocation: the index
 * pass reads every packet of the file through these.
 */
final class TsPacket {
    /** A packet without the M2TS timecode prefix. */
    static final int SIZE = 188;
    static final int SYNC = 0x47;
    static final int PAT_PID = 0;
    static final int NULL_PID = 0x1FFF;

    private TsPacket() {
    }

    static boolean synced(byte[] b, int at) {
        return (b[at] & 0xFF) == SYNC;
    }

    static int pid(byte[] b, int at) {
        return (b[at + 1] & 0x1F) << 8 | b[at + 2] & 0xFF;
    }

    /** payload_unit_start_indicator: a PES or section starts in this packet. */
    static boolean unitStart(byte[] b, int at) {
        return (b[at + 1] & 0x40) != 0;
    }

    static int continuity(byte[] b, int at) {
        return b[at + 3] & 0x0F;
    }

    static boolean hasPayload(byte[] b, int at) {
        return (b[at + 3] & 0x10) != 0;
    }

    /** discontinuity_indicator of the adaptation field: the continuity counter may jump here. */
    static boolean discontinuity(byte[] b, int at) {
        return (b[at + 3] & 0x20) != 0 && (b[at + 4] & 0xFF) > 0 && (b[at + 5] & 0x80) != 0;
    }

    /**
     * Where the payload starts (after the adaptation field), or {@code at + SIZE} when the
     * packet has no payload or its adaptation field claims more than the packet holds.
     */
    static int payloadStart(byte[] b, int at) {
        if (!hasPayload(b, at)) {
            return at + SIZE;
        }
        if ((b[at + 3] & 0x20) == 0) {
            return at + 4;
        }
        int start = at + 5 + (b[at + 4] & 0xFF);
        return Math.min(start, at + SIZE);
    }
}
