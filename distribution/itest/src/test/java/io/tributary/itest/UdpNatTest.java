package io.tributary.itest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.SocketTimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A UDP reader behind NAT: it announces client ports its packets do not come from, and sends
 * hole-punch packets (as VLC and GStreamer do) from the ports the NAT really uses. Media must
 * follow those, not the announced ports.
 */
class UdpNatTest {
    @RegisterExtension
    static final TributaryFixture tributary = new TributaryFixture();

    private static final Pattern SERVER_PORT = Pattern.compile("server_port=(\\d+)-(\\d+)");

    @Test
    void mediaGoesWhereTheHolePunchCameFrom() throws Exception {
        String url = "rtsp://127.0.0.1:" + tributary.rtspPort() + "/demo";
        try (DatagramSocket announcedRtp = new DatagramSocket(0, InetAddress.getLoopbackAddress());
             DatagramSocket natRtp = new DatagramSocket(0, InetAddress.getLoopbackAddress());
             DatagramSocket natRtcp = new DatagramSocket(0, InetAddress.getLoopbackAddress());
             RawRtsp rtsp = new RawRtsp(tributary.rtspPort())) {
            int announced = announcedRtp.getLocalPort();
            RawRtsp.Response setup = rtsp.request("SETUP", url + "/trackID=0", 1,
                    "Transport: RTP/AVP;unicast;client_port=" + announced + "-" + (announced + 1));
            assertEquals(200, setup.status(), setup.body());
            Matcher ports = SERVER_PORT.matcher(setup.header("Transport"));
            assertTrue(ports.find(), setup.header("Transport"));
            InetAddress server = InetAddress.getLoopbackAddress();
            byte[] punchRtp = {(byte) 0x80, 96, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0};
            byte[] punchRtcp = {(byte) 0x80, (byte) 201, 0, 1, 0, 0, 0, 1};
            natRtp.send(new DatagramPacket(punchRtp, punchRtp.length, server, Integer.parseInt(ports.group(1))));
            natRtcp.send(new DatagramPacket(punchRtcp, punchRtcp.length, server, Integer.parseInt(ports.group(2))));
            Thread.sleep(200);
            String session = setup.header("Session").split(";")[0];
            assertEquals(200, rtsp.request("PLAY", url, 2, "Session: " + session).status());

            int atNat = count(natRtp, 2000);
            int atAnnounced = count(announcedRtp, 200);
            assertTrue(atNat > 20, "RTP at the address the hole punch came from: " + atNat);
            assertEquals(0, atAnnounced, "nothing at the announced port once the real one is known");
            assertTrue(count(natRtcp, 6000) > 0, "sender reports at the learned RTCP address");
        }
    }

    private static int count(DatagramSocket socket, int millis) throws Exception {
        long deadline = System.currentTimeMillis() + millis;
        byte[] buffer = new byte[2048];
        int packets = 0;
        while (System.currentTimeMillis() < deadline) {
            socket.setSoTimeout((int) Math.max(1, deadline - System.currentTimeMillis()));
            try {
                socket.receive(new DatagramPacket(buffer, buffer.length));
                packets++;
            } catch (SocketTimeoutException e) {
                break;
            }
        }
        return packets;
    }
}
