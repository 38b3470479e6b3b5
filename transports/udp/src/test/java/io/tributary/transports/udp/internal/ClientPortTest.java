package io.tributary.transports.udp.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.tributary.rtsp.header.PortRange;
import io.tributary.rtsp.message.RtspException;
import org.junit.jupiter.api.Test;

class ClientPortTest {

    @Test
    void rtcpGoesToTheSecondPortOrTheOneAfterASinglePort() {
        assertEquals(5001, UdpTransport.clientRtcpPort(PortRange.pair(5000)));
        assertEquals(5001, UdpTransport.clientRtcpPort(new PortRange(5000, 5000)));
        assertEquals(6001, UdpTransport.clientRtcpPort(new PortRange(5000, 6001)));
        assertEquals(65535, UdpTransport.clientRtcpPort(new PortRange(65534, 65535)));
    }

    @Test
    void aSinglePort65535LeavesNoRtcpPortAndIs400() {
        RtspException e = assertThrows(RtspException.class,
                () -> UdpTransport.clientRtcpPort(new PortRange(65535, 65535)));
        assertEquals(400, e.status().code());
    }

    @Test
    void portZeroIs400AndSystemPortsAre461() {
        assertEquals(400, assertThrows(RtspException.class,
                () -> UdpTransport.clientRtcpPort(new PortRange(0, 1))).status().code());
        assertEquals(461, assertThrows(RtspException.class,
                () -> UdpTransport.clientRtcpPort(new PortRange(53, 54))).status().code());
        assertEquals(461, assertThrows(RtspException.class,
                () -> UdpTransport.clientRtcpPort(new PortRange(1023, 1024))).status().code());
    }
}
