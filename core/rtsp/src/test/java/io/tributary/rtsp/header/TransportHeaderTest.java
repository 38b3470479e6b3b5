package io.tributary.rtsp.header;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tributary.rtsp.message.RtspException;
import io.tributary.rtsp.message.RtspStatus;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TransportHeaderTest {

    private static TransportSpec one(String value) {
        List<TransportSpec> specs = TransportHeader.parse(value);
        assertEquals(1, specs.size());
        return specs.getFirst();
    }

    private static RtspStatus statusOf(String value) {
        return assertThrows(RtspException.class, () -> TransportHeader.parse(value)).status();
    }

    @Test
    void ffmpegUdpSpecParses() {
        TransportSpec s = one("RTP/AVP/UDP;unicast;client_port=31530-31531");
        assertEquals("RTP/AVP", s.profile());
        assertEquals(LowerTransport.UDP, s.lower());
        assertEquals("RTP/AVP/UDP", s.profileKey());
        assertFalse(s.multicast());
        assertEquals(new PortRange(31530, 31531), s.clientPort());
        assertNull(s.mode());
        assertEquals(Map.of(), s.extensions());
    }

    @Test
    void lowerTransportIsUdpWhenAbsent() {
        TransportSpec s = one("RTP/AVP;unicast;client_port=57000-57001");
        assertEquals(LowerTransport.UDP, s.lower());
        assertEquals("RTP/AVP/UDP", s.profileKey());
    }

    @Test
    void multicastHasAProfileKeyOfItsOwn() {
        TransportSpec s = one("RTP/AVP;multicast;destination=239.255.0.1;port=5000-5001;ttl=1");
        assertEquals("RTP/AVP/UDP;multicast", s.profileKey());
    }

    @Test
    void interleavedTcpSpecParses() {
        TransportSpec s = one("RTP/AVP/TCP;unicast;interleaved=0-1");
        assertEquals("RTP/AVP/TCP", s.profileKey());
        assertEquals(new PortRange(0, 1), s.interleaved());
    }

    @Test
    void gstreamerListKeepsTheClientsOrderAndSsrc() {
        List<TransportSpec> specs = TransportHeader.parse(
                "RTP/AVP;unicast;client_port=50000-50001;ssrc=1A2B3C4D;mode=\"PLAY\",RTP/AVP/TCP;unicast;interleaved=0-1");
        assertEquals(2, specs.size());
        assertEquals("1A2B3C4D", specs.get(0).ssrc());
        assertEquals("PLAY", specs.get(0).mode());
        assertEquals(LowerTransport.TCP, specs.get(1).lower());
    }

    @Test
    void ffmpegPublishModesMeanRecord() {
        assertEquals("RECORD", one("RTP/AVP/UDP;unicast;client_port=5000-5001;mode=record").mode());
        TransportSpec receive = one("RTP/AVP/TCP;unicast;interleaved=0-1;mode=receive");
        assertEquals("RECEIVE", receive.mode());
        assertTrue(receive.isRecord());
    }

    @Test
    void multicastParametersParse() {
        TransportSpec s = one("RTP/AVP;multicast;destination=239.1.2.3;port=5000-5001;ttl=16");
        assertTrue(s.multicast());
        assertEquals("239.1.2.3", s.destination());
        assertEquals(PortRange.pair(5000), s.port());
        assertEquals(16, s.ttl());
    }

    @Test
    void unknownProfilesAreKeptForTheEngineToSkip() {
        List<TransportSpec> specs = TransportHeader.parse("RTP/SAVPF/TCP;unicast;interleaved=0-1,"
                + "RAW/RAW/UDP;unicast;client_port=6000,rtp/avp;unicast;client_port=7000-7001");
        assertEquals(List.of("RTP/SAVPF/TCP", "RAW/RAW/UDP", "RTP/AVP/UDP"),
                specs.stream().map(TransportSpec::profileKey).toList());
        assertEquals(new PortRange(6000, 6000), specs.get(1).clientPort());
    }

    @Test
    void unknownParametersAreKeptInOrder() {
        TransportSpec s = one("RTP/AVP;unicast;client_port=1000-1001;x-zeta=1;append;x-alpha=\"a b\"");
        assertEquals(List.of("x-zeta", "append", "x-alpha"), List.copyOf(s.extensions().keySet()));
        assertEquals("", s.extensions().get("append"));
        assertEquals("a b", s.extensions().get("x-alpha"));
    }

    @Test
    void badNumbersAre400() {
        for (String bad : List.of("RTP/AVP;unicast;client_port=abc", "RTP/AVP;unicast;client_port=70000-70001",
                "RTP/AVP;unicast;client_port=5001-5000", "RTP/AVP;multicast;ttl=300", "RTP/AVP/TCP;interleaved=256-257",
                "RTP/AVP;unicast;client_port=", "RTP/AVP;unicast;client_port=-5")) {
            assertEquals(RtspStatus.BAD_REQUEST, statusOf(bad), bad);
        }
    }

    @Test
    void malformedSyntaxIs400() {
        for (String bad : List.of("", " ", "RTP", "RTP/AVP/UDP/X;unicast", "RTP/AVP;mode=\"PLAY",
                "RTP/AVP;destination=a\"b", "RTP/AVP;=1", ",", "RTP/AVP;x-a=\"\u0000b\"")) {
            assertEquals(RtspStatus.BAD_REQUEST, statusOf(bad), bad);
        }
    }

    @Test
    void onlyUnrepresentableLowerTransportsGive461() {
        assertEquals(RtspStatus.UNSUPPORTED_TRANSPORT, statusOf("RTP/AVP/DCCP;unicast"));
        assertEquals("RTP/AVP/TCP", one("RTP/AVP/DCCP;unicast,RTP/AVP/TCP;interleaved=2-3").profileKey());
    }

    @Test
    void serverReplyIsFormattedWithTheChosenParameters() {
        TransportSpec reply = one("RTP/AVP/UDP;unicast;client_port=31530-31531")
                .withServerPort(PortRange.pair(8000)).withSsrc("DEADBEEF");
        assertEquals("RTP/AVP;unicast;client_port=31530-31531;server_port=8000-8001;ssrc=DEADBEEF",
                TransportHeader.format(reply));
        TransportSpec tcp = one("RTP/AVP/TCP;unicast;interleaved=0-1;mode=record");
        assertEquals("RTP/AVP/TCP;unicast;interleaved=0-1;mode=\"RECORD\"", TransportHeader.format(tcp));
    }

    @Test
    void formatThenParseGivesTheSameSpecs() {
        List<TransportSpec> specs = TransportHeader.parse("RTP/AVP;multicast;destination=239.1.2.3;source=10.0.0.1;"
                + "port=5000-5001;ttl=1;x-a=\"b;c\";x-flag,RTP/SAVP/TCP;unicast;interleaved=4-5;ssrc=01020304;mode=\"PLAY\"");
        String formatted = TransportHeader.format(specs);
        assertEquals("RTP/AVP;multicast;destination=239.1.2.3;source=10.0.0.1;port=5000-5001;ttl=1;x-a=\"b;c\";x-flag,"
                + "RTP/SAVP/TCP;unicast;interleaved=4-5;ssrc=01020304;mode=\"PLAY\"", formatted);
        assertEquals(specs, TransportHeader.parse(formatted));
    }
}
