package io.tributary.transports.httptunnel.internal;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Future;

/**
 * The I/O threads of fake connections as one manual clock: tasks scheduled with
 * {@code ControlConnection.schedule} run when a test moves time on, in the order they fall due.
 */
final class FakeLoop {
    private record Task(long due, long order, Runnable run, CompletableFuture<Void> future) {
    }

    private final List<Task> tasks = new ArrayList<>();
    private long now;
    private long order;

    Future<?> schedule(Duration delay, Runnable run) {
        CompletableFuture<Void> future = new CompletableFuture<>();
        tasks.add(new Task(now + delay.toNanos(), order++, run, future));
        return future;
    }

    /** Runs what is due now (hand-overs between connections). */
    void runDue() {
        advance(Duration.ZERO);
    }

    /** Moves time on by {@code delay}, running every task that falls due meanwhile. */
    void advance(Duration delay) {
        long until = now + delay.toNanos();
        while (true) {
            Task next = tasks.stream().filter(t -> t.due() <= until)
                    .min(Comparator.comparingLong(Task::due).thenComparingLong(Task::order)).orElse(null);
            if (next == null) {
                break;
            }
            tasks.remove(next);
            now = Math.max(now, next.due());
            if (!next.future().isCancelled()) {
                next.run().run();
                next.future().complete(null);
            }
        }
        now = until;
    }
}
