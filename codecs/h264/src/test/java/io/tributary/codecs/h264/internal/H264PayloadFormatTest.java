package io.tributary.codecs.h264.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.tributary.api.media.AccessUnit;
import io.tributary.api.media.Encoding;
import io.tributary.api.media.MediaType;
import io.tributary.api.media.TrackDescription;
import io.tributary.api.payload.SdpAttributes;
import io.tributary.api.testing.FmtpRoundTrip;
import java.nio.ByteBuffer;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class H264PayloadFormatTest {
    private static final Encoding H264 = new Encoding("H264", 90_000, 0);
    private static final String SPS_BASE64 = Base64.getEncoder().encodeToString(Fixtures.SPS);
    private static final String PPS_BASE64 = Base64.getEncoder().encodeToString(Fixtures.PPS);

    private final H264PayloadFormat format = new H264PayloadFormat();

    @Test
    void describesPacketizationModeOneWithProfileAndParameterSetsOfTheAvcC() {
        SdpAttributes sdp = format.describe(track(Fixtures.AVCC), 96);

        assertEquals("H264/90000", sdp.rtpmap());
        assertEquals("packetization-mode=1;profile-level-id=4D401E;"
                + "sprop-parameter-sets=Z01AHuygUBf8uAiAAAADAIAAAB4HixbL,aOvjyyA=", sdp.fmtp());
    }

    @Test
    void describesATrackWithoutAvcCByItsPacketizationModeOnly() {
        assertEquals("packetization-mode=1", format.describe(track(new byte[0]), 96).fmtp());
    }

    @Test
    void thePacketizerSendsTheAvcCParameterSetsBeforeAKeyframe() {
        AccessUnit idr = Fixtures.unit(0, true, Fixtures.nal(0x65, 100, 1));

        ByteBuffer first = format.packetizer(track(Fixtures.AVCC), 1400).packetize(idr).getFirst();

        assertEquals(24, first.get(0) & 0x1F);
        assertEquals(Fixtures.SPS.length, first.getShort(1));
    }

    @Test
    void aTrackWithoutAvcCIsStillPacketized() {
        AccessUnit idr = Fixtures.unit(0, true, Fixtures.nal(0x65, 100, 1));

        assertEquals(1, format.packetizer(track(new byte[0]), 1400).packetize(idr).size());
    }

    @Test
    void whatDescribeWritesIsReceivedAsTheSameAvcC() {
        String fmtp = format.describe(track(Fixtures.AVCC), 96).fmtp();

        TrackDescription received = format.receivedTrack(3, MediaType.VIDEO, H264, fmtp);

        assertArrayEquals(Fixtures.AVCC, Fixtures.bytes(received.codecConfigView()));
        assertEquals(3, received.index());
        assertEquals(MediaType.VIDEO, received.type());
        assertEquals(H264, received.encoding());
    }

    @Test
    void parameterNamesInAnyCaseAndBlanksAroundSeparatorsAreRead() {
        String fmtp = " Packetization-Mode = 1 ;  SPROP-PARAMETER-SETS= " + SPS_BASE64 + "," + PPS_BASE64
                + " ; profile-level-id=4d401e ;";

        assertArrayEquals(Fixtures.AVCC, received(fmtp));
    }

    @Test
    void parameterSetsWithoutPaddingAfterOtherNalUnitsAndATrailingCommaAreRead() {
        String sei = Base64.getEncoder().encodeToString(new byte[] {0x06, 0x05, 0x01, (byte) 0x80});
        String fmtp = "sprop-parameter-sets=" + sei + "," + SPS_BASE64 + "," + PPS_BASE64.replace("=", "") + ",";

        assertArrayEquals(Fixtures.AVCC, received(fmtp));
    }

    @Test
    void withoutParameterSetsInTheFmtpTheConfigurationIsEmptyAndDescribedAsSuch() {
        for (String fmtp : new String[] {"", "packetization-mode=1", "profile-level-id=42e01f;packetization-mode=1",
                "sprop-parameter-sets=", "sprop-parameter-sets=" + SPS_BASE64}) {
            TrackDescription received = format.receivedTrack(0, MediaType.VIDEO, H264, fmtp);

            assertFalse(received.codecConfig().hasRemaining(), fmtp);
            assertEquals("packetization-mode=1", format.describe(received, 96).fmtp(), fmtp);
        }
    }

    @Test
    void aNullFmtpIsTakenAsNone() {
        assertFalse(format.receivedTrack(0, MediaType.VIDEO, H264, null).codecConfig().hasRemaining());
    }

    @Test
    void profileAndLevelComeFromTheSpsWhichDecodersGoBy() {
        TrackDescription received = format.receivedTrack(0, MediaType.VIDEO, H264,
                "profile-level-id=42E01F;sprop-parameter-sets=" + SPS_BASE64 + "," + PPS_BASE64);

        AvcConfiguration config = AvcConfiguration.parse(received.codecConfigView());
        assertEquals(Fixtures.SPS[1] & 0xFF, config.profile());
        assertEquals(Fixtures.SPS[3] & 0xFF, config.level());
    }

    @Test
    void refusesParameterSetsThatAreNotBase64NamingTheTrackAndEntry() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> received("sprop-parameter-sets=" + SPS_BASE64 + ",not*base64"));

        String expected = "H264 track 0: sprop-parameter-sets: entry 1 \"not*base64\" is not base64";
        assertTrue(e.getMessage().startsWith(expected), e.getMessage());
    }

    @Test
    void refusesAnSpsTooShortToHoldProfileAndLevel() {
        String shortSps = Base64.getEncoder().encodeToString(new byte[] {0x67, 0x42});

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> received("sprop-parameter-sets=" + shortSps + "," + PPS_BASE64));
        assertTrue(e.getMessage().contains("sprop-parameter-sets: avcC: a SPS entry is not a SPS NAL unit"),
                e.getMessage());
    }

    @Test
    void refusesInterleavedModeWhichTheDepacketizerCannotRead() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> received("packetization-mode=2"));
        assertEquals("H264 track 0: packetization-mode=2 (interleaved) is not supported", e.getMessage());
    }

    @Test
    void refusesMalformedPacketizationModeAndProfileLevelId() {
        assertThrows(IllegalArgumentException.class, () -> received("packetization-mode=one"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> received("profile-level-id=42E01"));
        assertEquals("H264 track 0: profile-level-id \"42E01\" is not 6 hex digits", e.getMessage());
    }

    /**
     * Whatever a publisher writes: refused with IllegalArgumentException, or a track that
     * describe() writes back and that reads again as the same avcC.
     */
    @FuzzTest
    void anyFmtpIsReadBackAsDescribedOrRefusedWithIllegalArgument(byte[] data) {
        FmtpRoundTrip.assertReadBackOrRefused(format, MediaType.VIDEO, H264, 96, data);
    }

    private byte[] received(String fmtp) {
        return Fixtures.bytes(format.receivedTrack(0, MediaType.VIDEO, H264, fmtp).codecConfigView());
    }

    private static TrackDescription track(byte[] avcC) {
        return new TrackDescription(0, MediaType.VIDEO, H264, ByteBuffer.wrap(avcC), 640, 360, 0);
    }
}
