package io.tributary.client.internal;

import io.netty.bootstrap.Bootstrap;
import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoop;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.socket.DatagramChannel;
import io.netty.channel.socket.DatagramPacket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

/**
 * The two local UDP sockets of one track (RTP on an even port, RTCP on the next), bound on
 * the session's event loop so all of a session's I/O runs on one thread. Accepts datagrams
 * only from the server's addresses; sends to the server's ports once SETUP named them.
 */
final class UdpPair implements TrackSender {
    private static final int ATTEMPTS = 16;

    private final Channel rtp;
    private final Channel rtcp;
    private final Receiver receiver;
    private volatile InetSocketAddress serverRtp;
    private volatile InetSocketAddress serverRtcp;

    private UdpPair(Channel rtp, Channel rtcp, Receiver receiver) {
        this.rtp = rtp;
        this.rtcp = rtcp;
        this.receiver = receiver;
    }

    /** Where received packets go; nobody is allowed to send until SETUP names the server. */
    private static final class Receiver {
        final int track;
        final MediaRouter router;
        volatile Set<InetAddress> allowed = Set.of();

        Receiver(int track, MediaRouter router) {
            this.track = track;
            this.router = router;
        }
    }

    /**
     * Binds an even/odd pair on {@code local}: the kernel picks a port; an odd one becomes the
     * RTCP port with RTP below it, an even one the RTP port with RTCP above it. A taken
     * neighbour means another try, at most 16.
     */
    static CompletableFuture<UdpPair> bind(EventLoop loop, Class<? extends DatagramChannel> type,
            InetAddress local, int track, MediaRouter router) {
        CompletableFuture<UdpPair> result = new CompletableFuture<>();
        attempt(loop, type, local, new Receiver(track, router), ATTEMPTS, result);
        return result;
    }

    private static void attempt(EventLoop loop, Class<? extends DatagramChannel> type, InetAddress local,
            Receiver receiver, int left, CompletableFuture<UdpPair> result) {
        if (left == 0) {
            result.completeExceptionally(new IllegalStateException("no free even/odd UDP port pair on " + local));
            return;
        }
        bootstrap(loop, type, receiver).bind(local, 0).addListener((ChannelFuture first) -> {
            if (!first.isSuccess()) {
                result.completeExceptionally(first.cause());
                return;
            }
            int port = ((InetSocketAddress) first.channel().localAddress()).getPort();
            boolean firstIsRtp = port % 2 == 0;
            int other = firstIsRtp ? port + 1 : port - 1;
            if (other > 65535 || other < 1024) {
                first.channel().close();
                attempt(loop, type, local, receiver, left - 1, result);
                return;
            }
            bootstrap(loop, type, receiver).bind(local, other).addListener((ChannelFuture second) -> {
                if (!second.isSuccess()) {
                    first.channel().close();
                    attempt(loop, type, local, receiver, left - 1, result);
                    return;
                }
                result.complete(firstIsRtp ? new UdpPair(first.channel(), second.channel(), receiver)
                        : new UdpPair(second.channel(), first.channel(), receiver));
            });
        });
    }

    private static Bootstrap bootstrap(EventLoop loop, Class<? extends DatagramChannel> type, Receiver receiver) {
        return new Bootstrap().group(loop).channel(type)
                .option(ChannelOption.SO_RCVBUF, 512 * 1024)
                .handler(new Inbound(receiver));
    }

    int rtpPort() {
        return ((InetSocketAddress) rtp.localAddress()).getPort();
    }

    /** The addresses media may come from: the server's, as the RTSP connection and SETUP name them. */
    void allowFrom(Set<InetAddress> senders) {
        receiver.allowed = Set.copyOf(senders);
    }

    /** Where the server receives: its {@code server_port} pair. */
    void target(InetSocketAddress rtpAddress, InetSocketAddress rtcpAddress) {
        serverRtp = rtpAddress;
        serverRtcp = rtcpAddress;
    }

    /**
     * Opens NAT and firewall state towards the server's ports, as ffmpeg and VLC do: an empty
     * RTP packet and an empty RTCP receiver report, each twice.
     */
    void punch() {
        byte[] rtpPunch = {(byte) 0x80, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0};
        byte[] rtcpPunch = {(byte) 0x80, (byte) 201, 0, 1, 0, 0, 0, 0};
        for (int i = 0; i < 2; i++) {
            send(false, ByteBuffer.wrap(rtpPunch));
            send(true, ByteBuffer.wrap(rtcpPunch));
        }
    }

    @Override
    public boolean send(boolean isRtcp, ByteBuffer packet) {
        Channel ch = isRtcp ? rtcp : rtp;
        InetSocketAddress to = isRtcp ? serverRtcp : serverRtp;
        if (to == null || !ch.isActive() || !ch.isWritable()) {
            return false;
        }
        ByteBuf buf = ch.alloc().buffer(packet.remaining());
        buf.writeBytes(packet.duplicate());
        ch.writeAndFlush(new DatagramPacket(buf, to), ch.voidPromise());
        return true;
    }

    void close() {
        rtp.close();
        rtcp.close();
    }

    /** Hands datagrams from an allowed sender to the router; the odd port carries RTCP. */
    private static final class Inbound extends SimpleChannelInboundHandler<DatagramPacket> {
        private final Receiver receiver;

        Inbound(Receiver receiver) {
            this.receiver = receiver;
        }

        @Override
        protected void channelRead0(ChannelHandlerContext ctx, DatagramPacket packet) {
            // only the server may feed this track: anyone else could inject media otherwise
            if (!receiver.allowed.contains(packet.sender().getAddress())) {
                receiver.router.countDropped();
                return;
            }
            ByteBuffer data = packet.content().nioBuffer();
            if (((InetSocketAddress) ctx.channel().localAddress()).getPort() % 2 == 1) {
                receiver.router.onRtcp(receiver.track, data);
            } else {
                receiver.router.onRtp(receiver.track, data);
            }
        }

        @Override
        public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
            // ICMP port unreachable and the like: UDP carries on
        }
    }
}
