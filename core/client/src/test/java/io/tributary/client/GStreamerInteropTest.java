package io.tributary.client;

import static io.tributary.client.TestSupport.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netty.channel.EventLoopGroup;
import io.tributary.client.testing.GstRtspServer;
import io.tributary.rtsp.header.LowerTransport;
import io.tributary.rtsp.sdp.RtpMap;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Plays from GStreamer's RTSP server (gst-rtsp-server through python3-gi), the reference
 * implementation many cameras and servers resemble, over TCP and over UDP.
 */
@Timeout(60)
class GStreamerInteropTest {
    @RegisterExtension
    static final SharedClient shared = new SharedClient(2);
    private static final EventLoopGroup group = shared.group;

    @ParameterizedTest
    @EnumSource(LowerTransport.class)
    void playsH264(LowerTransport transport) throws Exception {
        try (GstRtspServer server = GstRtspServer.start(); RtspClient client = new RtspClient(group)) {
            TestSupport.Recorder recorder = new TestSupport.Recorder();
            ClientSession session = await(client.connect(server.url(), recorder), 5000);
            PlayResult play = await(session.playAll(transport, null), 15_000);

            Description d = session.description();
            assertEquals(1, d.tracks().size());
            RtpMap rtpmap = d.tracks().getFirst().media().rtpmap(96);
            assertEquals("H264", rtpmap.encoding().toUpperCase());
            assertEquals(transport, session.setups().get(0).transport().lower());
            assertNotNull(play.rtpInfo().get(0), "RTP-Info matched to the track");
            assertNotNull(play.rtpInfo().get(0).seq());

            List<Integer> seqs = new ArrayList<>();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
            while (seqs.size() < 30 && System.nanoTime() < deadline) {
                TestSupport.Packet p = recorder.next(1000);
                if (p != null && !p.rtcp()) {
                    assertEquals(0, p.track());
                    seqs.add(p.seq());
                }
            }
            assertTrue(seqs.size() >= 30, "received " + seqs.size() + " RTP packets");
            for (int i = 1; i < seqs.size(); i++) {
                int step = (seqs.get(i) - seqs.get(i - 1)) & 0xFFFF;
                assertTrue(step >= 1 && step < 100, "sequence numbers increase: " + seqs);
            }
            await(session.teardown(), 5000);
            assertEquals(SessionEnd.Reason.TEARDOWN, await(session.ended(), 5000).reason());
        }
    }
}
