package io.tributary.engine.session;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tributary.api.transport.ControlChannel;
import java.lang.reflect.Proxy;
import java.net.InetSocketAddress;
import org.junit.jupiter.api.Test;

class RtspSessionTest {
    private static final long TIMEOUT = 60_000_000_000L;

    /** A connection that stays open. */
    private static ControlChannel openConnection() {
        return (ControlChannel) Proxy.newProxyInstance(RtspSessionTest.class.getClassLoader(),
                new Class<?>[] {ControlChannel.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "isOpen" -> true;
                    case "hashCode" -> System.identityHashCode(proxy);
                    case "equals" -> proxy == args[0];
                    default -> null;
                });
    }

    private static RtspSession session() {
        return new RtspSession("0123456789abcdef0123456789abcdef", "/live", new InetSocketAddress("10.0.0.5", 5000),
                null, null, null, 60);
    }

    @Test
    void aSessionThatPlaysInsideAnOpenConnectionLivesAsLongAsTheConnection() {
        RtspSession session = session();
        session.ownerConnection(openConnection());
        session.state(RtspSession.State.PLAYING);
        session.state(RtspSession.State.READY); // paused: still the connection's
        assertFalse(session.expired(System.nanoTime() + 10 * TIMEOUT));
    }

    @Test
    void aSessionOnlySetUpTimesOutEvenInsideAnOpenConnection() {
        RtspSession session = session();
        session.ownerConnection(openConnection());
        assertFalse(session.expired(System.nanoTime()));
        assertTrue(session.expired(System.nanoTime() + TIMEOUT + 1_000_000_000L),
                "a silent connection must not hold reservations for ever");
    }
}
