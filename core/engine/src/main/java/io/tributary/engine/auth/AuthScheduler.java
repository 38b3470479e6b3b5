package io.tributary.engine.auth;

import java.net.InetAddress;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Executor;
import java.util.function.BooleanSupplier;

/**
 * Runs authentication work with bounded concurrency, fairly between client addresses: at
 * most {@code maxRunning} at once, at most {@code maxRunningPerAddress} for one address, the
 * rest waiting in arrival order per address (addresses take turns), at most {@code maxWaiting}
 * in all. So a slow backend ties up a bounded number of calls, one busy client cannot take
 * every turn, and a burst from one address (a recorder setting up a hundred cameras) waits
 * instead of failing.
 */
final class AuthScheduler {
    /** One piece of work; {@code abandoned} says whether its requester gave up while it waited. */
    record Task(Runnable work, BooleanSupplier abandoned) {
    }

    private final Executor executor;
    private final int maxRunning;
    private final int maxRunningPerAddress;
    private final int maxWaiting;
    private final Map<InetAddress, Integer> running = new HashMap<>();
    /** Waiting work per address; iteration order is the order in which addresses take turns. */
    private final LinkedHashMap<InetAddress, Deque<Task>> waiting = new LinkedHashMap<>();
    private int runningTotal;
    private int waitingTotal;

    AuthScheduler(Executor executor, int maxRunning, int maxRunningPerAddress, int maxWaiting) {
        this.executor = executor;
        this.maxRunning = maxRunning;
        this.maxRunningPerAddress = maxRunningPerAddress;
        this.maxWaiting = maxWaiting;
    }

    /** Runs or queues the task; false when too much is waiting already. */
    synchronized boolean submit(InetAddress address, Task task) {
        if (runningTotal < maxRunning && running.getOrDefault(address, 0) < maxRunningPerAddress
                && !waiting.containsKey(address)) {
            start(address, task);
            return true;
        }
        if (waitingTotal >= maxWaiting) {
            return false;
        }
        waiting.computeIfAbsent(address, a -> new ArrayDeque<>()).addLast(task);
        waitingTotal++;
        return true;
    }

    synchronized int waiting() {
        return waitingTotal;
    }

    private void start(InetAddress address, Task task) {
        runningTotal++;
        running.merge(address, 1, Integer::sum);
        Runnable wrapped = () -> {
            try {
                task.work().run();
            } finally {
                finished(address);
            }
        };
        try {
            executor.execute(wrapped);
        } catch (RuntimeException rejected) {
            finished(address);
            throw rejected;
        }
    }

    private synchronized void finished(InetAddress address) {
        runningTotal--;
        running.merge(address, -1, (a, b) -> a + b == 0 ? null : a + b);
        startWaiting();
    }

    /** Starts waiting work while there is room, one task per address per turn. */
    private void startWaiting() {
        boolean started = true;
        while (started && runningTotal < maxRunning && waitingTotal > 0) {
            started = false;
            Iterator<Map.Entry<InetAddress, Deque<Task>>> turns = waiting.entrySet().iterator();
            while (turns.hasNext() && runningTotal < maxRunning) {
                Map.Entry<InetAddress, Deque<Task>> entry = turns.next();
                if (running.getOrDefault(entry.getKey(), 0) >= maxRunningPerAddress) {
                    continue;
                }
                Task next = entry.getValue().pollFirst();
                waitingTotal--;
                if (entry.getValue().isEmpty()) {
                    turns.remove();
                } else {
                    // this address goes to the back of the turns
                    turns.remove();
                    waiting.put(entry.getKey(), entry.getValue());
                }
                if (!next.abandoned().getAsBoolean()) {
                    start(entry.getKey(), next);
                }
                started = true;
                break; // the iterator is stale after reordering: take turns afresh
            }
        }
    }
}
