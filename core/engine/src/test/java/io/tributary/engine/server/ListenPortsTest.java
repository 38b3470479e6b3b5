package io.tributary.engine.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.BindException;
import java.util.List;
import org.junit.jupiter.api.Test;

class ListenPortsTest {
    @Test
    void theWellKnownPairIsTheDefault() {
        assertEquals(List.of(554, 8554), ListenPorts.parse("554, 8554", 0).ports());
    }

    @Test
    void commasAndSpacesSeparateAndRepeatsCollapse() {
        assertEquals(List.of(8554, 554, 9000), ListenPorts.parse(" 8554 554,9000 ,8554 ", 0).ports());
    }

    @Test
    void theOlderSinglePortWins() {
        assertEquals(List.of(7000), ListenPorts.parse("554, 8554", 7000).ports());
    }

    @Test
    void whatIsNotAPortIsNamed() {
        var e = assertThrows(IllegalArgumentException.class, () -> ListenPorts.parse("554, eighty", 0));
        assertTrue(e.getMessage().contains("'eighty'"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> ListenPorts.parse("70000", 0));
        assertThrows(IllegalArgumentException.class, () -> ListenPorts.parse(" , ", 0));
    }

    @Test
    void aDeniedLowPortSaysHowToAllowIt() {
        String why = ListenPorts.whyNot(554, new BindException("bind(..) failed: Permission denied"));
        assertTrue(why.contains("CAP_NET_BIND_SERVICE") && why.contains("ip_unprivileged_port_start=554"), why);
        assertEquals("another program listens there",
                ListenPorts.whyNot(8554, new BindException("bind(..) failed: Address already in use")));
    }
}
