package io.tributary.codecs.mp2t.internal;

import java.nio.ByteBuffer;
import java.util.BitSet;

/**
 * What a receiver learns from a transport stream's program tables (ISO/IEC 13818-1 §2.4.4):
 * which PIDs carry a program map (from the PAT) and which carry video (from the PMTs), and
 * what each packet is to someone who wants to start decoding. Only sections that begin in a
 * packet are read, as far as they lie in it: PATs and PMTs of real streams fit in one packet,
 * and a longer one only loses its entries past the packet. The state is two sets of the 8192
 * PIDs, whatever the stream sends.
 */
final class ProgramMap {
    /** What a packet is, for finding where a reader can start. */
    enum Kind {
        /** A program association section starts: the first thing a demultiplexer needs. */
        PAT,
        /** A program map section of a program of the last PAT starts. */
        PMT,
        /** A PES packet of a video stream starts with random_access_indicator set: a picture to start on. */
        VIDEO_RANDOM_ACCESS,
        /** A PES packet of a video stream starts without it. */
        VIDEO_START,
        /** Anything else (audio, data, continuations, null packets, damaged packets). */
        OTHER
    }

    private static final int PIDS = 8192;
    private static final int PAT_TABLE_ID = 0x00;
    private static final int PMT_TABLE_ID = 0x02;
    private static final int CRC_SIZE = 4;

    private final BitSet programMapPids = new BitSet(PIDS);
    private final BitSet videoPids = new BitSet(PIDS);

    /** Reads the packet at absolute offset {@code packet} of {@code data} (a whole packet) and says what it is. */
    Kind read(ByteBuffer data, int packet) {
        if (TsPacket.damaged(data, packet) || !TsPacket.unitStart(data, packet)) {
            return Kind.OTHER;
        }
        int pid = TsPacket.pid(data, packet);
        int payload = TsPacket.payloadOffset(data, packet);
        if (payload < 0) {
            return Kind.OTHER;
        }
        int end = packet + TsPacket.SIZE;
        if (pid == TsPacket.PAT_PID) {
            return readAssociation(data, payload, end) ? Kind.PAT : Kind.OTHER;
        }
        if (programMapPids.get(pid)) {
            return readProgramMap(data, payload, end) ? Kind.PMT : Kind.OTHER;
        }
        if (videoPids.get(pid)) {
            return TsPacket.randomAccess(data, packet) ? Kind.VIDEO_RANDOM_ACCESS : Kind.VIDEO_START;
        }
        return Kind.OTHER;
    }

    /** Whether the program tables read so far list a video stream. */
    boolean hasVideo() {
        return !videoPids.isEmpty();
    }

    /** The program map PIDs of the PAT, which replace the previous ones. */
    private boolean readAssociation(ByteBuffer data, int payload, int end) {
        int section = sectionStart(data, payload, end, PAT_TABLE_ID);
        if (section < 0) {
            return false;
        }
        programMapPids.clear();
        int entriesEnd = entriesEnd(data, section, end);
        for (int at = section + 8; at + 4 <= entriesEnd; at += 4) {
            int program = (data.get(at) & 0xFF) << 8 | data.get(at + 1) & 0xFF;
            if (program != 0) { // program 0 points at the network information table
                programMapPids.set((data.get(at + 2) & 0x1F) << 8 | data.get(at + 3) & 0xFF);
            }
        }
        return true;
    }

    /** Marks each elementary stream of the PMT as video or not by its stream_type. */
    private boolean readProgramMap(ByteBuffer data, int payload, int end) {
        int section = sectionStart(data, payload, end, PMT_TABLE_ID);
        if (section < 0 || section + 12 > end) {
            return false;
        }
        int programInfoLength = (data.get(section + 10) & 0x0F) << 8 | data.get(section + 11) & 0xFF;
        int entriesEnd = entriesEnd(data, section, end);
        int at = section + 12 + programInfoLength;
        while (at + 5 <= entriesEnd) {
            int streamType = data.get(at) & 0xFF;
            int pid = (data.get(at + 1) & 0x1F) << 8 | data.get(at + 2) & 0xFF;
            videoPids.set(pid, isVideo(streamType));
            at += 5 + ((data.get(at + 3) & 0x0F) << 8 | data.get(at + 4) & 0xFF);
        }
        return true;
    }

    /** Where the section with {@code tableId} after the pointer_field starts, or -1. */
    private static int sectionStart(ByteBuffer data, int payload, int end, int tableId) {
        int section = payload + 1 + (data.get(payload) & 0xFF);
        if (section + 3 > end || (data.get(section) & 0xFF) != tableId) {
            return -1;
        }
        return section;
    }

    /** The end of a section's entries (before its CRC), cut at the packet's end. */
    private static int entriesEnd(ByteBuffer data, int section, int end) {
        int sectionLength = (data.get(section + 1) & 0x0F) << 8 | data.get(section + 2) & 0xFF;
        return Math.min(section + 3 + sectionLength - CRC_SIZE, end);
    }

    /**
     * The video stream_types (ISO/IEC 13818-1 Table 2-34 and its amendments): MPEG-1 and -2
     * video, MPEG-4 Visual, H.264, H.265, H.266, and VC-1 as SMPTE registers it.
     */
    private static boolean isVideo(int streamType) {
        return switch (streamType) {
            case 0x01, 0x02, 0x10, 0x1B, 0x24, 0x33, 0xEA -> true;
            default -> false;
        };
    }
}
