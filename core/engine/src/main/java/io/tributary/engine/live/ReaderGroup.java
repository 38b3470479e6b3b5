package io.tributary.engine.live;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.RejectedExecutionException;

/**
 * The readers of a stream that live on one event loop. The publishing thread hands each
 * frame to the group, not to each reader: one task per loop delivers a batch of frames to
 * all its readers and flushes each reader once, so a frame costs one wake-up per loop
 * whatever the number of readers. The hand-over queue is bounded; when a loop falls that far
 * behind, frames are dropped for its readers and they restart at the next keyframe.
 *
 * <p>Large frames (keyframes) are paced: they go out in parts of {@value #PACED_PACKETS}
 * packets (one UDP GSO send per reader, 56 KB at most, well within a reader's socket buffer),
 * spread over half the stream's frame interval, so that a keyframe to many readers is not one
 * burst that overflows switch queues and client socket buffers, and is out before the next frame.
 * Readers over TCP take large frames whole when the first part goes out: TCP paces itself and
 * cannot overflow a reader's buffer, and parts would cost them a system call each.
 */
final class ReaderGroup implements Runnable {
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(ReaderGroup.class);
    static final int MAX_PENDING_FRAMES = 256;
    /** Packets per paced part: one UDP GSO send per reader. */
    static final int PACED_PACKETS = 40;
    /** Bounds of the pause between two parts of a frame. */
    static final long MIN_PACE_NANOS = 1_000_000;
    static final long MAX_PACE_NANOS = 8_000_000;

    /**
     * A frame or part to deliver: {@code paced} to readers that take parts, {@code whole} to
     * readers that take large frames whole (the whole frame with its first part, nothing with
     * the others). Each holds one reference, {@code whole} only when it is a frame of its own.
     */
    private record Delivery(LiveFrame paced, LiveFrame whole) {
        static Delivery of(LiveFrame frame) {
            return new Delivery(frame, frame);
        }

        LiveFrame to(LiveReader reader) {
            return reader.takesWholeFrames() ? whole : paced;
        }

        void release() {
            paced.release();
            if (whole != null && whole != paced) {
                whole.release();
            }
        }
    }

    private final ScheduledExecutorService loop;
    private final ArrayDeque<Delivery> pending = new ArrayDeque<>();
    /** Replaced (copy on write) under the stream's lock; read by the loop. */
    private volatile LiveReader[] readers = new LiveReader[0];
    /** Whether some reader takes large frames in parts; with none, frames are not cut. */
    private volatile boolean pacedReaders;
    private boolean scheduled;
    /** The pause before the next part of the frame being paced out. */
    private long paceNanos = MIN_PACE_NANOS;
    private boolean overflowed;
    private long droppedFrames;
    /** Packets dropped for every reader since the last run: each reader counts them as its own loss. */
    private long droppedPackets;

    ReaderGroup(ScheduledExecutorService loop) {
        this.loop = loop;
    }

    void add(LiveReader reader) {
        LiveReader[] now = readers;
        LiveReader[] grown = java.util.Arrays.copyOf(now, now.length + 1);
        grown[now.length] = reader;
        readers = grown;
        pacedReaders = anyPaced(grown);
    }

    /** Removes a reader; returns {@code true} when the group is now empty. */
    boolean remove(LiveReader reader) {
        List<LiveReader> kept = new ArrayList<>(List.of(readers));
        kept.remove(reader);
        readers = kept.toArray(LiveReader[]::new);
        pacedReaders = anyPaced(readers);
        return kept.isEmpty();
    }

    private static boolean anyPaced(LiveReader[] readers) {
        for (LiveReader reader : readers) {
            if (!reader.takesWholeFrames()) {
                return true;
            }
        }
        return false;
    }

    LiveReader[] readers() {
        return readers;
    }

    /** Queues a frame for this loop's readers, taking over the caller's reference; never blocks. */
    void offer(LiveFrame frame) {
        synchronized (this) {
            if (pending.size() >= MAX_PENDING_FRAMES) {
                if (!overflowed) {
                    LOG.warn("{} readers fell {} frames behind the stream; they restart at the next keyframe",
                            readers.length, MAX_PENDING_FRAMES);
                }
                overflowed = true;
                droppedFrames++;
                droppedPackets += frame.packetCount();
                frame.release();
                return;
            }
            pending.add(Delivery.of(frame));
            if (scheduled) {
                return;
            }
            scheduled = true;
        }
        try {
            loop.execute(this);
        } catch (RejectedExecutionException shuttingDown) {
            dropPending();
        }
    }

    /** The loop is shutting down: what waits for it is released. */
    private synchronized void dropPending() {
        pending.forEach(Delivery::release);
        pending.clear();
        scheduled = false;
    }

    synchronized long droppedFrames() {
        return droppedFrames;
    }

    @Override
    public void run() {
        List<Delivery> batch = new ArrayList<>();
        boolean resync;
        boolean more;
        long lost;
        synchronized (this) {
            more = takeBatch(batch);
            resync = overflowed;
            overflowed = false;
            lost = droppedPackets;
            droppedPackets = 0;
            scheduled = more;
        }
        LiveReader[] current = readers;
        long now = System.nanoTime();
        try {
            for (LiveReader reader : current) {
                if (resync) {
                    reader.lost(lost);
                }
                reader.reportIfDue(now);
                for (Delivery delivery : batch) {
                    LiveFrame frame = delivery.to(reader);
                    if (frame != null) {
                        reader.deliver(frame);
                    }
                }
                reader.flush();
            }
        } finally {
            batch.forEach(Delivery::release); // readers and transports retained what they keep
        }
        if (more) {
            try {
                loop.schedule(this, paceNanos, TimeUnit.NANOSECONDS);
            } catch (RejectedExecutionException shuttingDown) {
                dropPending();
            }
        }
    }

    /**
     * Moves the frames to send now into {@code batch}: all queued ones, up to and including
     * the first part of a large frame (with the whole frame, for readers that take it whole),
     * whose other parts stay queued in front. Returns whether parts remain to be sent after a
     * pause. References move with the frames.
     */
    private boolean takeBatch(List<Delivery> batch) {
        while (!pending.isEmpty()) {
            Delivery next = pending.poll();
            LiveFrame frame = next.paced();
            if (frame != next.whole() || frame.packetCount() <= PACED_PACKETS || !pacedReaders) {
                batch.add(next);
                continue;
            }
            List<LiveFrame> parts = frame.parts(PACED_PACKETS);
            paceNanos = Math.clamp(frame.frameIntervalNanos() / 2 / (parts.size() - 1), MIN_PACE_NANOS, MAX_PACE_NANOS);
            batch.add(new Delivery(parts.get(0), frame)); // the frame's own reference goes with its first part
            for (int i = parts.size() - 1; i >= 1; i--) {
                pending.addFirst(new Delivery(parts.get(i), null));
            }
            return true;
        }
        return false;
    }
}
