package io.tributary.transports.udp.internal;

import io.netty.channel.Channel;
import io.netty.channel.socket.DatagramPacket;
import io.tributary.api.transport.RtpFrame;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One server socket and the datagrams handed to its thread but not yet written. Sessions
 * run on other threads and hand over their batches (a frame each); the socket's thread
 * writes every batch queued by then and flushes once, so Netty sends the datagrams of many
 * readers in one {@code sendmmsg}. Senders stop offering while too much is queued, so memory
 * stays bounded when the socket falls behind.
 */
final class UdpSender {
    /** Bounds the datagram objects waiting; with GSO a reader needs a handful per frame. */
    private static final int MAX_QUEUED_DATAGRAMS = 200_000;
    private final Channel channel;
    private final boolean segmentation;
    private final AtomicInteger queued = new AtomicInteger();
    private List<Outgoing> pending = new ArrayList<>();
    private boolean scheduled;
    /** A flush is due after the loop's current task (touched on the socket's loop only). */
    private boolean flushScheduled;
    private final Runnable flushTask = this::flushNow;

    /** @param segmentation whether the socket can send UDP GSO segmented datagrams */
    UdpSender(Channel channel, boolean segmentation) {
        this.channel = channel;
        this.segmentation = segmentation;
    }

    Channel channel() {
        return channel;
    }

    boolean segmentation() {
        return segmentation;
    }

    /** {@code false} while the socket's thread has too many datagrams waiting. */
    boolean writable() {
        return queued.get() < MAX_QUEUED_DATAGRAMS && channel.isWritable();
    }

    /**
     * A datagram to write and, when it is the last one of a frame for a reader, the frame to
     * release once it is written (or failed): datagrams of a socket complete in order.
     */
    record Outgoing(DatagramPacket packet, RtpFrame written) {
        /** Frees what was never written. */
        void discard() {
            packet.release();
            if (written != null) {
                written.release();
            }
        }
    }

    /**
     * Writes a batch. On the socket's own loop (the session's: the usual case) it is written at
     * once and flushed after the loop's current task, so that every reader served by that task
     * goes out in one {@code sendmmsg}; from another thread it is queued for the socket's thread,
     * which writes all queued batches and flushes once.
     */
    void send(List<Outgoing> batch) {
        if (batch.isEmpty()) {
            return;
        }
        if (channel.eventLoop().inEventLoop()) {
            for (Outgoing out : batch) {
                write(out);
            }
            if (!flushScheduled) {
                flushScheduled = true;
                channel.eventLoop().execute(flushTask);
            }
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
        channel.eventLoop().execute(this::writeQueued);
    }

    private void writeQueued() {
        List<Outgoing> batch;
        synchronized (this) {
            batch = pending;
            pending = new ArrayList<>(batch.size());
            scheduled = false;
        }
        for (Outgoing out : batch) {
            write(out);
        }
        channel.flush();
        queued.addAndGet(-batch.size());
    }

    private void write(Outgoing out) {
        RtpFrame frame = out.written();
        channel.write(out.packet(), frame == null ? channel.voidPromise()
                : channel.newPromise().addListener(done -> frame.release()));
    }

    private void flushNow() {
        flushScheduled = false;
        channel.flush();
    }
}
