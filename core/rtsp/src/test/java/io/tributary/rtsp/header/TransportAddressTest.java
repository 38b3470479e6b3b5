package io.tributary.rtsp.header;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.tributary.rtsp.message.RtspException;
import io.tributary.rtsp.message.RtspStatus;
import java.util.List;
import org.junit.jupiter.api.Test;

class TransportAddressTest {
    @Test
    void rtsp2DestinationsAreReadFromTheTransportHeaderAndWrittenBackAsSent() {
        TransportSpec spec = TransportHeader.parse("RTP/AVP/UDP;unicast;dest_addr=\":5000\"/\":5001\";mode=\"PLAY\"").get(0);
        String list = spec.extensions().get(TransportHeader.DEST_ADDR);
        assertEquals(List.of(new TransportAddress("", 5000), new TransportAddress("", 5001)), TransportAddress.parseList(list));
        assertEquals("RTP/AVP;unicast;mode=\"PLAY\";dest_addr=\":5000\"/\":5001\"", TransportHeader.format(spec));
    }

    @Test
    void hostsAndIpv6LiteralsRoundTrip() {
        List<TransportAddress> addresses = List.of(new TransportAddress("192.0.2.5", 6000),
                new TransportAddress("2001:db8::1", 6001));
        String formatted = TransportAddress.formatList(addresses);
        assertEquals("\"192.0.2.5:6000\"/\"[2001:db8::1]:6001\"", formatted);
        assertEquals(addresses, TransportAddress.parseList(formatted));
    }

    @Test
    void malformedListsAre400() {
        for (String bad : List.of("", "\":5000", ":5000", "\"host\"", "\":0\"", "\":65536\"", "\"2001:db8::1:5000\"",
                "\"a b:5\"", "\":1\"/\":2\"/\":3\"/\":4\"/\":5\"", "\":5000\"/")) {
            assertEquals(RtspStatus.BAD_REQUEST,
                    assertThrows(RtspException.class, () -> TransportAddress.parseList(bad)).status(), bad);
        }
        assertEquals(RtspStatus.BAD_REQUEST, assertThrows(RtspException.class,
                () -> TransportHeader.parse("RTP/AVP;unicast;dest_addr=\":x\"")).status());
    }
}
