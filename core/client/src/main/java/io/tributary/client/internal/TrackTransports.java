package io.tributary.client.internal;

import io.netty.channel.EventLoop;
import io.netty.util.NetUtil;
import io.tributary.client.RtspClientException;
import io.tributary.client.RtspClientException.Kind;
import io.tributary.client.Track;
import io.tributary.rtsp.header.LowerTransport;
import io.tributary.rtsp.header.PortRange;
import io.tributary.rtsp.header.TransportSpec;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.nio.ByteBuffer;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

/**
 * How each track's packets travel: interleaved channels on the control connection or a UDP
 * port pair. Prepares what a SETUP offers, adopts what the server answered, and sends
 * outgoing packets. Loop-confined except {@link #send}, which any thread may call.
 */
final class TrackTransports {
    private final EventLoop loop;
    private final ClientContext context;
    private final ControlConnection control;
    private final MediaRouter media;
    /** Bound UDP pairs by track, from before the SETUP until the session ends. */
    private final Map<Integer, UdpPair> udpPairs = new HashMap<>();
    private final Map<Integer, TrackSender> senders = new ConcurrentHashMap<>();

    TrackTransports(EventLoop loop, ClientContext context, ControlConnection control, MediaRouter media) {
        this.loop = loop;
        this.context = context;
        this.control = control;
        this.media = media;
    }

    /**
     * What to offer in the SETUP of {@code track}: the first interleaved channel ({@code 2i},
     * routed at once, since a server may send data in the same read as its answer), or the RTP
     * port of a freshly bound UDP pair.
     */
    CompletableFuture<Integer> prepare(Track track, LowerTransport transport) {
        if (transport == LowerTransport.TCP) {
            int first = 2 * track.index();
            media.route(track.index(), first, first + 1);
            return CompletableFuture.completedFuture(first);
        }
        InetSocketAddress local = control.localAddress();
        if (local == null) {
            return CompletableFuture.failedFuture(new RtspClientException(Kind.CLOSED, "SETUP", track.controlUrl(),
                    "not connected"));
        }
        return UdpPair.bind(loop, context.channels().datagram(), local.getAddress(), track.index(), media)
                .handle((pair, e) -> {
                    if (e != null) {
                        throw new RtspClientException(Kind.LOCAL, "SETUP", track.controlUrl(),
                                "no UDP port pair: " + e.getMessage(), null, e);
                    }
                    UdpPair old = udpPairs.put(track.index(), pair);
                    if (old != null) {
                        old.close();
                    }
                    return pair.rtpPort();
                });
    }

    /** The SETUP failed: release what {@link #prepare} bound. */
    void abandon(Track track) {
        UdpPair pair = udpPairs.remove(track.index());
        if (pair != null) {
            pair.close();
        }
    }

    /**
     * Uses the transport the server answered (or the one requested, when it answered none).
     * A server may answer TCP to a UDP offer; the pair is then released.
     */
    void adopt(Track track, TransportSpec spec, int offeredFirst, boolean record) {
        if (spec.lower() == LowerTransport.TCP) {
            PortRange channels = spec.interleaved() != null ? spec.interleaved() : PortRange.pair(offeredFirst);
            int rtcp = channels.single() ? Math.min(255, channels.first() + 1) : channels.last();
            media.route(track.index(), channels.first(), rtcp);
            abandon(track);
            senders.put(track.index(), new InterleavedSender(control, channels.first(), rtcp));
            return;
        }
        UdpPair pair = udpPairs.get(track.index());
        if (pair == null) {
            return; // offered TCP, answered UDP: nothing is bound, nothing can flow
        }
        InetSocketAddress peer = control.remoteAddress();
        InetAddress source = literal(spec.source());
        Set<InetAddress> allowed = new HashSet<>();
        if (peer != null) {
            allowed.add(peer.getAddress());
        }
        if (source != null) {
            allowed.add(source);
        }
        pair.allowFrom(allowed);
        InetAddress server = source != null ? source : peer == null ? null : peer.getAddress();
        if (spec.serverPort() != null && server != null) {
            PortRange ports = spec.serverPort();
            int rtcp = ports.single() ? Math.min(65535, ports.first() + 1) : ports.last();
            pair.target(new InetSocketAddress(server, ports.first()), new InetSocketAddress(server, rtcp));
            if (!record) {
                pair.punch(); // a publisher's own media opens the path
            }
        }
        senders.put(track.index(), pair);
    }

    /** Any thread. False when the track has no transport or the packet could not be queued. */
    boolean send(int track, boolean rtcp, ByteBuffer packet) {
        TrackSender sender = senders.get(track);
        return sender != null && sender.send(rtcp, packet);
    }

    /** Whether media rides on the control connection, which then must not be replaced. */
    boolean anyInterleaved() {
        return senders.values().stream().anyMatch(s -> s instanceof InterleavedSender);
    }

    void closeAll() {
        senders.clear();
        udpPairs.values().forEach(UdpPair::close);
        udpPairs.clear();
    }

    /** An IP literal, never a name: resolving here would block the loop. */
    private static InetAddress literal(String host) {
        if (host == null) {
            return null;
        }
        byte[] bytes = NetUtil.createByteArrayFromIpAddressString(host.trim());
        try {
            return bytes == null ? null : InetAddress.getByAddress(bytes);
        } catch (UnknownHostException e) {
            return null;
        }
    }
}
