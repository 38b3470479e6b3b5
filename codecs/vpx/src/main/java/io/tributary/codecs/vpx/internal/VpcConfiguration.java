package io.tributary.codecs.vpx.internal;

import java.nio.ByteBuffer;

/**
 * A VP9 track's configuration: the body of an ISO-BMFF {@code vpcC} box ("VP Codec ISO Media
 * File Format Binding" §2.2): version 1 and 24 bits of flags, then the
 * VPCodecConfigurationRecord {@code profile(8) level(8) bitDepth(4) chromaSubsampling(3)
 * videoFullRangeFlag(1) colourPrimaries(8) transferCharacteristics(8) matrixCoefficients(8)
 * codecInitializationDataSize(16)} and that many bytes (0 for VP9).
 *
 * @param profile  0 to 3, SDP's {@code profile-id}
 * @param level    the level times ten, e.g. 31 for level 3.1 (0 when not given)
 * @param bitDepth 8, 10 or 12
 */
record VpcConfiguration(int profile, int level, int bitDepth) {
    private static final int HEADER = 4;
    private static final int FIXED_FIELDS = 8;

    /**
     * Reads the box body between {@code vpcC}'s position and limit (the buffer is not moved).
     *
     * @throws IllegalArgumentException when it is not a version 1 record, is cut short, or names a
     *                                  profile above 3 or a bit depth other than 8, 10 or 12
     */
    static VpcConfiguration parse(ByteBuffer vpcC) {
        ByteBuffer in = vpcC.slice();
        if (in.remaining() < HEADER + FIXED_FIELDS) {
            throw new IllegalArgumentException("vpcC of " + in.remaining() + " bytes: a version 1 record has at least "
                    + (HEADER + FIXED_FIELDS));
        }
        int version = in.get(0) & 0xFF;
        if (version != 1) {
            throw new IllegalArgumentException("vpcC version " + version + ": only version 1 is read");
        }
        int profile = in.get(4) & 0xFF;
        int level = in.get(5) & 0xFF;
        int bitDepth = (in.get(6) & 0xFF) >>> 4;
        int initializationSize = in.getShort(10) & 0xFFFF;
        if (profile > 3) {
            throw new IllegalArgumentException("vpcC profile " + profile + ": VP9 has profiles 0 to 3");
        }
        if (bitDepth != 8 && bitDepth != 10 && bitDepth != 12) {
            throw new IllegalArgumentException("vpcC bit depth " + bitDepth + ": VP9 has 8, 10 or 12");
        }
        if (initializationSize > in.remaining() - HEADER - FIXED_FIELDS) {
            throw new IllegalArgumentException("vpcC codec initialization data of " + initializationSize
                    + " bytes where " + (in.remaining() - HEADER - FIXED_FIELDS) + " are left");
        }
        return new VpcConfiguration(profile, level, bitDepth);
    }

    /** A version 1 box body with these fields, 4:2:0 colocated chroma, limited range, unspecified colours. */
    ByteBuffer record() {
        ByteBuffer out = ByteBuffer.allocate(HEADER + FIXED_FIELDS);
        out.putInt(1 << 24).put((byte) profile).put((byte) level).put((byte) (bitDepth << 4 | 1 << 1));
        out.put((byte) 2).put((byte) 2).put((byte) 2).putShort((short) 0);
        return out.flip().asReadOnlyBuffer();
    }
}
