package io.tributary.transports.multicast.internal;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.socket.DatagramPacket;
import io.netty.channel.socket.nio.NioDatagramChannel;
import java.io.IOException;
import java.net.Inet6Address;
import java.net.InetSocketAddress;
import java.net.MulticastSocket;
import java.net.NetworkInterface;
import java.net.ProtocolFamily;
import java.net.StandardProtocolFamily;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.util.concurrent.RejectedExecutionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Receives what arrives at a group's RTCP port: the receiver reports of its readers, which keep
 * their sessions alive. The port is shared, never held: readers on this host bind it too
 * (SO_REUSEADDR, and SO_REUSEPORT where there is one), and every member socket gets a copy of
 * each packet. Bound to the group's address, so it receives only this group's packets, and
 * opened on the transport's thread: a SETUP does not wait for it, and without it (port taken
 * without sharing, no interface to join on) the group still sends.
 */
final class RtcpListener implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(RtcpListener.class);
    private final MulticastGroup group;
    private NioDatagramChannel channel;
    private boolean closed;

    private RtcpListener(MulticastGroup group) {
        this.group = group;
    }

    /**
     * Starts listening for {@code group} in the background.
     *
     * @param via the configured interface, or null for the one the routing table gives for the group
     */
    static RtcpListener open(EventLoopGroup loop, MulticastGroup group, NetworkInterface via) {
        RtcpListener listener = new RtcpListener(group);
        try {
            loop.execute(() -> listener.start(loop, via));
        } catch (RejectedExecutionException stopping) {
            listener.closed = true;
        }
        return listener;
    }

    private void start(EventLoopGroup loop, NetworkInterface via) {
        GroupAddress address = group.address();
        ProtocolFamily family = address.address() instanceof Inet6Address
                ? StandardProtocolFamily.INET6 : StandardProtocolFamily.INET;
        DatagramChannel socket = null;
        try {
            socket = DatagramChannel.open(family);
            socket.setOption(StandardSocketOptions.SO_REUSEADDR, true);
            if (socket.supportedOptions().contains(StandardSocketOptions.SO_REUSEPORT)) {
                socket.setOption(StandardSocketOptions.SO_REUSEPORT, true);
            }
            socket.bind(address.rtcp());
            if (via != null) {
                socket.join(address.address(), via);
            } else if (socket.socket() instanceof MulticastSocket legacy) {
                // no interface given: the kernel takes the one its route to the group goes through,
                // which the channel API (it wants an interface) cannot ask for
                legacy.joinGroup(new InetSocketAddress(address.address(), 0), null);
            } else {
                throw new IOException("no interface configured to join the group on");
            }
            NioDatagramChannel wrapped = new NioDatagramChannel(socket);
            wrapped.pipeline().addLast(new Inbound(group));
            synchronized (this) {
                if (closed) {
                    socket.close();
                    return;
                }
                channel = wrapped;
            }
            loop.register(wrapped).addListener((ChannelFuture registered) -> {
                if (!registered.isSuccess()) {
                    LOG.warn("{}: no receiver reports: {}", group, registered.cause().toString());
                }
            });
        } catch (IOException | RuntimeException e) {
            LOG.warn("{}: no receiver reports: cannot listen on {}: {}", group, address.rtcp(), e.toString());
            if (socket != null) {
                try {
                    socket.close();
                } catch (IOException ignored) {
                    // closing a socket that failed to open: nothing more to do
                }
            }
        }
    }

    @Override
    public synchronized void close() {
        closed = true;
        if (channel != null) {
            channel.close();
        }
    }

    private static final class Inbound extends SimpleChannelInboundHandler<DatagramPacket> {
        private final MulticastGroup group;

        Inbound(MulticastGroup group) {
            this.group = group;
        }

        @Override
        protected void channelRead0(ChannelHandlerContext ctx, DatagramPacket packet) {
            ByteBuf content = packet.content();
            ByteBuffer view = content.nioBufferCount() == 1
                    ? content.nioBuffer(content.readerIndex(), content.readableBytes())
                    : ByteBuffer.wrap(ByteBufUtil.getBytes(content));
            group.received(packet.sender(), view);
        }

        @Override
        public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
            LOG.debug("{}: receiving RTCP failed: {}", group, cause.toString());
        }
    }
}
