package io.tributary.sources.file.internal.mp4;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

class AudioSpecificConfigTest {
    @Test
    void aacLcAt48kHzStereo() throws IOException {
        assertEquals(new AudioSpecificConfig(2, 48000, 2), parse("1190"));
    }

    @Test
    void aacLcAt44100HzMono() throws IOException {
        assertEquals(new AudioSpecificConfig(2, 44100, 1), parse("1208"));
    }

    @Test
    void anExplicitFrequencyFollowsIndex15() throws IOException {
        // AOT 2, index 15, frequency 0x00BB80 = 48000, channels 2
        assertEquals(new AudioSpecificConfig(2, 48000, 2), parse("17805dc010"));
    }

    @Test
    void explicitHeAacAnnouncesItsOutputRate() throws IOException {
        // AOT 5 (SBR), core 24 kHz (index 6), stereo, extension 48 kHz (index 3), then AOT 2
        assertEquals(new AudioSpecificConfig(5, 48000, 2), parse("2b1188"));
    }

    @Test
    void anEscapedObjectTypeIsRead() throws IOException {
        // AOT 31 + 6 bits (10) = 42 (USAC), index 3, channels 2
        assertEquals(42, parse("f94640").objectType());
    }

    @Test
    void truncatedOrReservedConfigsAreRejected() {
        assertThrows(IOException.class, () -> parse("11"));
        assertThrows(IOException.class, () -> parse("16b0"));
        assertThrows(IOException.class, () -> parse(""));
    }

    private static AudioSpecificConfig parse(String hex) throws IOException {
        return AudioSpecificConfig.parse(HexFormat.of().parseHex(hex));
    }
}
