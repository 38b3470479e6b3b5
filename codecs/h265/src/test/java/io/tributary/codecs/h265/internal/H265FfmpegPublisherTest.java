package io.tributary.codecs.h265.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tributary.api.media.AccessUnit;
import io.tributary.api.media.MediaType;
import io.tributary.api.media.TrackDescription;
import io.tributary.api.payload.nal.NalUnits;
import io.tributary.api.testing.FfmpegPublisherTestBase;
import io.tributary.api.testing.FfmpegRtpPublisher;
import java.nio.ByteBuffer;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A real publisher: ffmpeg encodes a test pattern with x265 and sends it as RTP, with its
 * parameter sets in band or in the SDP. Its SDP goes through {@code receivedTrack}, its
 * packets through the depacketizer: one unit per frame, a keyframe every GOP with its
 * parameter sets before the IRAP picture, then through a relay intact.
 */
class H265FfmpegPublisherTest extends FfmpegPublisherTestBase<H265PayloadFormat> {
    private static final int FRAMES = 50;
    private static final int GOP = 25;

    H265FfmpegPublisherTest() {
        super(new H265PayloadFormat(), 1000);
    }

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void x265sFramesComeOutOneUnitEachWithParameterSetsAtKeyframes(boolean globalHeader) throws Exception {
        List<String> encoding = new java.util.ArrayList<>(List.of("-f", "lavfi", "-i",
                "testsrc=size=320x240:rate=25", "-frames:v", Integer.toString(FRAMES), "-c:v", "libx265",
                "-x265-params", "log-level=none:keyint=" + GOP + ":min-keyint=" + GOP + ":bframes=0"));
        if (globalHeader) {
            encoding.addAll(List.of("-flags", "+global_header"));
        }
        FfmpegRtpPublisher.Capture capture = FfmpegRtpPublisher.publish(work, encoding, List.of());
        TrackDescription track = format.receivedTrack(0, MediaType.VIDEO, capture.encoding(), capture.fmtp());
        assertEquals(globalHeader, track.codecConfig().hasRemaining(), capture.fmtp());

        List<AccessUnit> units = depacketize(track, capture.packets());

        assertEquals(FRAMES, units.size(), "one unit per frame");
        assertEquals(FRAMES / GOP, units.stream().filter(AccessUnit::keyframe).count(), "a keyframe per GOP");
        assertTrue(units.getFirst().keyframe());
        for (int i = 1; i < units.size(); i++) {
            assertEquals(3600, (units.get(i).presentationTime() - units.get(i - 1).presentationTime())
                    & RTP_TIMESTAMP_MASK, "40 ms apart");
        }
        List<AccessUnit> relayed = relay(track, units);
        assertEquals(units.size(), relayed.size());
        for (int i = 0; i < units.size(); i++) {
            List<Integer> types = types(relayed.get(i));
            if (units.get(i).keyframe()) {
                int irap = types.stream().filter(HevcNalUnitType::isIrap).findFirst().map(types::indexOf).orElse(-1);
                assertTrue(irap > 0 && types.subList(0, irap).containsAll(List.of(HevcNalUnitType.VPS,
                        HevcNalUnitType.SPS, HevcNalUnitType.PPS)), "parameter sets before the IRAP: " + types);
            } else {
                assertEquals(units.get(i).dataView(), relayed.get(i).dataView(), "unit " + i);
            }
        }
    }

    private static List<Integer> types(AccessUnit unit) {
        return NalUnits.split(unit.dataView()).stream().map((ByteBuffer nal) -> HevcNalUnitType.of(nal.get(0)))
                .toList();
    }
}
