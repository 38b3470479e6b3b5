package io.tributary.transports.multicast.internal;

import io.netty.channel.Channel;
import io.netty.channel.socket.DatagramPacket;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The socket all groups of one address family send from (an ephemeral port: the groups' own
 * ports stay free for readers on this host), and the datagrams handed to its thread but not
 * yet written. Groups send from their readers' threads; the socket's thread writes every batch
 * queued by then and flushes once. Groups stop offering while too much is queued, so memory
 * stays bounded when the socket falls behind.
 */
final class GroupSender {
    private static final int MAX_QUEUED_DATAGRAMS = 100_000;
    private final Channel channel;
    private final AtomicInteger queued = new AtomicInteger();
    private List<DatagramPacket> pending = new ArrayList<>();
    private boolean scheduled;

    GroupSender(Channel channel) {
        this.channel = channel;
    }

    Channel channel() {
        return channel;
    }

    /** {@code false} while the socket's thread has too many datagrams waiting. */
    boolean writable() {
        return queued.get() < MAX_QUEUED_DATAGRAMS && channel.isWritable();
    }

    /** Queues a batch for the socket's thread, which writes all queued batches and flushes once. */
    void send(List<DatagramPacket> batch) {
        if (batch.isEmpty()) {
            return;
        }
        queued.addAndGet(batch.size());
        synchronized (this) {
            pending.addAll(batch);
            if (scheduled) {
                return;
            }
            scheduled = true;
        }
        try {
            channel.eventLoop().execute(this::writeQueued);
        } catch (RejectedExecutionException stopping) {
            discardQueued(); // the transport is going away: nothing will be written
        }
    }

    private void discardQueued() {
        List<DatagramPacket> batch;
        synchronized (this) {
            batch = pending;
            pending = new ArrayList<>();
            scheduled = false;
        }
        batch.forEach(DatagramPacket::release);
        queued.addAndGet(-batch.size());
    }

    private void writeQueued() {
        List<DatagramPacket> batch;
        synchronized (this) {
            batch = pending;
            pending = new ArrayList<>(batch.size());
            scheduled = false;
        }
        for (DatagramPacket packet : batch) {
            channel.write(packet, channel.voidPromise());
        }
        channel.flush();
        queued.addAndGet(-batch.size());
    }
}
