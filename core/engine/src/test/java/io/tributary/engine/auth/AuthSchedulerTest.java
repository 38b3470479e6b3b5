package io.tributary.engine.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;
import org.junit.jupiter.api.Test;

class AuthSchedulerTest {
    /** Runs work only when the test says so, in order. */
    private final List<Runnable> pending = new ArrayList<>();
    private final Executor manual = pending::add;
    private final List<String> ran = new ArrayList<>();

    private void runNext() {
        pending.removeFirst().run();
    }

    private AuthScheduler.Task task(String name) {
        return new AuthScheduler.Task(() -> ran.add(name), () -> false);
    }

    private static InetAddress address(String text) throws Exception {
        return InetAddress.getByName(text);
    }

    @Test
    void waitingAddressesTakeTurnsSoOneBusyClientCannotStarveAnother() throws Exception {
        AuthScheduler scheduler = new AuthScheduler(manual, 1, 1, 10);
        InetAddress a = address("10.0.0.1");
        InetAddress b = address("10.0.0.2");
        assertTrue(scheduler.submit(a, task("a1")));
        assertTrue(scheduler.submit(a, task("a2")));
        assertTrue(scheduler.submit(a, task("a3")));
        assertTrue(scheduler.submit(b, task("b1")));
        assertEquals(3, scheduler.waiting());
        while (!pending.isEmpty()) {
            runNext();
        }
        assertEquals(List.of("a1", "a2", "b1", "a3"), ran);
        assertEquals(0, scheduler.waiting());
    }

    @Test
    void workWhoseRequesterGaveUpIsSkippedAndAFullQueueRefuses() throws Exception {
        AuthScheduler scheduler = new AuthScheduler(manual, 1, 1, 2);
        InetAddress a = address("10.0.0.1");
        assertTrue(scheduler.submit(a, task("a1")));
        assertTrue(scheduler.submit(a, new AuthScheduler.Task(() -> ran.add("gone"), () -> true)));
        assertTrue(scheduler.submit(a, task("a3")));
        assertFalse(scheduler.submit(a, task("a4")), "the queue holds 2");
        while (!pending.isEmpty()) {
            runNext();
        }
        assertEquals(List.of("a1", "a3"), ran);
    }
}
