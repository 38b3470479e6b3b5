package io.tributary.itest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tributary.launcher.RunningTributary;
import io.tributary.launcher.Tributary;
import io.tributary.launcher.TributaryOptions;
import java.io.IOException;
import java.net.ServerSocket;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Several RTSP ports at once ({@code --rtsp-port} repeated), and a port that cannot be bound skipped. */
class PortsTest {
    @RegisterExtension
    static final TributaryFixture tributary = new TributaryFixture();

    @Test
    void everyGivenPortServesAndOneThatCannotBeBoundIsSkipped() throws Exception {
        tributary.running().stop(); // the same home again, with other ports
        int first = freePort();
        int second = freePort();
        try (ServerSocket taken = new ServerSocket(0);
             RunningTributary running = Tributary.start(TributaryOptions.of(tributary.home())
                     .withRtspPorts(List.of(taken.getLocalPort(), first, second))
                     .withHttpPort(freePort()))) {
            for (int port : List.of(first, second)) {
                List<String> streams = FfmpegReader.streams("rtsp://127.0.0.1:" + port + "/demo", "codec_name");
                assertEquals(List.of("h264", "aac"), streams, "streams on port " + port);
            }
            try (RawRtsp rtsp = new RawRtsp(second)) {
                RawRtsp.Response options = rtsp.request("OPTIONS", "*", 1);
                assertEquals(200, options.status(), options.toString());
            }
            assertTrue(List.of(first, second).contains(running.rtspPort()), "reported port " + running.rtspPort());
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
