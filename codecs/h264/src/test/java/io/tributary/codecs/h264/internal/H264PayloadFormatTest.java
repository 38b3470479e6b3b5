package io.tributary.codecs.h264.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.tributary.api.media.AccessUnit;
import io.tributary.api.media.Encoding;
import io.tributary.api.media.MediaType;
import io.tributary.api.media.TrackDescription;
import io.tributary.api.payload.SdpAttributes;
import java.nio.ByteBuffer;
import org.junit.jupiter.api.Test;

class H264PayloadFormatTest {
    private final H264PayloadFormat format = new H264PayloadFormat();

    @Test
    void describesPacketizationModeOneWithProfileAndParameterSetsOfTheAvcC() {
        SdpAttributes sdp = format.describe(track(Fixtures.AVCC), 96);

        assertEquals("H264/90000", sdp.rtpmap());
        assertEquals("packetization-mode=1;profile-level-id=4D401E;"
                + "sprop-parameter-sets=Z01AHuygUBf8uAiAAAADAIAAAB4HixbL,aOvjyyA=", sdp.fmtp());
    }

    @Test
    void refusesToDescribeATrackWithoutAvcC() {
        assertThrows(IllegalArgumentException.class, () -> format.describe(track(new byte[0]), 96));
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

    private static TrackDescription track(byte[] avcC) {
        Encoding encoding = new Encoding("H264", 90_000, 0);
        return new TrackDescription(0, MediaType.VIDEO, encoding, ByteBuffer.wrap(avcC), 640, 360, 0);
    }
}
