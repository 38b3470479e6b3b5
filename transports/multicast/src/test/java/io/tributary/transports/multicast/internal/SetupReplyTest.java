package io.tributary.transports.multicast.internal;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.tributary.rtsp.header.TransportHeader;
import io.tributary.rtsp.header.TransportSpec;
import io.tributary.rtsp.message.RtspException;
import java.net.InetAddress;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The SETUP exchange of RFC 2326 §12.39 for multicast: what a client may ask, and what it is told. */
class SetupReplyTest {

    @Test
    void theReplyNamesTheGroupItsPortsTheTtlAndTheSsrc() throws Exception {
        GroupAddress group = new GroupAddress(0, InetAddress.getByName("239.255.0.1"), 20000);
        TransportSpec requested = TransportHeader.parse("RTP/AVP;multicast").get(0);

        String reply = TransportHeader.format(MulticastTransport.reply(requested, group, 1, 0x1A2B3CL));

        assertEquals("RTP/AVP;multicast;destination=239.255.0.1;port=20000-20001;ttl=1;ssrc=001A2B3C", reply);
    }

    @Test
    void whatTheClientAskedOfGroupPortAndTtlIsNotWhatItGets() throws Exception {
        GroupAddress group = new GroupAddress(3, InetAddress.getByName("ff15::3"), 20006);
        TransportSpec requested = TransportHeader.parse(
                "RTP/AVP/UDP;multicast;destination=239.1.2.3;port=5000-5001;ttl=127;mode=PLAY").get(0);

        String reply = TransportHeader.format(MulticastTransport.reply(requested, group, 2, 0xFFFFFFFFL));

        assertEquals("RTP/AVP;multicast;destination=ff15::3;port=20006-20007;ttl=2;ssrc=FFFFFFFF;mode=\"PLAY\"", reply);
        // and the reply reads back as what it says
        TransportSpec read = TransportHeader.parse(reply).get(0);
        assertEquals("ff15::3", read.destination());
        assertEquals(20006, read.port().first());
        assertEquals(MulticastTransport.PROFILE_KEY, read.profileKey());
    }

    @ParameterizedTest
    @ValueSource(strings = {"RTP/AVP;multicast", "RTP/AVP;multicast;destination=239.255.9.9;port=4000-4001",
            "RTP/AVP;multicast;destination=ff15::9", "RTP/AVP;multicast;ttl=64"})
    void aClientMayAskForAGroupButIsNotFollowed(String transport) {
        assertDoesNotThrow(() -> MulticastTransport.checkRequest(TransportHeader.parse(transport).get(0)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"RTP/AVP;multicast;destination=127.0.0.9;port=5000-5001",
            "RTP/AVP;multicast;destination=10.1.2.3", "RTP/AVP;multicast;destination=example.com",
            "RTP/AVP;multicast;destination=::1"})
    void mediaIsNeverAimedAtAUnicastAddress(String transport) {
        RtspException refused = assertThrows(RtspException.class,
                () -> MulticastTransport.checkRequest(TransportHeader.parse(transport).get(0)));
        assertEquals(461, refused.status().code());
    }

    @Test
    void publishingOverMulticastIs461() {
        RtspException refused = assertThrows(RtspException.class, () -> MulticastTransport.checkRequest(
                TransportHeader.parse("RTP/AVP;multicast;mode=record").get(0)));
        assertEquals(461, refused.status().code());
        assertEquals("publishing over multicast is not supported: publish over RTP/AVP/TCP or unicast UDP",
                refused.getMessage());
    }
}
