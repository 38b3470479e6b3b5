package io.tributary.codecs.aac.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.tributary.api.media.AccessUnit;
import io.tributary.api.media.Encoding;
import io.tributary.api.media.MediaType;
import io.tributary.api.media.TrackDescription;
import io.tributary.api.payload.Depacketizer;
import io.tributary.api.payload.SdpAttributes;
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

    private static List<Long> times(Depacketizer depacketizer) {
        ByteBuffer twoUnits = ByteBuffer.wrap(HexFormat.of().parseHex("0020" + "0008" + "0008" + "aabb"));
        List<AccessUnit> units = depacketizer.push(new TestRtpPacket(0, 0, true, twoUnits));
        return units.stream().map(AccessUnit::presentationTime).toList();
    }

    private static TrackDescription track(String ascHex, int clockRate, int channels) {
        return new TrackDescription(0, MediaType.AUDIO, new Encoding("MPEG4-GENERIC", clockRate, channels),
                ByteBuffer.wrap(HexFormat.of().parseHex(ascHex)), 0, 0, 0);
    }
}
