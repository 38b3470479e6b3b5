package io.tributary.engine.connection;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.tributary.engine.auth.LoginFailures;
import java.net.InetAddress;
import java.net.InetSocketAddress;

/**
 * The first handler of every control connection: an address refused after failed logins, or
 * over its connection limit, is disconnected before it costs anything more.
 */
final class ClientAdmission extends ChannelInboundHandlerAdapter {
    private final ConnectionLimits limits;
    private final LoginFailures failures;
    private InetAddress admitted;

    ClientAdmission(ConnectionLimits limits, LoginFailures failures) {
        this.limits = limits;
        this.failures = failures;
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) {
        InetAddress client = ((InetSocketAddress) ctx.channel().remoteAddress()).getAddress();
        if (failures.blockedNanos(client) > 0 || !limits.admit(client)) {
            ctx.close();
            return;
        }
        admitted = client;
        ctx.fireChannelActive();
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        if (admitted != null) {
            limits.closed(admitted);
            admitted = null;
        }
        ctx.fireChannelInactive();
    }
}
