package io.tributary.transports.multicast.internal;

import io.netty.util.NetUtil;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;

/**
 * Where one group's packets go: its address, its RTP port and the next port for RTCP.
 *
 * @param slot    the allocation it was made from (returned to the allocator when the group stops)
 * @param address the multicast address
 * @param port    the RTP port (even)
 */
record GroupAddress(int slot, InetAddress address, int port) {
    InetSocketAddress rtp() {
        return new InetSocketAddress(address, port);
    }

    InetSocketAddress rtcp() {
        return new InetSocketAddress(address, port + 1);
    }

    /** The address as a Transport header's {@code destination} gives it (IPv6 without brackets). */
    String literal() {
        return NetUtil.toAddressString(address);
    }

    /** {@code 239.255.0.1:20000}, {@code [ff15::1]:20000}: for logs. */
    @Override
    public String toString() {
        return (address instanceof Inet6Address ? "[" + literal() + "]" : literal()) + ":" + port;
    }
}
