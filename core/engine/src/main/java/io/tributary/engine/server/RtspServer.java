package io.tributary.engine.server;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.WriteBufferWaterMark;
import io.netty.channel.socket.SocketChannel;
import java.net.InetSocketAddress;
import java.util.function.Consumer;

/** Listens for RTSP connections and gives each its pipeline. */
public final class RtspServer implements AutoCloseable {
    private final Channel listener;

    /**
     * Binds the port; throws with a clear message when it cannot (in use, not permitted).
     *
     * @param queueBytes how much a connection may have queued before it counts as not
     *                   writable: media to it is then dropped (it must hold a GOP burst)
     * @param pipeline   sets up a new connection's pipeline
     */
    public RtspServer(InetSocketAddress address, EventLoopGroup boss, EventLoopGroup workers,
                      Class<? extends Channel> serverChannel, int queueBytes, Consumer<SocketChannel> pipeline) {
        ServerBootstrap bootstrap = new ServerBootstrap()
                .group(boss, workers)
                .channel(serverChannel.asSubclass(io.netty.channel.ServerChannel.class))
                .option(ChannelOption.SO_BACKLOG, 1024)
                .option(ChannelOption.SO_REUSEADDR, true)
                .childOption(ChannelOption.TCP_NODELAY, true)
                .childOption(ChannelOption.WRITE_BUFFER_WATER_MARK, new WriteBufferWaterMark(queueBytes / 4, queueBytes))
                .childHandler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel channel) {
                        pipeline.accept(channel);
                    }
                });
        // not syncUninterruptibly(): it rethrows the bind failure, a checked IOException, undeclared
        ChannelFuture bound = bootstrap.bind(address).awaitUninterruptibly();
        if (!bound.isSuccess()) {
            throw new IllegalStateException("cannot listen on " + address + ": " + bound.cause().getMessage(),
                    bound.cause());
        }
        listener = bound.channel();
    }

    public InetSocketAddress address() {
        return (InetSocketAddress) listener.localAddress();
    }

    @Override
    public void close() {
        listener.close().syncUninterruptibly();
    }
}
