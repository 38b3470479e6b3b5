package io.tributary.codecs.vpx.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.tributary.api.media.Encoding;
import io.tributary.api.media.MediaType;
import io.tributary.api.media.TrackDescription;
import io.tributary.api.payload.SdpAttributes;
import io.tributary.api.testing.FmtpRoundTrip;
import org.junit.jupiter.api.Test;

class VpxPayloadFormatTest {
    private final Vp8PayloadFormat vp8 = new Vp8PayloadFormat();
    private final Vp9PayloadFormat vp9 = new Vp9PayloadFormat();

    @Test
    void vp8IsDescribedWithoutFmtpWhateverThePublisherAnnounced() {
        TrackDescription track = vp8.receivedTrack(0, MediaType.VIDEO, VpxRoundTripTest.VP8, "max-fr=30;max-fs=3600");

        assertFalse(track.codecConfig().hasRemaining());
        assertEquals(new SdpAttributes("VP8/90000", ""), vp8.describe(track, 96));
    }

    @Test
    void vp9AnnouncesTheProfileOfItsVpccAndNothingWithoutOne() {
        TrackDescription stored = new TrackDescription(0, MediaType.VIDEO, VpxRoundTripTest.VP9,
                new VpcConfiguration(2, 31, 10).record(), 640, 360, 0);
        assertEquals(new SdpAttributes("VP9/90000", "profile-id=2"), vp9.describe(stored, 97));

        TrackDescription received = vp9.receivedTrack(1, MediaType.VIDEO, VpxRoundTripTest.VP9,
                "profile-id=2;max-fr=30");
        assertFalse(received.codecConfig().hasRemaining(), "the frames' own headers say the profile");
        assertEquals(new SdpAttributes("VP9/90000", ""), vp9.describe(received, 97));
    }

    @Test
    void aClockOtherThan90kHzOrAConfigurationThatIsNoVpccIsRefused() {
        assertEquals("VP8 track 2: clock rate 8000, but VP8 is sent at 90000", assertThrows(
                IllegalArgumentException.class, () -> vp8.receivedTrack(2, MediaType.VIDEO,
                        new Encoding("VP8", 8000, 0), "")).getMessage());
        assertThrows(IllegalArgumentException.class, () -> vp9.receivedTrack(0, MediaType.VIDEO,
                new Encoding("VP9", 48_000, 0), ""));
        TrackDescription notVpcc = new TrackDescription(0, MediaType.VIDEO, VpxRoundTripTest.VP9,
                java.nio.ByteBuffer.wrap(new byte[] {1, 1, 1, 0}), 0, 0, 0);
        assertThrows(IllegalArgumentException.class, () -> vp9.describe(notVpcc, 96));
    }

    @FuzzTest(maxDuration = "1m")
    void anyVp8FmtpIsReadBackAsDescribedOrRefusedWithIllegalArgument(byte[] fmtp) {
        FmtpRoundTrip.assertReadBackOrRefused(vp8, MediaType.VIDEO, VpxRoundTripTest.VP8, 96, fmtp);
    }

    @FuzzTest(maxDuration = "1m")
    void anyVp9FmtpIsReadBackAsDescribedOrRefusedWithIllegalArgument(byte[] fmtp) {
        FmtpRoundTrip.assertReadBackOrRefused(vp9, MediaType.VIDEO, VpxRoundTripTest.VP9, 96, fmtp);
    }
}
