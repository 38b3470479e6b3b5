package io.tributary.itest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * RTP/SAVP follows the plain transport it rides on: when the interleaved transport bundle goes
 * away, the RTP/SAVP/TCP sessions bound through it end as its own do, and RTP/SAVP/TCP is
 * refused until it is back.
 */
class SrtpHotPlugTest {
    private static final Duration DEPLOY_TIMEOUT = Duration.ofSeconds(15);
    private static final String TCP = "Transport: RTP/SAVP/TCP;unicast;interleaved=0-1";

    @RegisterExtension
    static final TributaryFixture tributary = new TributaryFixture();

    private static String url(String path) {
        return "rtsps://127.0.0.1:" + tributary.tlsPort() + path;
    }

    /** The status of a DESCRIBE and an RTP/SAVP/TCP SETUP of {@code /demo} on a new RTSPS connection. */
    private static int savpSetup() {
        try (RawRtsp rtsp = RawRtsp.tls(tributary.tlsPort())) {
            rtsp.request("DESCRIBE", url("/demo"), 1);
            return rtsp.request("SETUP", url("/demo") + "/trackID=0", 2, TCP).status();
        } catch (IOException e) {
            return -1;
        }
    }

    @Test
    void removingTheInterleavedTransportEndsItsSrtpSessionsAndPuttingItBackServesThemAgain() throws Exception {
        try (RawRtsp rtsp = RawRtsp.tls(tributary.tlsPort())) {
            assertEquals(200, rtsp.request("DESCRIBE", url("/demo"), 1).status());
            RawRtsp.Response setup = rtsp.request("SETUP", url("/demo") + "/trackID=0", 2, TCP);
            assertEquals(200, setup.status(), setup.body());
            String session = setup.header("Session").split(";")[0];
            assertEquals(200, rtsp.request("PLAY", url("/demo"), 3, "Session: " + session).status());
            assertTrue(rtsp.count(0, 500).packets() > 0);

            Path jar = tributary.deployedJar("io.tributary.transports.interleaved");
            Path saved = Files.createTempFile("interleaved", ".jar");
            Files.copy(jar, saved, StandardCopyOption.REPLACE_EXISTING);
            Files.delete(jar);
            assertTrue(Await.until(DEPLOY_TIMEOUT, () -> savpSetup() == 461),
                    "RTP/SAVP/TCP is refused without the interleaved transport");
            rtsp.frames(500);
            assertEquals(454, rtsp.request("PLAY", url("/demo"), 4, "Session: " + session).status(),
                    "the RTP/SAVP/TCP session ended with the transport it was bound through");

            Files.copy(saved, jar);
            Files.delete(saved);
            assertTrue(Await.until(DEPLOY_TIMEOUT, () -> savpSetup() == 200),
                    "putting the transport back serves RTP/SAVP/TCP again");
        }
    }
}
