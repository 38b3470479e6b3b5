package io.tributary.codecs.aac.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.tributary.api.media.AccessUnit;
import io.tributary.api.media.Encoding;
import io.tributary.api.media.MediaType;
import io.tributary.api.media.TrackDescription;
import io.tributary.api.payload.Depacketizer;
import io.tributary.api.payload.SdpAttributes;
import io.tributary.api.testing.FmtpRoundTrip;
import io.tributary.api.testing.RtpPackets;
import java.nio.ByteBuffer;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

class AacPayloadFormatTest {
    private final AacPayloadFormat format = new AacPayloadFormat();

    @Test
    void describesAacLc48kHzStereoInAacHbrMode() {
        SdpAttributes sdp = format.describe(track("1190", 48000, 2), 97);

        assertEquals("MPEG4-GENERIC/48000/2", sdp.rtpmap());
        assertEquals("streamtype=5;profile-level-id=1;mode=AAC-hbr;sizelength=13;indexlength=3;"
                + "indexdeltalength=3;config=1190", sdp.fmtp());
    }

    @Test
    void takesTheChannelsFromTheEncodingWhenTheConfigLeavesThemOpen() {
        assertEquals("MPEG4-GENERIC/48000/6", format.describe(track("1180", 48000, 6), 97).rtpmap());
    }

    @Test
    void refusesToDescribeATrackWithoutConfig() {
        assertThrows(IllegalArgumentException.class, () -> format.describe(track("", 48000, 2), 97));
    }

    @Test
    void theDepacketizerSpacesUnitsByTheConfigsFrameLength() {
        assertEquals(List.of(0L, 960L), times(format.depacketizer(track("1194", 48000, 2))));
    }

    @Test
    void theDepacketizerScalesTheFrameLengthToTheClockRate() {
        // implicit HE-AAC: the config says 24 kHz AAC-LC, the track's clock runs at the output rate
        assertEquals(List.of(0L, 2048L), times(format.depacketizer(track("1310", 48000, 2))));
    }

    @Test
    void theDepacketizerAssumes1024SamplesWithoutConfig() {
        assertEquals(List.of(0L, 1024L), times(format.depacketizer(track("", 48000, 2))));
    }

    @Test
    void whatDescribeWritesIsReceivedAsTheSameAudioSpecificConfig() {
        for (String asc : new String[] {"1190", "1194", "17805DC010", "2B1188", "118856E500"}) {
            TrackDescription sent = track(asc, 48000, 2);
            String fmtp = format.describe(sent, 97).fmtp();

            TrackDescription received = format.receivedTrack(4, MediaType.AUDIO, sent.encoding(), fmtp);

            assertArrayEquals(HexFormat.of().parseHex(asc), bytes(received.codecConfigView()), fmtp);
            assertEquals(4, received.index());
            assertEquals(sent.encoding(), received.encoding());
        }
    }

    @Test
    void parameterNamesAndTheModeInAnyCaseAndBlanksAroundSeparatorsAreRead() {
        TrackDescription received = received(" Mode = aac-HBR ; SizeLength=13;INDEXLENGTH=3; indexDeltaLength=3; "
                + "Config=1190 ;");

        assertArrayEquals(HexFormat.of().parseHex("1190"), bytes(received.codecConfigView()));
    }

    @Test
    void fieldLengthsLeftOutMeanThoseOfAacHbr() {
        TrackDescription received = received("mode=AAC-hbr;config=1190");

        assertArrayEquals(HexFormat.of().parseHex("1190"), bytes(received.codecConfigView()));
    }

    @Test
    void refusesOtherModesNamingThem() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> received("mode=AAC-lbr;sizelength=6;indexlength=2;indexdeltalength=2;config=1190"));
        assertEquals("MPEG4-GENERIC track 0: mode=AAC-lbr is not supported, only AAC-hbr", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> received("config=1190"));
        assertEquals("MPEG4-GENERIC track 0: mode is missing, only AAC-hbr is supported", e.getMessage());
    }

    @Test
    void refusesHeaderLayoutsTheDepacketizerWouldMisread() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> received("mode=AAC-hbr;sizelength=16;indexlength=3;indexdeltalength=3;config=1190"));
        assertEquals("MPEG4-GENERIC track 0: sizelength=16 is not supported, AAC-hbr has 13", e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> received("mode=AAC-hbr;sizelength=13;CTSDeltaLength=16;config=1190"));
        assertEquals("MPEG4-GENERIC track 0: ctsdeltalength=16 is not supported, AAC-hbr has 0", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> received("mode=AAC-hbr;indexlength=three;config=1190"));
        assertEquals("MPEG4-GENERIC track 0: indexlength=three is not a number", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> received("mode=AAC-hbr;maxDisplacement=5;config=1190"));
        assertEquals("MPEG4-GENERIC track 0: maxdisplacement=5: interleaving is not supported", e.getMessage());
    }

    @Test
    void refusesAMissingConfigSinceAacCannotBeDecodedWithoutIt() {
        for (String fmtp : new String[] {"mode=AAC-hbr;sizelength=13;indexlength=3;indexdeltalength=3",
            "mode=AAC-hbr;config="}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> received(fmtp));
            assertEquals("MPEG4-GENERIC track 0: config is missing: AAC cannot be decoded without its "
                    + "AudioSpecificConfig", e.getMessage());
        }
    }

    @Test
    void refusesAConfigThatIsNotHexOrNotAnAudioSpecificConfig() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> received("mode=AAC-hbr;config=11G0"));
        assertTrue(e.getMessage().startsWith("MPEG4-GENERIC track 0: config=11G0 is not hex"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> received("mode=AAC-hbr;config=1690"));
        assertEquals("MPEG4-GENERIC track 0: config=1690: AudioSpecificConfig: reserved sampling frequency index 13",
                e.getMessage());
    }

    /**
     * Whatever a publisher writes: refused with IllegalArgumentException, or a track whose config
     * describe() writes back and that reads again as the same AudioSpecificConfig, and that a
     * depacketizer accepts.
     */
    @FuzzTest
    void anyFmtpIsReadBackAsDescribedOrRefusedWithIllegalArgument(byte[] data) {
        Encoding encoding = new Encoding("MPEG4-GENERIC", 48000, 2);
        FmtpRoundTrip.assertReadBackOrRefused(format, MediaType.AUDIO, encoding, 97, data)
                .ifPresent(format::depacketizer);
    }

    private TrackDescription received(String fmtp) {
        return format.receivedTrack(0, MediaType.AUDIO, new Encoding("MPEG4-GENERIC", 48000, 2), fmtp);
    }

    private static byte[] bytes(ByteBuffer buffer) {
        byte[] out = new byte[buffer.remaining()];
        buffer.get(out);
        return out;
    }

    private static List<Long> times(Depacketizer depacketizer) {
        ByteBuffer twoUnits = ByteBuffer.wrap(HexFormat.of().parseHex("0020" + "0008" + "0008" + "aabb"));
        List<AccessUnit> units = depacketizer.push(RtpPackets.packet(0, 0, true, twoUnits));
        return units.stream().map(AccessUnit::presentationTime).toList();
    }

    private static TrackDescription track(String ascHex, int clockRate, int channels) {
        return new TrackDescription(0, MediaType.AUDIO, new Encoding("MPEG4-GENERIC", clockRate, channels),
                ByteBuffer.wrap(HexFormat.of().parseHex(ascHex)), 0, 0, 0);
    }
}
