package io.tributary.codecs.aac.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.ByteBuffer;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

class AudioSpecificConfigTest {
    @Test
    void parsesAacLc48kHzStereo() {
        assertEquals(new AudioSpecificConfig(2, 48000, 2, 1024), parse("1190"));
        assertEquals(2, parse("1190").channels());
    }

    @Test
    void frameLengthFlagMeans960SamplesPerFrame() {
        assertEquals(960, parse("1194").frameLength());
    }

    @Test
    void readsAnExplicit24BitSamplingFrequency() {
        assertEquals(new AudioSpecificConfig(2, 48000, 2, 1024), parse("17805DC010"));
    }

    @Test
    void readsPastExplicitSbrAndPsSignallingToTheCoreConfig() {
        assertEquals(new AudioSpecificConfig(5, 24000, 2, 1024), parse("2B1188"));
        assertEquals(new AudioSpecificConfig(29, 24000, 1, 960), parse("EB098A"));
    }

    @Test
    void resolvesTheObjectTypeEscapeAndRejectsTypesWithoutGaSpecificConfig() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> parse("F8E640"));
        assertEquals("AudioSpecificConfig: audio object type 39 is not an AAC type with GASpecificConfig",
                e.getMessage());
    }

    @Test
    void rejectsAReservedSamplingFrequencyIndex() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> parse("1690"));
        assertEquals("AudioSpecificConfig: reserved sampling frequency index 13", e.getMessage());
    }

    @Test
    void rejectsATruncatedConfigSayingWhere() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> parse("11"));
        assertEquals("AudioSpecificConfig ends after 1 bytes, a field at bit 5 needs 4 bits", e.getMessage());
    }

    @Test
    void channelConfigurationZeroLeavesTheChannelCountOpen() {
        assertEquals(0, parse("1180").channels());
    }

    @FuzzTest
    void anyBytesParseOrFailWithIllegalArgument(byte[] data) {
        AudioSpecificConfig config;
        try {
            config = AudioSpecificConfig.parse(ByteBuffer.wrap(data));
        } catch (IllegalArgumentException expected) {
            return;
        }
        assertTrue(config.sampleRate() > 0);
        assertTrue(config.frameLength() == 1024 || config.frameLength() == 960);
    }

    private static AudioSpecificConfig parse(String hex) {
        return AudioSpecificConfig.parse(ByteBuffer.wrap(HexFormat.of().parseHex(hex)));
    }
}
