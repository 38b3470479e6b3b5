package io.tributary.client;

import static io.tributary.client.TestSupport.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netty.channel.EventLoopGroup;
import io.tributary.rtsp.header.LowerTransport;
import io.tributary.rtsp.header.PortRange;
import io.tributary.rtsp.header.TransportHeader;
import io.tributary.rtsp.header.TransportSpec;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** RTP/AVP over UDP against a fake server with real datagram sockets on 127.0.0.1. */
@Timeout(20)
class UdpTransportTest {

    @Test
    void setupBindsAnEvenOddPairPunchesAndReceives() throws Exception {
        InetAddress lo = InetAddress.getLoopbackAddress();
        DatagramSocket[] serverPair = pair(lo);
        int serverRtp = serverPair[0].getLocalPort();
        AtomicReference<TransportSpec> requested = new AtomicReference<>();
        EventLoopGroup group = TestSupport.group(1);
        try (DatagramSocket rtpSocket = serverPair[0];
             DatagramSocket rtcpSocket = serverPair[1];
             RtspClient client = new RtspClient(group);
             FakeRtspServer server = new FakeRtspServer(ex -> {
                 if (ex.method().equals("SETUP")) {
                     requested.set(TransportHeader.parse(ex.header("Transport")).getFirst());
                 }
                 if (ex.method().equals("SETUP") && ex.request.uri().endsWith("trackID=1")) {
                     ex.ok("Session: 1;timeout=60", "Transport: " + FakeCamera.echoTransport(ex, serverRtp));
                 } else {
                     FakeCamera.answer(ex);
                 }
             })) {
            rtpSocket.setSoTimeout(3000);
            rtcpSocket.setSoTimeout(3000);
            TestSupport.Recorder recorder = new TestSupport.Recorder();
            ClientSession session = await(client.connect(server.url("/s"), recorder), 5000);
            Description d = await(session.describe(), 5000);
            TrackSetup setup = await(session.setup(d.tracks().getFirst(), LowerTransport.UDP), 5000);

            PortRange clientPorts = requested.get().clientPort();
            assertEquals(0, clientPorts.first() % 2, "RTP on an even port");
            assertEquals(clientPorts.first() + 1, clientPorts.last());
            assertEquals(PortRange.pair(serverRtp), setup.transport().serverPort());

            DatagramPacket punch = new DatagramPacket(new byte[1500], 1500);
            rtpSocket.receive(punch);
            assertEquals(12, punch.getLength(), "an empty RTP packet opens the path");
            assertEquals(clientPorts.first(), punch.getPort(), "sent from the RTP port the client announced");
            DatagramPacket rtcpPunch = new DatagramPacket(new byte[1500], 1500);
            rtcpSocket.receive(rtcpPunch);
            assertEquals(8, rtcpPunch.getLength(), "an empty receiver report");
            assertEquals(201, rtcpPunch.getData()[1] & 0xFF);
            assertEquals(clientPorts.last(), rtcpPunch.getPort());

            await(session.play(null), 5000);
            InetSocketAddress clientRtp = new InetSocketAddress(lo, clientPorts.first());
            for (int seq = 10; seq < 13; seq++) {
                byte[] p = TestSupport.rtp(96, seq, seq * 3000L, 7, 100);
                rtpSocket.send(new DatagramPacket(p, p.length, clientRtp));
            }
            byte[] bye = TestSupport.rtcpBye(7);
            rtcpSocket.send(new DatagramPacket(bye, bye.length, new InetSocketAddress(lo, clientPorts.last())));
            for (int seq = 10; seq < 13; seq++) {
                TestSupport.Packet p = recorder.next(3000);
                assertNotNull(p, "RTP " + seq);
                assertEquals(0, p.track());
                assertEquals(seq, p.seq());
            }
            TestSupport.Packet rtcp = recorder.next(3000);
            assertNotNull(rtcp);
            assertTrue(rtcp.rtcp());
            // the only set-up track said BYE
            assertEquals(SessionEnd.Reason.RTCP_BYE, await(session.ended(), 3000).reason());
        } finally {
            group.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
        }
    }

    /** Two sockets on consecutive ports, as a server's server_port pair. */
    private static DatagramSocket[] pair(InetAddress lo) throws SocketException {
        for (int i = 0; i < 50; i++) {
            DatagramSocket first = new DatagramSocket(new InetSocketAddress(lo, 0));
            try {
                return new DatagramSocket[] {first,
                        new DatagramSocket(new InetSocketAddress(lo, first.getLocalPort() + 1))};
            } catch (SocketException taken) {
                first.close();
            }
        }
        throw new SocketException("no consecutive UDP ports");
    }
}
