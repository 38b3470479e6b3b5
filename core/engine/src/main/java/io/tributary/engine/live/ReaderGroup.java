package io.tributary.engine.live;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;

/**
 * The readers of a stream that live on one event loop. The publishing thread hands each
 * frame to the group, not to each reader: one task per loop delivers a batch of frames to
 * all its readers and flushes each reader once, so a frame costs one wake-up per loop
 * whatever the number of readers. The hand-over queue is bounded; when a loop falls that far
 * behind, frames are dropped for its readers and they restart at the next keyframe.
 */
final class ReaderGroup implements Runnable {
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(ReaderGroup.class);
    static final int MAX_PENDING_FRAMES = 256;

    private final Executor loop;
    private final ArrayDeque<LiveFrame> pending = new ArrayDeque<>();
    /** Replaced (copy on write) under the stream's lock; read by the loop. */
    private volatile LiveReader[] readers = new LiveReader[0];
    private boolean scheduled;
    private boolean overflowed;
    private long droppedFrames;

    ReaderGroup(Executor loop) {
        this.loop = loop;
    }

    void add(LiveReader reader) {
        LiveReader[] now = readers;
        LiveReader[] grown = java.util.Arrays.copyOf(now, now.length + 1);
        grown[now.length] = reader;
        readers = grown;
    }

    /** Removes a reader; returns {@code true} when the group is now empty. */
    boolean remove(LiveReader reader) {
        List<LiveReader> kept = new ArrayList<>(List.of(readers));
        kept.remove(reader);
        readers = kept.toArray(LiveReader[]::new);
        return kept.isEmpty();
    }

    LiveReader[] readers() {
        return readers;
    }

    /** Queues a frame for this loop's readers; never blocks. */
    void offer(LiveFrame frame) {
        synchronized (this) {
            if (pending.size() >= MAX_PENDING_FRAMES) {
                if (!overflowed) {
                    LOG.warn("readers on {} fell {} frames behind the stream; they restart at the next keyframe",
                            Thread.currentThread().getName(), MAX_PENDING_FRAMES);
                }
                overflowed = true;
                droppedFrames++;
                return;
            }
            pending.add(frame);
            if (scheduled) {
                return;
            }
            scheduled = true;
        }
        try {
            loop.execute(this);
        } catch (RejectedExecutionException shuttingDown) {
            synchronized (this) {
                pending.clear();
                scheduled = false;
            }
        }
    }

    synchronized long droppedFrames() {
        return droppedFrames;
    }

    @Override
    public void run() {
        LiveFrame[] batch;
        boolean resync;
        synchronized (this) {
            batch = pending.toArray(LiveFrame[]::new);
            pending.clear();
            scheduled = false;
            resync = overflowed;
            overflowed = false;
        }
        LiveReader[] current = readers;
        for (LiveReader reader : current) {
            if (resync) {
                reader.resynchronize();
            }
            for (LiveFrame frame : batch) {
                reader.deliver(frame);
            }
            reader.flush();
        }
    }
}
