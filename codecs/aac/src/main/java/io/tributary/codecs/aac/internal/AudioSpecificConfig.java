package io.tributary.codecs.aac.internal;

import java.nio.ByteBuffer;

/**
 * The parts of an MPEG-4 {@code AudioSpecificConfig} (ISO/IEC 14496-3 §1.6.2.1) that RTP needs.
 * Only object types carrying a {@code GASpecificConfig} (AAC Main, LC, SSR, LTP, scalable,
 * TwinVQ and their ER variants, and those under explicit SBR/PS signalling) are accepted.
 *
 * @param objectType           audio object type as signalled first (2 = AAC-LC, 5 = SBR, 29 = PS),
 *                             escape 31 resolved
 * @param sampleRate           sampling frequency in Hz (the core rate under explicit SBR/PS)
 * @param channelConfiguration {@code channelConfiguration} (0 = defined by a program config element)
 * @param frameLength          samples per frame at {@code sampleRate}: 1024, or 960 when
 *                             {@code frameLengthFlag} is set
 */
record AudioSpecificConfig(int objectType, int sampleRate, int channelConfiguration, int frameLength) {
    private static final int[] SAMPLE_RATES = {
        96000, 88200, 64000, 48000, 44100, 32000, 24000, 22050, 16000, 12000, 11025, 8000, 7350
    };
    private static final int SBR = 5;
    private static final int PS = 29;
    private static final int ER_BSAC = 22;

    /**
     * Parses the buffer's remaining bytes (its position is not changed).
     *
     * @throws IllegalArgumentException when the config is truncated, uses a reserved value or an
     *                                  object type without {@code GASpecificConfig}
     */
    static AudioSpecificConfig parse(ByteBuffer config) {
        BitReader in = new BitReader(config, "AudioSpecificConfig");
        int objectType = objectType(in);
        int sampleRate = sampleRate(in);
        int channelConfiguration = in.read(4);
        int coreType = objectType;
        if (objectType == SBR || objectType == PS) {
            sampleRate(in);
            coreType = objectType(in);
            if (coreType == ER_BSAC) {
                in.read(4);
            }
        }
        if (!hasGaSpecificConfig(coreType)) {
            throw new IllegalArgumentException("AudioSpecificConfig: audio object type " + coreType
                    + " is not an AAC type with GASpecificConfig");
        }
        int frameLength = in.read(1) == 1 ? 960 : 1024;
        return new AudioSpecificConfig(objectType, sampleRate, channelConfiguration, frameLength);
    }

    /** Channels implied by {@link #channelConfiguration}, 0 when it does not say. */
    int channels() {
        return switch (channelConfiguration) {
            case 1, 2, 3, 4, 5, 6 -> channelConfiguration;
            case 7, 12, 14 -> 8;
            case 11 -> 7;
            default -> 0;
        };
    }

    private static int objectType(BitReader in) {
        int type = in.read(5);
        return type == 31 ? 32 + in.read(6) : type;
    }

    private static int sampleRate(BitReader in) {
        int index = in.read(4);
        if (index == 15) {
            int rate = in.read(24);
            if (rate == 0) {
                throw new IllegalArgumentException("AudioSpecificConfig: explicit sampling frequency 0");
            }
            return rate;
        }
        if (index >= SAMPLE_RATES.length) {
            throw new IllegalArgumentException("AudioSpecificConfig: reserved sampling frequency index " + index);
        }
        return SAMPLE_RATES[index];
    }

    private static boolean hasGaSpecificConfig(int objectType) {
        return switch (objectType) {
            case 1, 2, 3, 4, 6, 7, 17, 19, 20, 21, 22, 23 -> true;
            default -> false;
        };
    }
}
