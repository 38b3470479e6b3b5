package io.tributary.client.internal;

import io.netty.channel.EventLoopGroup;
import io.netty.channel.IoEventLoopGroup;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.EpollDatagramChannel;
import io.netty.channel.epoll.EpollIoHandler;
import io.netty.channel.epoll.EpollSocketChannel;
import io.netty.channel.socket.DatagramChannel;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioDatagramChannel;
import io.netty.channel.socket.nio.NioSocketChannel;

/**
 * The channel classes that fit the caller's event loops: native epoll channels on an epoll
 * group, NIO channels otherwise. The group decides; the client never makes its own loops.
 */
public record ClientChannels(Class<? extends SocketChannel> socket, Class<? extends DatagramChannel> datagram) {

    public static ClientChannels forGroup(EventLoopGroup group) {
        // Epoll.isAvailable() first: the epoll classes are only safe to touch when the native library loaded
        if (Epoll.isAvailable() && group instanceof IoEventLoopGroup io && io.isIoType(EpollIoHandler.class)) {
            return new ClientChannels(EpollSocketChannel.class, EpollDatagramChannel.class);
        }
        return new ClientChannels(NioSocketChannel.class, NioDatagramChannel.class);
    }

    public boolean nativeTransport() {
        return socket == EpollSocketChannel.class;
    }
}
