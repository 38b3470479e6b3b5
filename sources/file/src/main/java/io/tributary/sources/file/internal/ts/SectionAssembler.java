package io.tributary.sources.file.internal.ts;

/**
 * Reassembles the first complete PSI section (ISO/IEC 13818-1 §2.4.4) of one PID from its
 * packets' payloads: sections may span packets. Bounded by the largest section the standard
 * allows; a section whose packets skip (a continuity gap) is started over at the next unit start.
 */
final class SectionAssembler {
    /** section_length is at most 1021 for PAT and PMT, plus the three bytes before it. */
    private static final int MAX_SECTION = 1024;

    private final byte[] section = new byte[MAX_SECTION];
    private int filled = -1;
    private int expectedContinuity = -1;

    /**
     * Feeds one packet of the PID.
     *
     * @return the complete section, or {@code null} while none is
     */
    byte[] feed(byte[] b, int at) {
        int start = TsPacket.payloadStart(b, at);
        int end = at + TsPacket.SIZE;
        if (start >= end) {
            return null;
        }
        int continuity = TsPacket.continuity(b, at);
        if (filled >= 0 && continuity != expectedContinuity) {
            filled = -1; // lost the section's middle
        }
        expectedContinuity = (continuity + 1) & 0x0F;
        if (TsPacket.unitStart(b, at)) {
            start += 1 + (b[start] & 0xFF); // pointer_field: the rest of a previous section comes first
            if (start >= end) {
                return null;
            }
            filled = 0;
        } else if (filled < 0) {
            return null;
        }
        int copy = Math.min(end - start, MAX_SECTION - filled);
        System.arraycopy(b, start, section, filled, copy);
        filled += copy;
        if (filled >= 3) {
            int total = 3 + ((section[1] & 0x0F) << 8 | section[2] & 0xFF);
            if (total > MAX_SECTION) {
                filled = -1;
            } else if (filled >= total) {
                filled = -1;
                return java.util.Arrays.copyOf(section, total);
            }
        }
        return null;
    }
}
