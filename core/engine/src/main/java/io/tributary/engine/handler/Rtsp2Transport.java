package io.tributary.engine.handler;

import io.tributary.rtsp.header.LowerTransport;
import io.tributary.rtsp.header.PortRange;
import io.tributary.rtsp.header.TransportAddress;
import io.tributary.rtsp.header.TransportHeader;
import io.tributary.rtsp.header.TransportSpec;
import io.tributary.rtsp.message.RtspException;
import io.tributary.rtsp.message.RtspStatus;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * RTSP 2.0 names UDP addresses with {@code dest_addr} and {@code src_addr} (RFC 7826 §18.54)
 * where 1.0 used {@code client_port}, {@code server_port}, {@code destination} and
 * {@code source}. Transports read the 1.0 form; a 2.0 request is translated to it, and the
 * reply back to the form the client used (GStreamer's 2.0 mode still sends {@code client_port}).
 */
final class Rtsp2Transport {
    private Rtsp2Transport() {
    }

    /**
     * {@code spec} with its {@code dest_addr} as {@code client_port} and {@code destination}. Media
     * goes only to the requester (the transport checks the host); RTCP must be on the next port.
     */
    static TransportSpec toTransports(TransportSpec spec) {
        String list = spec.extensions().get(TransportHeader.DEST_ADDR);
        if (list == null || spec.lower() != LowerTransport.UDP || spec.multicast() || spec.clientPort() != null) {
            return spec;
        }
        List<TransportAddress> addresses = TransportAddress.parseList(list);
        TransportAddress rtp = addresses.get(0);
        int rtcp = addresses.size() > 1 ? addresses.get(1).port() : rtp.port() + 1;
        if (rtcp != rtp.port() + 1 || (addresses.size() > 1 && !addresses.get(1).host().equals(rtp.host()))) {
            throw new RtspException(RtspStatus.UNSUPPORTED_TRANSPORT, "RTCP must go to the port after RTP's, on the same host");
        }
        Map<String, String> rest = new LinkedHashMap<>(spec.extensions());
        rest.remove(TransportHeader.DEST_ADDR);
        return new TransportSpec(spec.profile(), spec.lower(), false, rtp.host().isEmpty() ? null : rtp.host(),
                spec.source(), new PortRange(rtp.port(), rtcp), spec.serverPort(), spec.port(), spec.interleaved(),
                spec.ttl(), spec.ssrc(), spec.mode(), rest);
    }

    /**
     * A transport's reply in the form of {@code requested}: with {@code dest_addr} and the server's
     * {@code src_addr} when the client wrote {@code dest_addr}, unchanged otherwise.
     */
    static TransportSpec toClient(TransportSpec reply, TransportSpec requested, InetSocketAddress local) {
        if (!requested.extensions().containsKey(TransportHeader.DEST_ADDR) || reply.lower() != LowerTransport.UDP) {
            return reply;
        }
        Map<String, String> extensions = new LinkedHashMap<>(reply.extensions());
        if (reply.multicast() && reply.destination() != null && reply.port() != null) {
            extensions.put(TransportHeader.DEST_ADDR, pair(reply.destination(), reply.port()));
            return new TransportSpec(reply.profile(), reply.lower(), true, null, reply.source(), null, null, null,
                    null, reply.ttl(), reply.ssrc(), reply.mode(), extensions);
        }
        if (reply.clientPort() == null || reply.serverPort() == null) {
            return reply;
        }
        extensions.put(TransportHeader.DEST_ADDR, requested.extensions().get(TransportHeader.DEST_ADDR));
        extensions.put(TransportHeader.SRC_ADDR, pair(host(local.getAddress()), reply.serverPort()));
        return new TransportSpec(reply.profile(), reply.lower(), false, null, null, null, null, null, null,
                reply.ttl(), reply.ssrc(), reply.mode(), extensions);
    }

    private static String pair(String host, PortRange ports) {
        return TransportAddress.formatList(List.of(new TransportAddress(host, ports.first()),
                new TransportAddress(host, ports.single() ? ports.first() + 1 : ports.last())));
    }

    private static String host(InetAddress address) {
        String text = address.getHostAddress();
        int zone = text.indexOf('%');
        return zone < 0 ? text : text.substring(0, zone);
    }
}
