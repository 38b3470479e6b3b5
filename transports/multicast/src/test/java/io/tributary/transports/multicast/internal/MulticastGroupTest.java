package io.tributary.transports.multicast.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netty.bootstrap.Bootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketProtocolFamily;
import io.netty.channel.socket.nio.NioDatagramChannel;
import io.tributary.rtsp.rtp.RtcpBye;
import io.tributary.rtsp.rtp.RtcpPacket;
import io.tributary.rtsp.rtp.RtcpParser;
import io.tributary.rtsp.rtp.RtcpSenderReport;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A group's sending, over real sockets: the "group" here is a unicast socket on the loopback
 * address, so that a unit test never sends multicast to a real network.
 */
class MulticastGroupTest {
    private static final long SSRC = 0x1234_5678L;
    private static final GroupAddress LABEL = new GroupAddress(0, InetAddress.getLoopbackAddress(), 20000);

    private EventLoopGroup loop;
    private Channel channel;
    private GroupSender sender;
    private DatagramSocket rtpReceiver;
    private DatagramSocket rtcpReceiver;
    private final AtomicLong now = new AtomicLong(1_000_000_000L);

    @BeforeEach
    void open() throws Exception {
        loop = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
        channel = new Bootstrap().group(loop).channelFactory(() -> new NioDatagramChannel(SocketProtocolFamily.INET))
                .handler(new ChannelInboundHandlerAdapter())
                .bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0)).sync().channel();
        sender = new GroupSender(channel);
        rtpReceiver = new DatagramSocket(0, InetAddress.getLoopbackAddress());
        rtcpReceiver = new DatagramSocket(0, InetAddress.getLoopbackAddress());
    }

    @AfterEach
    void close() {
        rtpReceiver.close();
        rtcpReceiver.close();
        channel.close().syncUninterruptibly();
        loop.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
    }

    @Test
    void twoReadersHandingOverTheSameFramesSendEachPacketOnce() throws Exception {
        MulticastGroup group = liveGroup();
        MulticastBinding first = join(group, "127.0.0.1", "s1");
        MulticastBinding second = join(group, "127.0.0.2", "s2");
        List<TestFrame> frames = List.of(TestFrame.of(SSRC, 100, 3, 100), TestFrame.of(SSRC, 103, 2, 100),
                TestFrame.of(SSRC, 105, 4, 100));
        for (TestFrame frame : frames) {
            assertTrue(first.sendFrame(frame));
            assertTrue(second.sendFrame(frame));
            first.flush();
            second.flush();
        }

        List<Integer> received = sequences(rtpReceiver, 300);
        assertEquals(List.of(100, 101, 102, 103, 104, 105, 106, 107, 108), received);
        assertEquals(9, group.packetsSent());
        assertEquals(2, group.readers());
    }

    @Test
    void aJoiningReadersCachedFramesAreNotSentAgainButANewGroupSendsThem() throws Exception {
        MulticastGroup group = liveGroup();
        MulticastBinding old = join(group, "127.0.0.1", "s1");
        TestFrame keyframe = TestFrame.of(SSRC, 200, 6, 100);
        TestFrame next = TestFrame.of(SSRC, 206, 2, 100);
        // the first reader of a new group sends its cached frames: the group has nothing yet
        old.sendFrame(keyframe);
        old.sendFrame(next);
        assertEquals(List.of(200, 201, 202, 203, 204, 205, 206, 207), sequences(rtpReceiver, 300));

        // a reader joins: the keyframe cache hands it the same frames again, then the next live one
        MulticastBinding joining = join(group, "127.0.0.2", "s2");
        joining.sendFrame(keyframe);
        joining.sendFrame(next);
        TestFrame live = TestFrame.of(SSRC, 208, 1, 100);
        joining.sendFrame(live);
        old.sendFrame(live);

        assertEquals(List.of(208), sequences(rtpReceiver, 300));
    }

    @Test
    void aKeyframeSentInPartsIsNotSentAgainWhenAJoiningReaderGetsItWhole() throws Exception {
        MulticastGroup group = liveGroup();
        MulticastBinding old = join(group, "127.0.0.1", "s1");
        TestFrame keyframe = TestFrame.of(SSRC, 65530, 12, 50); // wraps round 65535
        for (TestFrame part : keyframe.parts(5)) {
            old.sendFrame(part);
        }
        assertEquals(12, sequences(rtpReceiver, 300).size());

        MulticastBinding joining = join(group, "127.0.0.2", "s2");
        joining.sendFrame(keyframe);

        assertEquals(List.of(), sequences(rtpReceiver, 200));
        assertEquals(12, group.packetsSent());
    }

    @Test
    void aFileGroupSendsWhatItsOneSessionSends() throws Exception {
        MulticastGroup group = new MulticastGroup(new GroupKey(false, "/vod/a.mp4", 0, "session-1"), LABEL,
                target(rtpReceiver), target(rtcpReceiver), sender, 1, now::get);
        MulticastBinding reader = join(group, "127.0.0.1", "session-1");
        ByteBuffer header = ByteBuffer.allocate(12).put((byte) 0x80).put((byte) 96).putShort((short) 7).putInt(0)
                .putInt((int) SSRC).flip();
        assertTrue(reader.sendRtp(header, ByteBuffer.wrap(new byte[20])));
        // after a seek a file's session may send a number again: its own timeline, nothing to de-duplicate
        assertTrue(reader.sendRtp(header.rewind(), ByteBuffer.wrap(new byte[20])));

        assertEquals(List.of(7, 7), sequences(rtpReceiver, 300));
    }

    @Test
    void oneSenderReportPerIntervalWhateverTheNumberOfReaders() throws Exception {
        MulticastGroup group = liveGroup();
        MulticastBinding first = join(group, "127.0.0.1", "s1");
        MulticastBinding second = join(group, "127.0.0.2", "s2");
        assertTrue(first.sendRtcp(senderReport()));
        assertTrue(second.sendRtcp(senderReport()), "held back, not refused as if the client were slow");
        now.addAndGet(TimeUnit.SECONDS.toNanos(4));
        first.sendRtcp(senderReport());
        assertEquals(1, rtcp(300).size());

        now.addAndGet(TimeUnit.SECONDS.toNanos(1));
        second.sendRtcp(senderReport());
        first.sendRtcp(senderReport());
        assertEquals(1, rtcp(300).size());
    }

    @Test
    void byeGoesOutOnlyWhenTheLastReaderLeaves() throws Exception {
        MulticastGroup group = liveGroup();
        MulticastBinding first = join(group, "127.0.0.1", "s1");
        MulticastBinding second = join(group, "127.0.0.2", "s2");
        first.sendFrame(TestFrame.of(SSRC, 1, 1, 10));

        first.sendRtcp(senderReportAndBye());
        group.remove(first);
        assertTrue(rtcp(200).isEmpty(), "one reader left, the others go on: no BYE");

        second.sendRtcp(senderReportAndBye());
        List<List<RtcpPacket>> last = rtcp(300);
        assertEquals(1, last.size());
        assertTrue(last.get(0).stream().anyMatch(p -> p instanceof RtcpPacket.Bye), last.toString());
        assertTrue(group.remove(second));
        group.stop();
        assertTrue(rtcp(200).isEmpty(), "the BYE went out once");
    }

    @Test
    void aGroupWhoseLastReaderSentNoByeSaysItWhenItStops() throws Exception {
        MulticastGroup group = liveGroup();
        MulticastBinding reader = join(group, "127.0.0.1", "s1");
        reader.sendFrame(TestFrame.of(SSRC, 1, 1, 10));
        sequences(rtpReceiver, 200);
        group.remove(reader); // its session timed out: no BYE of its own
        group.stop();

        List<List<RtcpPacket>> sent = rtcp(300);
        assertEquals(1, sent.size());
        assertTrue(sent.get(0).get(0) instanceof RtcpPacket.ReceiverReport, "compound RTCP starts with a report");
        assertEquals(List.of(SSRC), ((RtcpPacket.Bye) sent.get(0).get(1)).ssrcs());
        assertFalse(reader.sendFrame(TestFrame.of(SSRC, 2, 1, 10)), "a stopped group sends nothing");
    }

    @Test
    void receiverReportsReachTheSessionsOfTheHostTheyComeFrom() {
        MulticastGroup group = liveGroup();
        ReaderContext here = new ReaderContext("127.0.0.1", "/live/a", 0, SSRC, true, "s1");
        ReaderContext there = new ReaderContext("127.0.0.2", "/live/a", 0, SSRC, true, "s2");
        group.add(new MulticastBinding(null, group, here, b -> { }));
        group.add(new MulticastBinding(null, group, there, b -> { }));
        ByteBuffer report = ByteBuffer.allocate(8).put((byte) 0x80).put((byte) 201).putShort((short) 1)
                .putInt(0x0BADCAFE).flip();

        group.received(new InetSocketAddress("127.0.0.2", 5001), report);
        // the group's own sender report and its closing BYE come back to the port too: not a reader's
        group.received(new InetSocketAddress("127.0.0.1", 5001), senderReport());
        group.received(new InetSocketAddress("127.0.0.1", 5001), ByteBuffer.allocate(8).put((byte) 0x80)
                .put((byte) 201).putShort((short) 1).putInt((int) SSRC).flip());

        assertEquals(0, here.reports.get());
        assertEquals(1, there.reports.get());
    }

    private MulticastGroup liveGroup() {
        return new MulticastGroup(new GroupKey(false, "/live/a", 0, null), LABEL, target(rtpReceiver),
                target(rtcpReceiver), sender, 1, now::get);
    }

    private static MulticastBinding join(MulticastGroup group, String host, String session) {
        MulticastBinding binding = new MulticastBinding(null, group,
                new ReaderContext(host, group.key().path(), 0, SSRC, group.key().shared(), session), b -> { });
        group.add(binding);
        return binding;
    }

    private static InetSocketAddress target(DatagramSocket socket) {
        return new InetSocketAddress(InetAddress.getLoopbackAddress(), socket.getLocalPort());
    }

    private static ByteBuffer senderReport() {
        ByteBuffer report = ByteBuffer.allocate(64);
        RtcpSenderReport.write(report, SSRC, 0, 0, 0, 0, "test");
        return report.flip();
    }

    private static ByteBuffer senderReportAndBye() {
        ByteBuffer report = ByteBuffer.allocate(96);
        RtcpSenderReport.write(report, SSRC, 0, 0, 0, 0, "test");
        RtcpBye.write(report, SSRC);
        return report.flip();
    }

    /** The sequence numbers of the RTP that arrives until none came for {@code quietMillis}. */
    private static List<Integer> sequences(DatagramSocket socket, int quietMillis) throws Exception {
        List<Integer> sequences = new ArrayList<>();
        for (byte[] packet : receive(socket, quietMillis)) {
            sequences.add((packet[2] & 0xff) << 8 | (packet[3] & 0xff));
        }
        return sequences;
    }

    private List<List<RtcpPacket>> rtcp(int quietMillis) throws Exception {
        List<List<RtcpPacket>> packets = new ArrayList<>();
        for (byte[] packet : receive(rtcpReceiver, quietMillis)) {
            packets.add(RtcpParser.parse(ByteBuffer.wrap(packet)));
        }
        return packets;
    }

    private static List<byte[]> receive(DatagramSocket socket, int quietMillis) throws Exception {
        List<byte[]> packets = new ArrayList<>();
        socket.setSoTimeout(quietMillis);
        byte[] buffer = new byte[2048];
        while (true) {
            DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
            try {
                socket.receive(packet);
            } catch (SocketTimeoutException quiet) {
                return packets;
            }
            packets.add(java.util.Arrays.copyOf(packet.getData(), packet.getLength()));
        }
    }
}
