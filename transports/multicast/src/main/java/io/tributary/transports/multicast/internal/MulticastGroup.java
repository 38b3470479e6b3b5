package io.tributary.transports.multicast.internal;

import io.netty.buffer.ByteBuf;
import io.netty.channel.socket.DatagramPacket;
import io.tributary.api.transport.RtpFrame;
import io.tributary.rtsp.rtp.RtcpBye;
import io.tributary.rtsp.rtp.RtcpPacket;
import io.tributary.rtsp.rtp.RtcpParser;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One multicast group: one track of a path (of one session, for a file) sent once to an
 * address that all its readers receive. Every reader's session hands over the same packets;
 * the group sends each packet once ({@link SentSequences}), sends at most one sender report
 * per {@link #REPORT_INTERVAL_NANOS} to the RTCP port, and says BYE only when it stops, not
 * when one of several readers leaves. Receiver reports that come back to the group reach the
 * sessions of the host they come from.
 *
 * <p>Readers of one path run on different event loops, so the calls that send are serialised
 * by this group's lock, held only to pick the packets and queue them (the order they are
 * queued in is the order they go out); nothing else shares it.
 */
final class MulticastGroup {
    private static final Logger LOG = LoggerFactory.getLogger(MulticastGroup.class);
    /** Each reader's session sends a sender report every 5 s: the group passes one of them on. */
    static final long REPORT_INTERVAL_NANOS = TimeUnit.MILLISECONDS.toNanos(4500);
    private static final int RTP_HEADER = 12;
    private static final int RR = 201;

    private final GroupKey key;
    private final GroupAddress address;
    private final InetSocketAddress rtpTarget;
    private final InetSocketAddress rtcpTarget;
    private final GroupSender sender;
    private final int ttl;
    private final LongSupplier nanoTime;
    /** Which packets went out; null for a file's group, whose one session sends each packet once anyway. */
    private final SentSequences sent;
    private final List<MulticastBinding> bindings = new ArrayList<>();
    /** The bindings, for routing receiver reports without the lock. */
    private volatile MulticastBinding[] routing = new MulticastBinding[0];
    private volatile long ssrc;
    private volatile long packetsSent;
    private volatile int readers;
    private boolean reported;
    private long reportedNanos;
    private boolean byeSent;
    private boolean stopped;

    /**
     * @param rtpTarget  where RTP goes: the group's address and port (a test may give a unicast one)
     * @param rtcpTarget where RTCP goes: the next port
     * @param nanoTime   the clock sender reports are spaced by
     */
    MulticastGroup(GroupKey key, GroupAddress address, InetSocketAddress rtpTarget, InetSocketAddress rtcpTarget,
                   GroupSender sender, int ttl, LongSupplier nanoTime) {
        this.key = key;
        this.address = address;
        this.rtpTarget = rtpTarget;
        this.rtcpTarget = rtcpTarget;
        this.sender = sender;
        this.ttl = ttl;
        this.nanoTime = nanoTime;
        this.sent = key.shared() ? new SentSequences() : null;
        LOG.info("{}: started (ttl {})", this, ttl);
    }

    GroupKey key() {
        return key;
    }

    GroupAddress address() {
        return address;
    }

    int ttl() {
        return ttl;
    }

    /** RTP packets sent to the group so far. */
    long packetsSent() {
        return packetsSent;
    }

    /** Readers that joined the group so far, including those that left. */
    int readers() {
        return readers;
    }

    /** Readers bound to the group now. */
    int bound() {
        return routing.length;
    }

    synchronized void add(MulticastBinding binding) {
        if (stopped) {
            throw new IllegalStateException(this + " has stopped");
        }
        bindings.add(binding);
        routing = bindings.toArray(MulticastBinding[]::new);
        readers++;
        ssrc = binding.ssrc();
        byeSent = false; // a reader joined after the BYE: the source is back
    }

    /** Removes a reader; {@code true} when none is left (the group is to stop). */
    synchronized boolean remove(MulticastBinding binding) {
        bindings.remove(binding);
        routing = bindings.toArray(MulticastBinding[]::new);
        return bindings.isEmpty();
    }

    boolean writable() {
        return sender.writable();
    }

    /** Sends the frame's packets that have not gone to the group yet. */
    synchronized boolean sendFrame(RtpFrame frame) {
        if (stopped) {
            return false;
        }
        ByteBuffer packets = frame.packets();
        int start = packets.position();
        List<DatagramPacket> batch = new ArrayList<>(frame.packetCount());
        for (int i = 0; i < frame.packetCount(); i++) {
            int offset = start + frame.packetOffset(i);
            int length = frame.packetLength(i);
            if (length < RTP_HEADER || !fresh(packets, offset)) {
                continue;
            }
            // copied (once per group, not per reader): the frame is only lent for this call
            ByteBuf copy = sender.channel().alloc().directBuffer(length).writeBytes(packets.slice(offset, length));
            batch.add(new DatagramPacket(copy, rtpTarget));
        }
        send(batch);
        return true;
    }

    /** Sends one packet given as header and payload (a file's session sends this way), unless it went out already. */
    synchronized boolean sendRtp(ByteBuffer header, ByteBuffer payload) {
        if (stopped) {
            return false;
        }
        int length = header.remaining() + payload.remaining();
        if (length < RTP_HEADER) {
            return true; // not RTP: nothing to send
        }
        ByteBuf buffer = sender.channel().alloc().directBuffer(length);
        buffer.writeBytes(header.duplicate()).writeBytes(payload.duplicate());
        if (!fresh(buffer.nioBuffer(), 0)) {
            buffer.release();
            return true;
        }
        send(List.of(new DatagramPacket(buffer, rtpTarget)));
        return true;
    }

    /**
     * Passes on one sender report per interval, and a BYE only from the last reader (its
     * session is ending, and with it the group). Reports held back are not "dropped because the
     * client is slow": the group has a recent one.
     */
    synchronized boolean sendRtcp(MulticastBinding from, ByteBuffer packet) {
        if (stopped) {
            return false;
        }
        boolean bye = false;
        for (RtcpPacket part : RtcpParser.parse(packet.duplicate())) {
            bye |= part instanceof RtcpPacket.Bye;
        }
        if (bye) {
            if (bindings.size() == 1 && bindings.get(0) == from && !byeSent) {
                byeSent = true;
                sendControl(packet);
            }
            return true;
        }
        long now = nanoTime.getAsLong();
        if (reported && now - reportedNanos < REPORT_INTERVAL_NANOS) {
            return true;
        }
        reported = true;
        reportedNanos = now;
        sendControl(packet);
        return true;
    }

    /**
     * Stops the group: a BYE unless the last reader's session sent one (a session that timed
     * out does not), and the log line with the counts.
     */
    synchronized void stop() {
        if (stopped) {
            return;
        }
        stopped = true;
        if (!byeSent && packetsSent > 0) {
            // an empty receiver report first: receivers drop compound RTCP that starts otherwise
            ByteBuffer bye = ByteBuffer.allocate(16);
            bye.put((byte) 0x80).put((byte) RR).putShort((short) 1).putInt((int) ssrc);
            RtcpBye.write(bye, ssrc);
            sendControl(bye.flip());
        }
        LOG.info("{}: stopped after {} packets, {} readers", this, packetsSent, readers);
    }

    /**
     * RTCP that arrived at the group's RTCP port from {@code from}: receiver reports reach the
     * sessions of that host (a host's sessions cannot be told apart here; a report keeps them
     * all alive). Anything else is ignored: the group's own sender reports come back to it.
     */
    void received(InetSocketAddress from, ByteBuffer packet) {
        int at = packet.position();
        if (packet.remaining() < 8 || (packet.get(at) & 0xC0) != 0x80 || (packet.get(at + 1) & 0xFF) != RR) {
            return;
        }
        long reporter = packet.getInt(at + 4) & 0xFFFFFFFFL;
        if (reporter == ssrc) {
            return; // the empty report before the group's own BYE
        }
        InetAddress host = from.getAddress();
        for (MulticastBinding binding : routing) {
            if (host.equals(binding.host())) {
                binding.rtcpReceived(packet.duplicate());
            }
        }
    }

    /** Whether the packet at {@code offset} has not gone to the group yet (and now counts as gone). */
    private boolean fresh(ByteBuffer packets, int offset) {
        if (sent == null) {
            return true;
        }
        int sequence = packets.getShort(offset + 2) & 0xFFFF;
        long packetSsrc = packets.getInt(offset + 8) & 0xFFFFFFFFL;
        return sent.claim(sequence, packetSsrc);
    }

    private void send(List<DatagramPacket> batch) {
        if (!batch.isEmpty()) {
            packetsSent += batch.size();
            sender.send(batch);
        }
    }

    private void sendControl(ByteBuffer packet) {
        ByteBuf buffer = sender.channel().alloc().directBuffer(packet.remaining());
        buffer.writeBytes(packet.duplicate());
        sender.send(List.of(new DatagramPacket(buffer, rtcpTarget)));
    }

    /** {@code multicast 239.255.0.1:20000 for /live/cam track 0}: the log lines' subject. */
    @Override
    public String toString() {
        return "multicast " + address + " for " + key;
    }
}
