package io.tributary.sources.relay.internal;

import io.tributary.rtsp.header.LowerTransport;
import java.util.Locale;

/** How a relay receives media from its upstream ({@code transport} of a path configuration). */
enum TransportMode {
    /** RTP interleaved on the RTSP connection: works through NAT and firewalls. */
    TCP,
    /** RTP over UDP port pairs. */
    UDP,
    /** UDP first; TCP from the first time UDP fails (refused SETUP, no local ports, or no media). */
    AUTOMATIC;

    static TransportMode parse(String value) {
        String v = value == null ? "" : value.strip().toLowerCase(Locale.ROOT);
        return switch (v) {
            case "", "tcp" -> TCP;
            case "udp" -> UDP;
            case "automatic", "auto" -> AUTOMATIC;
            default -> throw new IllegalArgumentException("transport must be tcp, udp or automatic, not " + value);
        };
    }

    /** The transport of the first attempt. */
    LowerTransport first() {
        return this == TCP ? LowerTransport.TCP : LowerTransport.UDP;
    }
}
