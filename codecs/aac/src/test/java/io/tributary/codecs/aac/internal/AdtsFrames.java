package io.tributary.codecs.aac.internal;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

/** Splits an ADTS stream (ISO/IEC 14496-3 §1.A.2) into its raw AAC frames, for tests. */
final class AdtsFrames {
    private static final int SYNCWORD = 0xFFF;

    private AdtsFrames() {
    }

    /**
     * The raw frames (headers and CRC removed) of a stream with one raw data block per frame.
     *
     * @throws IllegalArgumentException when the stream is not ADTS
     */
    static List<byte[]> split(ByteBuffer adts) {
        List<byte[]> frames = new ArrayList<>();
        int pos = adts.position();
        while (pos < adts.limit()) {
            if (adts.limit() - pos < 7 || (adts.getShort(pos) & 0xFFFF) >>> 4 != SYNCWORD) {
                throw new IllegalArgumentException("no ADTS header at byte " + pos);
            }
            boolean protectionAbsent = (adts.get(pos + 1) & 1) != 0;
            int frameLength = (adts.get(pos + 3) & 0x03) << 11 | (adts.get(pos + 4) & 0xFF) << 3
                    | (adts.get(pos + 5) & 0xFF) >>> 5;
            int headerLength = protectionAbsent ? 7 : 9;
            if (frameLength < headerLength || frameLength > adts.limit() - pos) {
                throw new IllegalArgumentException("ADTS frame at byte " + pos + " of " + frameLength + " bytes");
            }
            byte[] frame = new byte[frameLength - headerLength];
            adts.get(pos + headerLength, frame);
            frames.add(frame);
            pos += frameLength;
        }
        return frames;
    }
}
