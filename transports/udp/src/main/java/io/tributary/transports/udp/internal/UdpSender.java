package io.tributary.transports.udp.internal;

import io.netty.channel.Channel;
import io.netty.channel.socket.DatagramPacket;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One server socket and the packets handed to its thread but not yet written. Sessions
 * run on other threads; they hand over a whole batch (a frame) in one task, and stop
 * offering while too much is queued, so memory stays bounded when the socket falls behind.
 */
final class UdpSender {
    private static final int MAX_QUEUED_PACKETS = 20_000;
    private final Channel channel;
    private final AtomicInteger queued = new AtomicInteger();

    UdpSender(Channel channel) {
        this.channel = channel;
    }

    Channel channel() {
        return channel;
    }

    /** {@code false} while the socket's thread has too many packets waiting. */
    boolean writable() {
        return queued.get() < MAX_QUEUED_PACKETS && channel.isWritable();
    }

    /** Writes a batch on the socket's thread and flushes once, so Netty can send them together. */
    void send(List<DatagramPacket> batch) {
        if (batch.isEmpty()) {
            return;
        }
        queued.addAndGet(batch.size());
        Runnable task = () -> {
            for (DatagramPacket packet : batch) {
                channel.write(packet, channel.voidPromise());
            }
            channel.flush();
            queued.addAndGet(-batch.size());
        };
        if (channel.eventLoop().inEventLoop()) {
            task.run();
        } else {
            channel.eventLoop().execute(task);
        }
    }
}
