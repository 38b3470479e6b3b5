package io.tributary.sources.file.internal.ts;

/**
 * The fixed and variable header of an ADTS frame (ISO/IEC 13818-7 §6.2, ISO/IEC 14496-3
 * §1.A.2.2): 7 bytes, followed by a 16-bit CRC when {@code protection_absent} is 0.
 *
 * @param objectType  MPEG-4 audio object type ({@code profile} + 1: 2 = AAC-LC)
 * @param rateIndex   sampling_frequency_index, below 13
 * @param channels    channel_configuration, 1 to 7 (0, a program config element, is refused)
 * @param headerSize  7, or 9 with the CRC
 * @param frameLength the whole frame with its header, in bytes
 * @param blocks      raw data blocks in the frame (1 to 4)
 */
record AdtsHeader(int objectType, int rateIndex, int channels, int headerSize, int frameLength, int blocks) {
    static final int FIXED_SIZE = 7;
    private static final int[] RATES = {96000, 88200, 64000, 48000, 44100, 32000, 24000, 22050, 16000, 12000,
            11025, 8000, 7350};
    /** The channel counts of channel_configuration 1 to 7 (7 is 7.1: eight channels). */
    private static final int[] CHANNELS = {0, 1, 2, 3, 4, 5, 6, 8};

    /** Whether two bytes start an ADTS header: the 12-bit syncword and layer 0. */
    static boolean isSync(int first, int second) {
        return first == 0xFF && (second & 0xF6) == 0xF0;
    }

    /**
     * Reads the 7 header bytes at {@code b[at]}, whose first two bytes passed {@link #isSync}.
     *
     * @return the header, or {@code null} when it is not a frame this demuxer can use (reserved
     *         rate, channel configuration 0, a length shorter than the header)
     */
    static AdtsHeader parse(byte[] b, int at) {
        int protectionAbsent = b[at + 1] & 1;
        int profile = (b[at + 2] & 0xC0) >> 6;
        int rateIndex = (b[at + 2] & 0x3C) >> 2;
        int channels = (b[at + 2] & 0x01) << 2 | (b[at + 3] & 0xC0) >> 6;
        int frameLength = (b[at + 3] & 0x03) << 11 | (b[at + 4] & 0xFF) << 3 | (b[at + 5] & 0xE0) >> 5;
        int blocks = (b[at + 6] & 0x03) + 1;
        int headerSize = protectionAbsent == 1 ? FIXED_SIZE : FIXED_SIZE + 2;
        if (rateIndex >= RATES.length || channels == 0 || frameLength <= headerSize) {
            return null;
        }
        return new AdtsHeader(profile + 1, rateIndex, channels, headerSize, frameLength, blocks);
    }

    int sampleRate() {
        return RATES[rateIndex];
    }

    int channelCount() {
        return CHANNELS[channels];
    }

    /** The raw data block(s) after the header and CRC. */
    int rawSize() {
        return frameLength - headerSize;
    }

    /** The AudioSpecificConfig (ISO/IEC 14496-3 §1.6.2.1) of this stream: object type, rate index, channels. */
    byte[] audioSpecificConfig() {
        return new byte[] {(byte) (objectType << 3 | rateIndex >> 1), (byte) ((rateIndex & 1) << 7 | channels << 3)};
    }

    /** Same stream parameters (a change mid-stream would need a new description). */
    boolean sameStream(AdtsHeader other) {
        return objectType == other.objectType && rateIndex == other.rateIndex && channels == other.channels;
    }
}
