package io.tributary.engine.session;

import io.tributary.api.runtime.ReceptionStats;
import io.tributary.api.transport.ControlChannel;
import io.tributary.api.transport.TransportContext;
import io.tributary.engine.publish.Recording;
import io.tributary.rtsp.message.RtspHeaders;
import io.tributary.rtsp.rtp.RtcpPacket;
import io.tributary.rtsp.rtp.RtcpParser;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.atomic.LongAdder;

/** The engine's side of one track's transport: addresses, ids, and RTCP coming back. */
public final class SessionTransportContext implements TransportContext {
    private final RtspSession session;
    private final InetSocketAddress remote;
    private final InetSocketAddress local;
    private final ControlChannel control;
    private final int track;
    private final long ssrc;
    private final boolean secure;
    private final RtspHeaders setupHeaders;
    private final boolean sharedStream;
    private final LongAdder rtcpPackets = new LongAdder();
    private final ReceptionTracker reception;

    /**
     * @param secure       whether the SETUP came on an encrypted connection
     * @param setupHeaders the SETUP request's headers
     * @param sharedStream whether the track's packets are shared by every reader (a live path read)
     */
    public SessionTransportContext(RtspSession session, InetSocketAddress remote, InetSocketAddress local,
                                   ControlChannel control, int track, long ssrc, boolean secure,
                                   RtspHeaders setupHeaders, boolean sharedStream) {
        this.session = session;
        this.remote = remote;
        this.local = local;
        this.control = control;
        this.track = track;
        this.ssrc = ssrc;
        this.secure = secure;
        this.setupHeaders = setupHeaders;
        this.sharedStream = sharedStream;
        this.reception = new ReceptionTracker(ssrc, clockRate(session, track));
    }

    private static int clockRate(RtspSession session, int track) {
        var tracks = session.source().description().tracks();
        return track < tracks.size() ? tracks.get(track).encoding().clockRate() : 90_000;
    }

    @Override
    public InetSocketAddress remoteAddress() {
        return remote;
    }

    @Override
    public InetSocketAddress localAddress() {
        return local;
    }

    @Override
    public ControlChannel control() {
        return control;
    }

    @Override
    public String sessionId() {
        return session.id();
    }

    @Override
    public String path() {
        return session.path();
    }

    @Override
    public boolean secure() {
        return secure;
    }

    @Override
    public String requestHeader(String name) {
        java.util.List<String> values = setupHeaders.getAll(name);
        return values.isEmpty() ? null : String.join(", ", values);
    }

    @Override
    public java.util.concurrent.Executor sendingLoop() {
        return session.executor();
    }

    @Override
    public boolean sharedStream() {
        return sharedStream;
    }

    @Override
    public int track() {
        return track;
    }

    @Override
    public long ssrc() {
        return ssrc;
    }

    @Override
    public void rtcpReceived(ByteBuffer packet) {
        // Receiver reports keep UDP sessions alive (RFC 2326 §12.37) and tell how the client receives.
        rtcpPackets.increment();
        session.touch();
        List<RtcpPacket> packets;
        try {
            packets = RtcpParser.parse(packet.duplicate());
        } catch (RuntimeException malformed) {
            return; // still a sign of life
        }
        reception.received(packets);
        Recording recording = session.recording();
        if (recording != null) {
            recording.rtcpReceived(track, packets);
        }
    }

    @Override
    public void rtpReceived(ByteBuffer packet) {
        Recording recording = session.recording();
        if (recording != null) {
            // A publisher that never sends keep-alives (ffmpeg over UDP) stays alive through its media.
            session.touch();
            recording.rtpReceived(track, packet);
        }
    }

    public long rtcpPackets() {
        return rtcpPackets.sum();
    }

    /** The latest receiver report figures for this track. */
    public ReceptionStats reception() {
        return reception.stats();
    }
}
