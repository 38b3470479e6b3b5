package io.tributary.codecs.h264.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

class AvcConfigurationTest {
    @Test
    void parsesTheFieldsAndParameterSetsOfARealAvcC() {
        AvcConfiguration config = AvcConfiguration.parse(ByteBuffer.wrap(Fixtures.AVCC));

        assertEquals(0x4D, config.profile());
        assertEquals(0x40, config.compatibility());
        assertEquals(0x1E, config.level());
        assertEquals(4, config.lengthSize());
        assertEquals(1, config.sps().size());
        assertEquals(1, config.pps().size());
        assertArrayEquals(Fixtures.SPS, Fixtures.bytes(config.sps().getFirst()));
        assertArrayEquals(Fixtures.PPS, Fixtures.bytes(config.pps().getFirst()));
    }

    @Test
    void profileLevelIdIsTheThreeSpsBytesAfterTheHeaderInHex() {
        assertEquals("4D401E", AvcConfiguration.parse(ByteBuffer.wrap(Fixtures.AVCC)).profileLevelId());
    }

    @Test
    void spropParameterSetsIsBase64SpsCommaPps() {
        assertEquals("Z01AHuygUBf8uAiAAAADAIAAAB4HixbL,aOvjyyA=",
                AvcConfiguration.parse(ByteBuffer.wrap(Fixtures.AVCC)).spropParameterSets());
    }

    @Test
    void ignoresTheHighProfileExtensionAfterThePps() {
        byte[] extended = Arrays.copyOf(Fixtures.AVCC, Fixtures.AVCC.length + 4);
        extended[Fixtures.AVCC.length] = (byte) 0xFD;
        assertEquals("4D401E", AvcConfiguration.parse(ByteBuffer.wrap(extended)).profileLevelId());
    }

    @Test
    void parameterSetsAreWholeNalUnitsWhateverAReaderDidToTheStoredBuffers() {
        AvcConfiguration config = AvcConfiguration.parse(ByteBuffer.wrap(Fixtures.AVCC));
        config.sps().getFirst().position(3);

        assertArrayEquals(Fixtures.SPS, Fixtures.bytes(config.parameterSets().get(0)));
        assertArrayEquals(Fixtures.PPS, Fixtures.bytes(config.parameterSets().get(1)));
        assertEquals("Z01AHuygUBf8uAiAAAADAIAAAB4HixbL,aOvjyyA=", config.spropParameterSets());
    }

    @Test
    void rejectsATruncatedRecordSayingWhere() {
        byte[] truncated = Arrays.copyOf(Fixtures.AVCC, 20);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> AvcConfiguration.parse(ByteBuffer.wrap(truncated)));
        assertEquals("avcC: SPS 0 has 24 bytes but only 12 remain", e.getMessage());
    }

    @Test
    void rejectsAnotherConfigurationVersion() {
        byte[] bad = Fixtures.AVCC.clone();
        bad[0] = 2;
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> AvcConfiguration.parse(ByteBuffer.wrap(bad)));
        assertEquals("avcC: configurationVersion 2, expected 1", e.getMessage());
    }

    @Test
    void rejectsARecordWithoutPps() {
        byte[] noPps = HexFormat.of().parseHex("014d401effe10018674d401eeca05017fcb80880000003008000001e078b16cb00");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> AvcConfiguration.parse(ByteBuffer.wrap(noPps)));
        assertEquals("avcC: no PPS", e.getMessage());
    }

    @Test
    void rejectsAPpsEntryThatIsNotAPps() {
        byte[] swapped = Fixtures.AVCC.clone();
        swapped[swapped.length - 5] = 0x65;
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> AvcConfiguration.parse(ByteBuffer.wrap(swapped)));
        assertTrue(e.getMessage().startsWith("avcC: a PPS entry is not a PPS NAL unit"), e.getMessage());
    }

    @Test
    void writesTheRecordItWasParsedFrom() {
        AvcConfiguration config = AvcConfiguration.parse(ByteBuffer.wrap(Fixtures.AVCC));

        assertArrayEquals(Fixtures.AVCC, Fixtures.bytes(config.record()));
    }

    @Test
    void aConfigurationOfParameterSetsTakesProfileAndLevelFromTheSpsAndFourByteLengths() {
        AvcConfiguration config = AvcConfiguration.of(
                List.of(ByteBuffer.wrap(Fixtures.SPS)), List.of(ByteBuffer.wrap(Fixtures.PPS)));

        assertEquals(AvcConfiguration.parse(ByteBuffer.wrap(Fixtures.AVCC)), config);
        assertArrayEquals(Fixtures.AVCC, Fixtures.bytes(config.record()));
    }

    @Test
    void severalParameterSetsKeepTheirOrderInTheRecord() {
        byte[] secondSps = Fixtures.nal(0x67, 30, 1);
        byte[] secondPps = Fixtures.nal(0x68, 7, 2);
        AvcConfiguration config = AvcConfiguration.of(
                List.of(ByteBuffer.wrap(Fixtures.SPS), ByteBuffer.wrap(secondSps)),
                List.of(ByteBuffer.wrap(Fixtures.PPS), ByteBuffer.wrap(secondPps)));

        AvcConfiguration reread = AvcConfiguration.parse(config.record());
        assertArrayEquals(secondSps, Fixtures.bytes(reread.sps().get(1)));
        assertArrayEquals(secondPps, Fixtures.bytes(reread.pps().get(1)));
    }

    @Test
    void refusesMoreParameterSetsThanTheRecordCanCount() {
        List<ByteBuffer> thirtyTwo = Collections.nCopies(32, ByteBuffer.wrap(Fixtures.SPS));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> AvcConfiguration.of(thirtyTwo, List.of(ByteBuffer.wrap(Fixtures.PPS))));
        assertEquals("avcC: 32 SPSs, at most 31 fit in the record", e.getMessage());
    }

    @Test
    void refusesAParameterSetLongerThanASixteenBitLength() {
        List<ByteBuffer> huge = List.of(ByteBuffer.wrap(Fixtures.nal(0x68, 0x1_0000, 3)));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> AvcConfiguration.of(List.of(ByteBuffer.wrap(Fixtures.SPS)), huge));
        assertEquals("avcC: a PPS of 65536 bytes exceeds the 65535 a record can hold", e.getMessage());
    }

    @FuzzTest
    void anyBytesParseOrFailWithIllegalArgument(byte[] data) {
        AvcConfiguration config;
        try {
            config = AvcConfiguration.parse(ByteBuffer.wrap(data));
        } catch (IllegalArgumentException expected) {
            return;
        }
        assertEquals(6, config.profileLevelId().length());
        assertTrue(config.spropParameterSets().contains(","));
        assertEquals(config, AvcConfiguration.parse(config.record()));
    }
}
