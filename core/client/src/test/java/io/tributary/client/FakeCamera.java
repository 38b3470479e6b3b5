package io.tributary.client;

import io.tributary.rtsp.header.TransportHeader;
import io.tributary.rtsp.header.TransportSpec;
import java.io.IOException;

/** A well-behaved camera's answers, for scripts that only bend one thing. */
final class FakeCamera {
    static final String SESSION = "12345678";

    private FakeCamera() {
    }

    /** Answers OPTIONS, DESCRIBE (Content-Base = URL + "/"), SETUP, PLAY, PAUSE, TEARDOWN, GET_PARAMETER. */
    static void answer(FakeRtspServer.Exchange ex) throws IOException {
        switch (ex.method()) {
            case "OPTIONS" -> ex.ok("Public: OPTIONS, DESCRIBE, SETUP, PLAY, PAUSE, TEARDOWN, GET_PARAMETER");
            case "DESCRIBE" -> ex.reply(200, "OK", TestSupport.SDP, "Content-Type: application/sdp",
                    "Content-Base: " + ex.request.uri() + "/");
            case "SETUP" -> ex.ok("Session: " + SESSION + ";timeout=60", "Transport: " + echoTransport(ex, 40000));
            case "PLAY" -> ex.ok("Session: " + SESSION, "Range: npt=0.000-");
            case "RECORD", "PAUSE", "TEARDOWN", "GET_PARAMETER" -> ex.ok("Session: " + SESSION);
            case "ANNOUNCE" -> ex.ok();
            default -> ex.reply(501, "Not Implemented", null);
        }
    }

    /** The client's first Transport spec with {@code server_port} added for UDP. */
    static String echoTransport(FakeRtspServer.Exchange ex, int serverPort) {
        TransportSpec spec = TransportHeader.parse(ex.header("Transport")).getFirst();
        if (spec.clientPort() != null) {
            spec = spec.withServerPort(io.tributary.rtsp.header.PortRange.pair(serverPort));
        }
        return TransportHeader.format(spec);
    }
}
