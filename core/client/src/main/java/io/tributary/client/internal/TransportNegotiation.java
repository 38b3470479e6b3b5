package io.tributary.client.internal;

import io.tributary.rtsp.header.LowerTransport;
import io.tributary.rtsp.header.PortRange;
import io.tributary.rtsp.header.TransportHeader;
import io.tributary.rtsp.header.TransportSpec;
import io.tributary.rtsp.message.RtspException;
import java.util.List;
import java.util.Map;

/** The {@code Transport} a SETUP asks for, and how to read the answer. */
final class TransportNegotiation {
    private TransportNegotiation() {
    }

    /**
     * {@code RTP/AVP/TCP;unicast;interleaved=0-1} or {@code RTP/AVP;unicast;client_port=5000-5001},
     * plus {@code ;mode=record} when publishing. Written by hand, unquoted and lower-case, the
     * way ffmpeg and OBS send it, because some servers (ffmpeg's listener among them) compare
     * {@code mode=record} literally.
     */
    static String request(LowerTransport lower, int firstPortOrChannel, boolean record) {
        String pair = firstPortOrChannel + "-" + (firstPortOrChannel + 1);
        String spec = lower == LowerTransport.TCP
                ? "RTP/AVP/TCP;unicast;interleaved=" + pair
                : "RTP/AVP;unicast;client_port=" + pair;
        return record ? spec + ";mode=record" : spec;
    }

    /** The request as a value, for servers that answer without a {@code Transport} header. */
    static TransportSpec requested(LowerTransport lower, int firstPortOrChannel, boolean record) {
        PortRange pair = PortRange.pair(firstPortOrChannel);
        return new TransportSpec("RTP/AVP", lower, false, null, null,
                lower == LowerTransport.UDP ? pair : null, null, null,
                lower == LowerTransport.TCP ? pair : null, null, null, record ? "RECORD" : null, Map.of());
    }

    /** The first spec of the answer, or null when there is none or it cannot be read. */
    static TransportSpec answer(String header) {
        if (header == null || header.isBlank()) {
            return null;
        }
        try {
            List<TransportSpec> specs = TransportHeader.parse(header);
            return specs.getFirst();
        } catch (RtspException e) {
            return null;
        }
    }
}
