package io.tributary.client.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.EpollDatagramChannel;
import io.netty.channel.epoll.EpollIoHandler;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.nio.NioSocketChannel;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/** The caller's group decides the transport: native epoll channels on epoll loops, NIO otherwise. */
class ClientChannelsTest {

    @Test
    void epollGroupGetsEpollChannels() {
        Assumptions.assumeTrue(Epoll.isAvailable(), "native epoll not available here: " + Epoll.unavailabilityCause());
        EventLoopGroup group = new MultiThreadIoEventLoopGroup(1, EpollIoHandler.newFactory());
        try {
            ClientChannels channels = ClientChannels.forGroup(group);
            assertTrue(channels.nativeTransport());
            assertEquals(EpollDatagramChannel.class, channels.datagram());
        } finally {
            group.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
        }
    }

    @Test
    void nioGroupGetsNioChannels() {
        EventLoopGroup group = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
        try {
            ClientChannels channels = ClientChannels.forGroup(group);
            assertFalse(channels.nativeTransport());
            assertEquals(NioSocketChannel.class, channels.socket());
        } finally {
            group.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
        }
    }
}
