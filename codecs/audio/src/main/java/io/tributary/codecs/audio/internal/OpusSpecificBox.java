package io.tributary.codecs.audio.internal;

import java.nio.ByteBuffer;

/**
 * The fields of an Opus Specific Box ({@code dOps}, "Encapsulation of Opus in ISO Base Media
 * File Format" §4.3.2) that RTP needs, and the box for a track that came over RTP.
 *
 * @param channels        OutputChannelCount
 * @param preSkip         PreSkip, in 48 kHz samples
 * @param inputSampleRate InputSampleRate, the rate the audio was captured at; 0 when unknown
 */
record OpusSpecificBox(int channels, int preSkip, long inputSampleRate) {
    /** Version, channels, pre-skip, input rate, gain, mapping family: the box without a channel mapping table. */
    static final int MIN_SIZE = 11;

    /**
     * Reads the box payload (after the box header).
     *
     * @throws IllegalArgumentException when it is shorter than {@value #MIN_SIZE} bytes, of an
     *                                  unknown version, or says no channels
     */
    static OpusSpecificBox parse(ByteBuffer dops) {
        ByteBuffer in = dops.duplicate();
        if (in.remaining() < MIN_SIZE) {
            throw new IllegalArgumentException("dOps of " + in.remaining() + " bytes, at least " + MIN_SIZE
                    + " expected");
        }
        int version = in.get() & 0xFF;
        if (version != 0) {
            throw new IllegalArgumentException("dOps version " + version);
        }
        int channels = in.get() & 0xFF;
        if (channels == 0) {
            throw new IllegalArgumentException("dOps with 0 channels");
        }
        int preSkip = in.getShort() & 0xFFFF;
        long inputSampleRate = in.getInt() & 0xFFFF_FFFFL;
        return new OpusSpecificBox(channels, preSkip, inputSampleRate);
    }

    /** The box payload: version 0, no output gain, channel mapping family 0 (mono or stereo). */
    ByteBuffer bytes() {
        ByteBuffer out = ByteBuffer.allocate(MIN_SIZE);
        out.put((byte) 0).put((byte) channels).putShort((short) preSkip).putInt((int) inputSampleRate)
                .putShort((short) 0).put((byte) 0);
        return out.flip();
    }
}
