package io.tributary.sources.relay.internal;

import io.tributary.client.testing.InterleavedCamera;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * The camera of the relay's tests: an {@link InterleavedCamera} with one {@link TestFormat}
 * track whose packets carry the text {@code unit <sequence number>}, 50 a second, with RTCP
 * sender reports.
 */
final class ScriptedUpstream {
    static final String SDP = "v=0\r\no=- 1 1 IN IP4 127.0.0.1\r\ns=scripted\r\nt=0 0\r\n"
            + "m=video 0 RTP/AVP 96\r\na=rtpmap:96 TEST/90000\r\na=fmtp:96 config=1\r\na=control:track0\r\n";

    private ScriptedUpstream() {
    }

    static InterleavedCamera start() throws IOException {
        return new InterleavedCamera(SDP, 50, sequence -> ("unit " + sequence).getBytes(StandardCharsets.UTF_8))
                .withSenderReports();
    }
}
