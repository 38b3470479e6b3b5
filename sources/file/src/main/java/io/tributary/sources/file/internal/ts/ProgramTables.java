package io.tributary.sources.file.internal.ts;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the program association and program map sections (ISO/IEC 13818-1 §2.4.4.3, §2.4.4.8).
 * The CRC is not checked: a wrong table shows as streams that do not parse, which the demuxer
 * handles anyway.
 */
final class ProgramTables {
    private static final int PAT_TABLE = 0x00;
    private static final int PMT_TABLE = 0x02;
    private static final int CRC_SIZE = 4;

    /**
     * An elementary stream of the program.
     *
     * @param descriptors bytes of descriptors the PMT gives the stream (0: none)
     */
    record ElementaryStream(int pid, int streamType, int descriptors) {
    }

    private ProgramTables() {
    }

    /** The PMT PID of the first program of a PAT section (program 0 is the network PID, skipped), or -1. */
    static int firstProgramMapPid(byte[] pat) throws IOException {
        int end = sectionEnd(pat, PAT_TABLE, "PAT");
        for (int at = 8; at + 4 <= end; at += 4) {
            int program = (pat[at] & 0xFF) << 8 | pat[at + 1] & 0xFF;
            if (program != 0) {
                return (pat[at + 2] & 0x1F) << 8 | pat[at + 3] & 0xFF;
            }
        }
        return -1;
    }

    /** The elementary streams of a PMT section, in their order. */
    static List<ElementaryStream> streams(byte[] pmt) throws IOException {
        int end = sectionEnd(pmt, PMT_TABLE, "PMT");
        if (end < 12) {
            throw new IOException("PMT section of " + pmt.length + " bytes");
        }
        int at = 12 + ((pmt[10] & 0x0F) << 8 | pmt[11] & 0xFF); // program_info descriptors
        List<ElementaryStream> streams = new ArrayList<>();
        while (at + 5 <= end) {
            int type = pmt[at] & 0xFF;
            int pid = (pmt[at + 1] & 0x1F) << 8 | pmt[at + 2] & 0xFF;
            int descriptors = (pmt[at + 3] & 0x0F) << 8 | pmt[at + 4] & 0xFF;
            streams.add(new ElementaryStream(pid, type, descriptors));
            at += 5 + descriptors;
        }
        return streams;
    }

    /** Where the section's entries end (before the CRC). */
    private static int sectionEnd(byte[] section, int tableId, String name) throws IOException {
        if (section.length < 8 + CRC_SIZE || (section[0] & 0xFF) != tableId) {
            throw new IOException("not a " + name + " section (table 0x" + Integer.toHexString(section[0] & 0xFF)
                    + ", " + section.length + " bytes)");
        }
        return section.length - CRC_SIZE;
    }
}
