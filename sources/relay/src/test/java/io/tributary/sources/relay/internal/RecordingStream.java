package io.tributary.sources.relay.internal;

import io.tributary.api.media.AccessUnit;
import io.tributary.api.source.StreamPublisher;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/** An engine stream for tests: records what the relay did to it, in order (bounded). */
final class RecordingStream implements StreamPublisher {
    /** What happened: {@code unit <payload>}, {@code discontinuity} or {@code end}. */
    private final BlockingQueue<String> events = new ArrayBlockingQueue<>(10_000);
    final AtomicInteger units = new AtomicInteger();
    final AtomicInteger discontinuities = new AtomicInteger();
    final AtomicInteger ends = new AtomicInteger();
    /** The presentation time of the first unit, -1 before it. */
    final AtomicLong firstUnitTime = new AtomicLong(-1);

    @Override
    public void publish(AccessUnit unit) {
        units.incrementAndGet();
        firstUnitTime.compareAndSet(-1, unit.presentationTime());
        events.offer("unit " + StandardCharsets.UTF_8.decode(unit.dataView()));
    }

    @Override
    public void senderReport(int track, long ntpTime, long timestamp) {
        events.offer("sender report " + track + " " + timestamp);
    }

    @Override
    public void discontinuity() {
        discontinuities.incrementAndGet();
        events.offer("discontinuity");
    }

    @Override
    public void end() {
        ends.incrementAndGet();
        events.offer("end");
    }

    /** The next event that starts with {@code prefix} within {@code millis}, skipping others; null if none. */
    String next(String prefix, long millis) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(millis);
        while (true) {
            long left = deadline - System.nanoTime();
            String event = events.poll(Math.max(0, left), TimeUnit.NANOSECONDS);
            if (event == null || event.startsWith(prefix)) {
                return event;
            }
        }
    }

    void clear() {
        events.clear();
    }
}
