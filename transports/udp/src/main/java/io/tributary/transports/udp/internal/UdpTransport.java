package io.tributary.transports.udp.internal;

import io.netty.bootstrap.Bootstrap;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoop;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.WriteBufferWaterMark;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.EpollChannelOption;
import io.netty.channel.epoll.EpollDatagramChannel;
import io.netty.channel.socket.DatagramPacket;
import io.netty.channel.socket.nio.NioDatagramChannel;
import io.netty.util.NetUtil;
import io.netty.util.concurrent.EventExecutor;
import io.tributary.api.transport.MediaTransport;
import io.tributary.api.transport.TransportBinding;
import io.tributary.api.transport.TransportContext;
import io.tributary.rtsp.header.LowerTransport;
import io.tributary.rtsp.header.PortRange;
import io.tributary.rtsp.header.TransportSpec;
import io.tributary.rtsp.message.RtspException;
import io.tributary.rtsp.message.RtspStatus;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * RTP/AVP over unicast UDP (RFC 2326 §12.39). All sessions share one server port pair
 * (RTP, RTP+1 for RTCP), so a server needs two ports whatever its load, and packets of
 * many readers leave through one socket that Netty can batch. Media goes only to the RTSP
 * client's own address: another {@code destination} is refused (no traffic amplification).
 */
@Component(service = MediaTransport.class, property = MediaTransport.PROFILE + "=RTP/AVP/UDP",
        configurationPid = "io.tributary.transports.udp")
@Designate(ocd = UdpTransportConfig.class)
public final class UdpTransport implements MediaTransport {
    private static final Logger LOG = LoggerFactory.getLogger(UdpTransport.class);
    /**
     * Queued datagrams point into frames shared by all readers, so what they hold is mostly
     * already in memory: the mark is high enough for a keyframe part to every reader of the
     * socket (a 1080p keyframe to 1000 readers is ~200 MB of references, not of copies).
     */
    private static final WriteBufferWaterMark WATER_MARK = new WriteBufferWaterMark(64 << 20, 512 << 20);

    /** One RTP socket per engine I/O loop, all on the same port (SO_REUSEPORT): a session writes to its own loop's. */
    private final UdpSender[] rtp;
    private final Map<Executor, UdpSender> rtpByLoop = new HashMap<>();
    private final UdpSender rtcp;
    private final int rtpPort;
    /** Bindings by client address, so what clients send reaches their session. */
    private final ClientAddresses clients = new ClientAddresses();

    /**
     * @param loops the engine's I/O event loops: the sockets live on them, so that a session sends
     *              from its own thread, with no hand-over and no thread group of this bundle's own
     */
    @Activate
    public UdpTransport(UdpTransportConfig config,
                        @Reference(target = "(" + TransportContext.IO_LOOPS + "=true)") EventLoopGroup loops)
            throws UnknownHostException {
        boolean epoll = Epoll.isAvailable();
        List<EventLoop> eventLoops = new ArrayList<>();
        for (EventExecutor executor : loops) {
            eventLoops.add((EventLoop) executor);
        }
        // without epoll (no SO_REUSEPORT) one socket serves every loop
        int sockets = epoll ? eventLoops.size() : 1;
        InetAddress host = config.host().isBlank() ? null : InetAddress.getByName(config.host());
        Bootstrap bootstrap = new Bootstrap()
                .channel(epoll ? EpollDatagramChannel.class : NioDatagramChannel.class)
                .option(ChannelOption.SO_SNDBUF, 4 << 20)
                .option(ChannelOption.SO_RCVBUF, 1 << 20)
                .option(ChannelOption.WRITE_BUFFER_WATER_MARK, WATER_MARK);
        rtp = new UdpSender[sockets];
        // UDP GSO: one send per reader and frame instead of one per packet (kernel 4.18+).
        boolean segmentation = epoll && config.segmentation() && EpollDatagramChannel.isSegmentedDatagramPacketSupported();
        UdpSender control = null;
        try {
            // RTCP first and without SO_REUSEPORT: it holds the pair, so a second server on
            // the same ports fails here instead of silently sharing the RTP port.
            control = new UdpSender(bootstrap.clone().group(eventLoops.get(0)).handler(new Inbound(true))
                    .bind(host, config.rtpPort() + 1).syncUninterruptibly().channel(), false);
            Bootstrap shared = epoll ? bootstrap.clone().option(EpollChannelOption.SO_REUSEPORT, true) : bootstrap;
            for (int i = 0; i < sockets; i++) {
                rtp[i] = new UdpSender(shared.clone().group(eventLoops.get(i)).handler(new Inbound(false))
                        .bind(host, config.rtpPort()).syncUninterruptibly().channel(), segmentation);
                rtpByLoop.put(eventLoops.get(i), rtp[i]);
            }
        } catch (RuntimeException e) {
            if (control != null) {
                control.channel().close();
            }
            for (UdpSender sender : rtp) {
                if (sender != null) {
                    sender.channel().close();
                }
            }
            LOG.error("cannot bind UDP ports {}-{}: {}", config.rtpPort(), config.rtpPort() + 1, e.getMessage());
            throw e;
        }
        rtcp = control;
        rtpPort = config.rtpPort();
        LOG.info("RTP/UDP on ports {}-{} ({}, {} sockets on the engine's I/O loops, {})", rtpPort, rtpPort + 1,
                epoll ? "epoll" : "NIO", sockets, rtp[0].segmentation() ? "GSO" : "no GSO");
    }

    @Deactivate
    void deactivate() {
        for (UdpSender sender : rtp) {
            sender.channel().close().syncUninterruptibly();
        }
        rtcp.channel().close().syncUninterruptibly();
    }

    @Override
    public CompletionStage<TransportBinding> bind(TransportSpec requested, TransportContext context) {
        try {
            return CompletableFuture.completedFuture(bindNow(requested, context));
        } catch (RtspException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    private TransportBinding bindNow(TransportSpec requested, TransportContext context) {
        if (requested.multicast()) {
            throw new RtspException(RtspStatus.UNSUPPORTED_TRANSPORT, "multicast is not served by this transport");
        }
        PortRange client = requested.clientPort();
        if (client == null) {
            throw new RtspException(RtspStatus.UNSUPPORTED_TRANSPORT, "UDP needs client_port");
        }
        InetAddress peer = context.remoteAddress().getAddress();
        if (requested.destination() != null && !sameHost(requested.destination(), peer)) {
            throw new RtspException(RtspStatus.FORBIDDEN, "media is only sent to the RTSP client's own address");
        }
        int rtcpPort = clientRtcpPort(client);
        InetSocketAddress rtpTarget = new InetSocketAddress(peer, client.first());
        InetSocketAddress rtcpTarget = new InetSocketAddress(peer, rtcpPort);
        TransportSpec reply = new TransportSpec(requested.profile(), LowerTransport.UDP, false, null, null,
                client, PortRange.pair(rtpPort), null, null, null, String.format("%08X", context.ssrc()),
                requested.mode(), Map.of());
        UdpSender sender = rtpByLoop.getOrDefault(context.sendingLoop(),
                rtp[Math.floorMod(context.sessionId().hashCode(), rtp.length)]);
        UdpBinding[] made = new UdpBinding[1];
        UdpBinding binding = new UdpBinding(reply, sender, rtcp, rtpTarget, rtcpTarget, context,
                () -> clients.remove(made[0]));
        made[0] = binding;
        clients.add(binding);
        return binding;
    }

    /**
     * The client's RTCP port: the second of the pair, or the one after a single port. Port 0 and
     * a single 65535 (no port after it) are malformed (400); ports below 1024 belong to system
     * services, which no player uses and no client may aim media at (461).
     */
    static int clientRtcpPort(PortRange client) {
        if (client.first() == 0) {
            throw new RtspException(RtspStatus.BAD_REQUEST, "client_port 0 is not a port");
        }
        int rtcp = client.single() ? client.first() + 1 : client.last();
        if (rtcp > 65535) {
            throw new RtspException(RtspStatus.BAD_REQUEST, "client_port " + client.first()
                    + " leaves no port for RTCP: give a pair such as 5000-5001");
        }
        if (client.first() < 1024) {
            throw new RtspException(RtspStatus.UNSUPPORTED_TRANSPORT, "client ports below 1024 are not served");
        }
        return rtcp;
    }

    /**
     * Whether {@code destination} is the client's own address. Only an IP literal counts: a host
     * name would need a DNS lookup here, on an event loop, where a slow resolver stalls everyone.
     */
    private static boolean sameHost(String destination, InetAddress peer) {
        byte[] literal = NetUtil.createByteArrayFromIpAddressString(destination);
        if (literal == null) {
            return false;
        }
        try {
            // an IPv4-mapped literal (::ffff:a.b.c.d) comes back as the IPv4 address it maps
            return InetAddress.getByAddress(literal).equals(peer);
        } catch (UnknownHostException e) {
            return false;
        }
    }

    /** Failed sends (write errors reach the pipeline, since writes use the void promise): counted, logged sparsely. */
    private final java.util.concurrent.atomic.AtomicLong sendFailures = new java.util.concurrent.atomic.AtomicLong();

    /**
     * Packets clients send to the server ports: RTCP (receiver reports, publishers' sender
     * reports) and RTP (publishers' media, players' hole punching), routed by source address.
     */
    private final class Inbound extends SimpleChannelInboundHandler<DatagramPacket> {
        private final boolean control;

        Inbound(boolean control) {
            this.control = control;
        }

        @Override
        public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
            if (sendFailures.getAndIncrement() % 10_000 == 0) {
                LOG.warn("UDP send on port {} failed ({} so far): {}", ((InetSocketAddress) ctx.channel().localAddress())
                        .getPort(), sendFailures.get(), cause.toString());
            }
        }

        @Override
        protected void channelRead0(ChannelHandlerContext ctx, DatagramPacket packet) {
            ByteBuf content = packet.content();
            if (content.readableBytes() < 4 || (content.getByte(content.readerIndex()) & 0xC0) != 0x80) {
                return; // not RTP/RTCP version 2
            }
            UdpBinding binding = clients.find(!control, packet.sender());
            if (binding == null) {
                return;
            }
            ByteBuffer view = content.nioBufferCount() == 1
                    ? content.nioBuffer(content.readerIndex(), content.readableBytes())
                    : ByteBuffer.wrap(ByteBufUtil.getBytes(content));
            if (control) {
                binding.rtcpReceived(view);
            } else {
                binding.rtpReceived(view);
            }
        }
    }
}
