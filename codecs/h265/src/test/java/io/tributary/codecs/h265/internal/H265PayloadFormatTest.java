package io.tributary.codecs.h265.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.tributary.api.media.MediaType;
import io.tributary.api.media.TrackDescription;
import io.tributary.api.testing.FmtpRoundTrip;
import java.nio.ByteBuffer;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class H265PayloadFormatTest {
    /** What ffmpeg 5.1 announces for x265's 320x240 test pattern (global header). */
    static final String FFMPEG_FMTP = "sprop-vps=QAEMAf//BAgAAAMAnggAAAMAADyVmAk=; "
            + "sprop-sps=QgEBBAgAAAMAnggAAAMAADyQAUEB4ssrNJJleAtwICAAQAAAAwBAAAAGQg==; sprop-pps=RAHBcoYMRiQ=";
    private final H265PayloadFormat format = new H265PayloadFormat();

    @Test
    void aPublishersParameterSetsBecomeAnHvccAndAreDescribedBackToReaders() {
        TrackDescription track = format.receivedTrack(0, MediaType.VIDEO, H265RoundTripTest.H265, FFMPEG_FMTP);

        HevcConfiguration config = HevcConfiguration.parse(track.codecConfigView());
        assertEquals(1, config.vps().size());
        assertEquals(1, config.sps().size());
        assertEquals(1, config.pps().size());
        ByteBuffer hvcC = track.codecConfigView();
        assertEquals(1, hvcC.get(0), "configurationVersion");
        assertEquals(4, hvcC.get(1) & 0x1F, "general_profile_idc 4 (range extensions: testsrc is 4:4:4), from the SPS");
        assertEquals(60, hvcC.get(12) & 0xFF, "general_level_idc 60 (level 2), from the SPS");
        assertEquals(3, hvcC.get(21) & 3, "4-byte NAL unit lengths");
        assertEquals("sprop-vps=QAEMAf//BAgAAAMAnggAAAMAADyVmAk=;"
                + "sprop-sps=QgEBBAgAAAMAnggAAAMAADyQAUEB4ssrNJJleAtwICAAQAAAAwBAAAAGQg==;sprop-pps=RAHBcoYMRiQ=",
                format.describe(track, 96).fmtp());
        assertEquals("H265/90000", format.describe(track, 96).rtpmap());
    }

    @Test
    void withoutParameterSetsTheyTravelInBand() {
        TrackDescription track = format.receivedTrack(0, MediaType.VIDEO, H265RoundTripTest.H265, "");
        assertTrue(!track.codecConfig().hasRemaining());
        assertEquals("", format.describe(track, 96).fmtp());
    }

    @Test
    void unusableParametersAreRefusedNamingTheTrack() {
        IllegalArgumentException don = assertThrows(IllegalArgumentException.class, () -> format.receivedTrack(3,
                MediaType.VIDEO, H265RoundTripTest.H265, "sprop-max-don-diff=2"));
        assertEquals("H265 track 3: sprop-max-don-diff=2: decoding order numbers (DONL) are not supported",
                don.getMessage());
        assertThrows(IllegalArgumentException.class, () -> format.receivedTrack(0, MediaType.VIDEO,
                H265RoundTripTest.H265, "sprop-sps=%%%"));
        String ppsAsSps = "sprop-sps=" + Base64.getEncoder().encodeToString(new byte[] {0x44, 1, 2});
        assertThrows(IllegalArgumentException.class, () -> format.receivedTrack(0, MediaType.VIDEO,
                H265RoundTripTest.H265, ppsAsSps), "a PPS where an SPS belongs");
        assertThrows(IllegalArgumentException.class, () -> HevcConfiguration.parse(ByteBuffer.wrap(new byte[30])));
    }

    @FuzzTest
    void anyFmtpIsReadBackAsDescribedOrRefusedWithIllegalArgument(byte[] fmtp) {
        FmtpRoundTrip.assertReadBackOrRefused(format, MediaType.VIDEO, H265RoundTripTest.H265, 96, fmtp);
    }

    @FuzzTest
    void anyHvccParsesOrFailsWithIllegalArgument(byte[] data) {
        try {
            HevcConfiguration config = HevcConfiguration.parse(ByteBuffer.wrap(data));
            assertEquals(config.vps().size() + config.sps().size() + config.pps().size(),
                    config.parameterSets().size());
        } catch (IllegalArgumentException refused) {
            // a precise refusal is the contract
        }
    }
}
