package io.tributary.codecs.h264.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tributary.api.media.AccessUnit;
import io.tributary.api.media.MediaType;
import io.tributary.api.media.TrackDescription;
import io.tributary.api.payload.nal.NalUnits;
import io.tributary.api.testing.FfmpegPublisherTestBase;
import io.tributary.api.testing.FfmpegRtpPublisher;
import io.tributary.rtsp.sdp.FmtpParameters;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * A real publisher: ffmpeg encodes a test pattern with x264 and sends it as RTP; its SDP goes
 * through {@code receivedTrack}, its packets through the depacketizer, and the access units
 * must be the frames it encoded, then come through a relay (packetizer, depacketizer) intact.
 */
class H264FfmpegPublisherTest extends FfmpegPublisherTestBase<H264PayloadFormat> {
    private static final int FRAME_RATE = 25;
    private static final int SECONDS = 2;
    private static final int GOP = 25;
    /** A relay's payload size, smaller than ffmpeg's so that units are cut differently. */
    private static final int RELAY_PAYLOAD_SIZE = 1000;

    H264FfmpegPublisherTest() {
        super(new H264PayloadFormat(), RELAY_PAYLOAD_SIZE);
    }

    /** Plain {@code -f rtp}: no global header, so x264 repeats SPS and PPS before every IDR. */
    @Test
    void parameterSetsSentInBandComeOutInTheKeyframes() throws IOException, InterruptedException {
        FfmpegRtpPublisher.Capture capture = FfmpegRtpPublisher.publish(work, x264(), List.of());
        TrackDescription track = format.receivedTrack(0, MediaType.VIDEO, capture.encoding(), capture.fmtp());

        List<AccessUnit> units = depacketize(track, capture.packets());

        assertTheEncodedFrames(units, capture.encoding().clockRate());
        for (AccessUnit keyframe : units.stream().filter(AccessUnit::keyframe).toList()) {
            List<Integer> types = nalTypes(keyframe);
            int idr = types.indexOf(NalUnitType.IDR);
            int sps = types.indexOf(NalUnitType.SPS);
            int pps = types.indexOf(NalUnitType.PPS);
            assertTrue(sps >= 0 && sps < idr && pps >= 0 && pps < idr, "SPS and PPS before the IDR slice: " + types);
        }
        boolean spropInSdp = FmtpParameters.parse(capture.fmtp()).get(H264Fmtp.SPROP_PARAMETER_SETS) != null;
        assertEquals(spropInSdp, track.codecConfig().hasRemaining(), capture.fmtp());
        if (!spropInSdp) {
            assertEquals("packetization-mode=1", format.describe(track, 96).fmtp());
        }
        H264RoundTripTest.assertSameUnits(units, relay(track, units));
    }

    /** With a global header, as {@code -f rtsp} publishes: the parameter sets are in the SDP only. */
    @Test
    void parameterSetsOfTheSdpBecomeTheAvcCReadersAreGiven() throws IOException, InterruptedException {
        FfmpegRtpPublisher.Capture capture =
                FfmpegRtpPublisher.publish(work, x264("-flags", "+global_header"), List.of());
        TrackDescription track = format.receivedTrack(0, MediaType.VIDEO, capture.encoding(), capture.fmtp());
        FmtpParameters published = FmtpParameters.parse(capture.fmtp());

        AvcConfiguration avcC = AvcConfiguration.parse(track.codecConfigView());
        assertEquals(published.get(H264Fmtp.PROFILE_LEVEL_ID).toUpperCase(Locale.ROOT), avcC.profileLevelId());
        FmtpParameters described = FmtpParameters.parse(format.describe(track, 96).fmtp());
        assertEquals(published.get(H264Fmtp.SPROP_PARAMETER_SETS), described.get(H264Fmtp.SPROP_PARAMETER_SETS));

        List<AccessUnit> units = depacketize(track, capture.packets());

        assertTheEncodedFrames(units, capture.encoding().clockRate());
        List<AccessUnit> relayed = relay(track, units);
        assertEquals(units.size(), relayed.size());
        for (int i = 0; i < units.size(); i++) {
            List<ByteBuffer> expected = nals(units.get(i));
            if (units.get(i).keyframe() && !nalTypes(units.get(i)).contains(NalUnitType.SPS)) {
                // readers joining at this keyframe get the parameter sets of the SDP before it
                expected = Stream.concat(avcC.parameterSets().stream(), expected.stream()).toList();
            }
            assertEquals(expected, nals(relayed.get(i)), "NAL units of relayed unit " + i);
            assertEquals(units.get(i).presentationTime(), relayed.get(i).presentationTime());
        }
    }

    /** The frames x264 encoded: their number, one frame apart, IDR every GOP, each a whole picture. */
    private static void assertTheEncodedFrames(List<AccessUnit> units, int clockRate) {
        int frames = FRAME_RATE * SECONDS;
        assertTrue(Math.abs(units.size() - frames) <= 1, units.size() + " units for " + frames + " frames");
        long first = units.getFirst().presentationTime();
        for (int i = 0; i < units.size(); i++) {
            AccessUnit unit = units.get(i);
            assertEquals(i % GOP == 0, unit.keyframe(), "keyframe flag of unit " + i);
            assertEquals((long) i * clockRate / FRAME_RATE, (unit.presentationTime() - first) & RTP_TIMESTAMP_MASK,
                    "time of unit " + i);
            assertEquals(unit.presentationTime(), unit.decodeTime());
            List<Integer> types = nalTypes(unit);
            int sliceType = unit.keyframe() ? NalUnitType.IDR : NalUnitType.NON_IDR;
            assertTrue(types.contains(sliceType), "unit " + i + " holds a slice of type " + sliceType + ": " + types);
            assertFalse(unit.keyframe() ? types.contains(NalUnitType.NON_IDR) : types.contains(NalUnitType.IDR),
                    "unit " + i + " mixes IDR and non-IDR slices: " + types);
        }
    }

    /** Every unit must be valid AVCC: {@link NalUnits#split} refuses anything else. */
    private static List<ByteBuffer> nals(AccessUnit unit) {
        return NalUnits.split(unit.dataView());
    }

    private static List<Integer> nalTypes(AccessUnit unit) {
        return nals(unit).stream().map(nal -> NalUnitType.of(nal.get(0))).toList();
    }

    private static List<String> x264(String... more) {
        List<String> arguments = new ArrayList<>(List.of(
                "-f", "lavfi", "-i", "testsrc=size=320x240:rate=" + FRAME_RATE, "-t", String.valueOf(SECONDS),
                "-c:v", "libx264", "-pix_fmt", "yuv420p", "-g", String.valueOf(GOP), "-bf", "0",
                // no scene-cut keyframes: they would move the IDRs off the GOP positions
                "-sc_threshold", "0"));
        arguments.addAll(List.of(more));
        return arguments;
    }
}
