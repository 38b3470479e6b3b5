package io.tributary.engine.server;

import io.netty.channel.EventLoopGroup;
import io.netty.channel.IoHandlerFactory;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.ServerChannel;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.EpollIoHandler;
import io.netty.channel.epoll.EpollServerSocketChannel;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.util.concurrent.DefaultThreadFactory;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The engine's event loops: native epoll on Linux when its library loads, NIO otherwise. */
final class NettyRuntime implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(NettyRuntime.class);
    private final EventLoopGroup boss;
    private final EventLoopGroup workers;
    private final Class<? extends ServerChannel> serverChannel;

    NettyRuntime(int threads) {
        boolean epoll = Epoll.isAvailable();
        IoHandlerFactory factory = epoll ? EpollIoHandler.newFactory() : NioIoHandler.newFactory();
        if (!epoll) {
            LOG.info("native epoll unavailable ({}); using NIO", Epoll.unavailabilityCause().toString());
        }
        boss = new MultiThreadIoEventLoopGroup(1, new DefaultThreadFactory("tributary-accept"), factory);
        workers = new MultiThreadIoEventLoopGroup(threads, new DefaultThreadFactory("tributary-io"), factory);
        serverChannel = epoll ? EpollServerSocketChannel.class : NioServerSocketChannel.class;
    }

    EventLoopGroup boss() {
        return boss;
    }

    EventLoopGroup workers() {
        return workers;
    }

    Class<? extends ServerChannel> serverChannel() {
        return serverChannel;
    }

    boolean nativeTransport() {
        return serverChannel == EpollServerSocketChannel.class;
    }

    @Override
    public void close() {
        boss.shutdownGracefully(0, 2, TimeUnit.SECONDS);
        workers.shutdownGracefully(0, 2, TimeUnit.SECONDS).syncUninterruptibly();
    }
}
