package io.tributary.itest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * VP8 and VP9 live paths (io.tributary.codecs.vpx): ffmpeg publishes a live libvpx encode
 * (ANNOUNCE/RECORD over TCP; VP9 with {@code -strict experimental}, as ffmpeg 5.1 requires),
 * so that Tributary depacketizes it and packetizes it again for each reader; ffprobe names
 * the codec and size, ffmpeg decodes over TCP and UDP without an error, and GStreamer's
 * {@code rtpvp8depay}/{@code rtpvp9depay} decode it; a new reader starts on a keyframe.
 */
class VpxLiveTest {
    @RegisterExtension
    static final TributaryFixture tributary = new TributaryFixture();

    private static final int READ_SECONDS = 2;

    private static String url(String path) {
        return "rtsp://127.0.0.1:" + tributary.rtspPort() + path;
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"vp8", "vp9"})
    void aLiveVpxPathIsReadByFfmpegOverTcpAndUdpAndByGstreamer(String codec) throws Exception {
        String path = url("/live/" + codec);
        try (Publisher publisher = (codec.equals("vp8") ? Publisher.vp8TestPattern(path)
                : Publisher.vp9TestPattern(path)).awaitPublished(tributary.rtspPort())) {
            assertEquals(List.of(codec + ",320,240"), FfmpegReader.streams(path, "codec_name,width,height"));
            for (String transport : List.of("tcp", "udp")) {
                String frames = FfmpegReader.frames(path, transport, READ_SECONDS);
                assertTrue(ExternalTool.lines(frames, "0,").size() >= 30,
                        "at least 30 of " + 25 * READ_SECONDS + " frames decoded over " + transport);
            }
            GstPlayer.Outcome played = GstPlayer.play(path, "tcp", 30, 0, Duration.ofSeconds(20));
            assertTrue(played.decodedEnough(), "GStreamer did not decode 30 pictures:\n" + played.output());
            assertEquals(List.of(), played.warnings(), "GStreamer's warnings:\n" + played.output());
            assertANewReaderStartsOnAKeyframe(path, codec);
            assertTrue(publisher.alive(), "publisher still running: " + publisher.output());
        }
    }

    /**
     * The units' keyframe flags reach the engine: a reader joining the live path gets, as its
     * first packet, the first packet of a keyframe (VP8: S, and frame tag P = 0; VP9: B and the
     * scalability structure, without P).
     */
    private static void assertANewReaderStartsOnAKeyframe(String url, String codec) throws IOException {
        try (RawRtsp reader = new RawRtsp(tributary.rtspPort())) {
            RawRtsp.Response setup = reader.request("SETUP", url + "/trackID=0", 1,
                    "Transport: RTP/AVP/TCP;unicast;interleaved=0-1");
            assertEquals(200, setup.status(), setup.body());
            RawRtsp.Response play = reader.request("PLAY", url, 2,
                    "Session: " + setup.header("Session").split(";")[0]);
            assertEquals(200, play.status(), play.body());
            List<RawRtsp.Frame> rtp = reader.frames(1000).stream().filter(f -> f.channel() == 0).toList();
            assertFalse(rtp.isEmpty(), "packets in the first second");
            byte[] first = rtp.getFirst().data();
            int descriptor = first[12] & 0xFF;
            if (codec.equals("vp8")) {
                assertEquals(0x10, descriptor, "S without X: the first packet of a frame");
                assertEquals(0, first[13] & 1, "frame tag P = 0 after the 1-octet descriptor: a keyframe");
            } else {
                assertEquals(0x0A, descriptor & 0xCA, "B and V without I or P: the first packet of a keyframe");
            }
        }
    }
}
