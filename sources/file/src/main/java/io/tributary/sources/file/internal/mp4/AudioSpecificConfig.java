package io.tributary.sources.file.internal.mp4;

import java.io.IOException;

/**
 * The fields of an MPEG-4 AudioSpecificConfig (ISO/IEC 14496-3 §1.6.2.1) that describe an
 * RTP stream. For explicitly signalled SBR/PS (HE-AAC) the output (extension) rate is used.
 *
 * @param objectType audio object type (2 = AAC-LC, 5 = SBR, 29 = PS)
 * @param sampleRate sampling rate in Hz
 * @param channels   channel count, 0 when the config defers to a program config element
 */
record AudioSpecificConfig(int objectType, int sampleRate, int channels) {
    private static final int[] RATES = {96000, 88200, 64000, 48000, 44100, 32000, 24000, 22050, 16000, 12000,
            11025, 8000, 7350};
    private static final int[] CHANNELS = {0, 1, 2, 3, 4, 5, 6, 8, 0, 0, 0, 7, 8, 0, 8, 0};

    static AudioSpecificConfig parse(byte[] config) throws IOException {
        Bits bits = new Bits(config);
        int objectType = objectType(bits);
        int sampleRate = sampleRate(bits);
        int channels = CHANNELS[bits.read(4)];
        if (objectType == 5 || objectType == 29) {
            sampleRate = sampleRate(bits);
        }
        return new AudioSpecificConfig(objectType, sampleRate, channels);
    }

    private static int objectType(Bits bits) throws IOException {
        int type = bits.read(5);
        return type == 31 ? 32 + bits.read(6) : type;
    }

    private static int sampleRate(Bits bits) throws IOException {
        int index = bits.read(4);
        if (index == 15) {
            int rate = bits.read(24);
            if (rate == 0) {
                throw new IOException("AAC sampling frequency 0");
            }
            return rate;
        }
        if (index >= RATES.length) {
            throw new IOException("reserved AAC sampling frequency index " + index);
        }
        return RATES[index];
    }

    /** MSB-first bits of a byte array. */
    private static final class Bits {
        private final byte[] data;
        private int bit;

        Bits(byte[] data) {
            this.data = data;
        }

        int read(int count) throws IOException {
            if (bit + count > data.length * 8) {
                throw new IOException("AudioSpecificConfig too short (" + data.length + " bytes)");
            }
            int value = 0;
            for (int i = 0; i < count; i++, bit++) {
                value = value << 1 | (data[bit >>> 3] >>> (7 - (bit & 7))) & 1;
            }
            return value;
        }
    }
}
