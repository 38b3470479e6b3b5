package io.tributary.sources.file.internal.ts;

import java.util.Arrays;

/**
 * Follows the Annex B byte stream (ITU-T H.264/H.265 Annex B) of one access unit as its bytes
 * arrive packet by packet: notes whether it holds a random access picture (H.264 IDR, type 5;
 * H.265 IRAP, types 16 to 23) and keeps the first parameter sets. Start codes may straddle
 * packets; nothing but parameter sets is copied.
 */
final class NalScanner {
    private static final int H264_IDR = 5;
    private static final int H265_IRAP_FIRST = 16;
    private static final int H265_IRAP_LAST = 23;

    private final boolean hevc;
    private final ParameterSets parameterSets;
    private int zeros;
    private boolean atHeader;
    private boolean keyframe;
    private byte[] unit = new byte[0];
    private int unitLength = -1;
    private int unitType;

    NalScanner(boolean hevc, ParameterSets parameterSets) {
        this.hevc = hevc;
        this.parameterSets = parameterSets;
    }

    /** Starts a new access unit. */
    void reset() {
        zeros = 0;
        atHeader = false;
        keyframe = false;
        unitLength = -1;
    }

    boolean keyframe() {
        return keyframe;
    }

    void feed(byte[] b, int from, int to) {
        for (int i = from; i < to; i++) {
            int v = b[i] & 0xFF;
            if (atHeader) {
                atHeader = false;
                zeros = 0;
                header(v);
                continue;
            }
            if (unitLength >= 0) {
                append(v);
            }
            if (v == 0) {
                zeros++;
            } else {
                if (v == 1 && zeros >= 2) {
                    endUnit(true);
                    atHeader = true;
                }
                zeros = 0;
            }
        }
    }

    /** The access unit ended: keeps a parameter set that ran to its end. */
    void end() {
        endUnit(false);
    }

    private void header(int first) {
        int type = hevc ? (first >> 1) & 0x3F : first & 0x1F;
        if (hevc ? type >= H265_IRAP_FIRST && type <= H265_IRAP_LAST : type == H264_IDR) {
            keyframe = true;
        }
        if (parameterSets.wants(type)) {
            unitType = type;
            unitLength = 0;
            append(first);
        }
    }

    private void append(int v) {
        if (unitLength >= ParameterSets.MAX_SIZE + 4) {
            unitLength = -1; // larger than a record holds: not kept
            return;
        }
        if (unitLength == unit.length) {
            unit = Arrays.copyOf(unit, Math.max(64, unit.length * 2));
        }
        unit[unitLength++] = (byte) v;
    }

    /**
     * Ends the unit being kept, without the start code that ended it ({@code 01} and the zeros
     * before it, which include any trailing_zero_8bits).
     */
    private void endUnit(boolean byStartCode) {
        if (unitLength < 0) {
            return;
        }
        int length = byStartCode ? unitLength - 1 : unitLength;
        while (length > 0 && unit[length - 1] == 0) {
            length--;
        }
        unitLength = -1;
        if (length > 1 && length <= ParameterSets.MAX_SIZE) {
            parameterSets.add(unitType, Arrays.copyOf(unit, length));
        }
    }
}
