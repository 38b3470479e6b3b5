package io.tributary.sources.relay.internal;

import io.tributary.api.media.AccessUnit;
import io.tributary.api.media.RtpPacket;
import io.tributary.api.payload.Depacketizer;
import io.tributary.api.payload.PayloadFormat;
import io.tributary.client.ClientSession;
import io.tributary.client.Description;
import io.tributary.client.MediaListener;
import io.tributary.client.RtspClient;
import io.tributary.client.RtspClientException;
import io.tributary.client.SessionEnd;
import io.tributary.rtsp.header.LowerTransport;
import io.tributary.rtsp.rtp.RtcpPacket;
import io.tributary.rtsp.rtp.RtcpParser;
import io.tributary.rtsp.rtp.RtpHeader;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One connection to the upstream: connect and DESCRIBE at once, SETUP of the relayed tracks
 * and PLAY when its owner asks, then each RTP packet depacketized on the client's event loop
 * and the units handed to the owner. Every step is asynchronous and bounded by the client's
 * timeouts. The owner hears exactly once that the session stopped (a step failed or the
 * session ended), unless the owner closed it first.
 */
final class UpstreamSession implements MediaListener {
    private static final Logger LOG = LoggerFactory.getLogger(UpstreamSession.class);

    /** Who hears about this session; calls come from the client's event loops. */
    interface Owner {
        /** DESCRIBE answered with relayable tracks. */
        void described(UpstreamSession session, RelayedMedia media);

        /** PLAY answered: media flows. */
        void playing(UpstreamSession session);

        /** One depacketized unit, on the session's event loop: never block. */
        void unit(UpstreamSession session, AccessUnit unit);

        /**
         * The upstream's RTCP sender report for a relayed track (its wall clock against the
         * track's timestamps), on the session's event loop: never block.
         */
        void senderReport(UpstreamSession session, int track, long ntpTime, long timestamp);

        /** The session failed or ended; it is closed already. */
        void stopped(UpstreamSession session, Stop stop);
    }

    /**
     * Why a session stopped.
     *
     * @param reason     for logs and error messages, without credentials
     * @param wasPlaying {@code true} when PLAY had succeeded (a loss, not a failed attempt)
     * @param udpFailed  {@code true} when UDP was used and is the likely culprit (refused SETUP,
     *                   no local port pair, or no packet at all)
     */
    record Stop(String reason, boolean wasPlaying, boolean udpFailed) {
    }

    private final RtspClient client;
    private final UpstreamUrl url;
    private final String title;
    private final Function<String, Optional<PayloadFormat>> formats;
    private final Owner owner;
    private final CompletableFuture<RelayedMedia> described = new CompletableFuture<>();
    private final AtomicBoolean finished = new AtomicBoolean();
    private final AtomicBoolean playRequested = new AtomicBoolean();
    private volatile ClientSession session;
    private volatile RelayedMedia media;
    /** By upstream track index: the relayed track and its depacketizer, null for tracks left out. */
    private volatile RelayedTrack[] relayed;
    private volatile Depacketizer[] depacketizers;
    private volatile LowerTransport transport;
    private volatile long playingSinceNanos;

    /** @param title the path's title when the upstream SDP has no session name */
    UpstreamSession(RtspClient client, UpstreamUrl url, String title, Function<String, Optional<PayloadFormat>> formats,
                    Owner owner) {
        this.client = client;
        this.url = url;
        this.title = title;
        this.formats = formats;
        this.owner = owner;
    }

    /** Connects and sends DESCRIBE; returns at once. */
    void start() {
        client.connect(url.url(), this).whenComplete((connected, error) -> {
            if (error != null) {
                fail(reason(error), false);
                return;
            }
            session = connected;
            if (finished.get()) {
                connected.close(); // closed while connecting
                return;
            }
            connected.describe().whenComplete(this::onDescribe);
        });
    }

    /** Completes with the relayed media after DESCRIBE, or fails with an {@link IOException} saying why. */
    CompletableFuture<RelayedMedia> described() {
        return described;
    }

    /** The relayed media once described, else null. */
    RelayedMedia media() {
        return media;
    }

    boolean playRequested() {
        return playRequested.get();
    }

    /** {@link System#nanoTime()} when PLAY succeeded, 0 before. */
    long playingSinceNanos() {
        return playingSinceNanos;
    }

    LowerTransport transport() {
        return transport;
    }

    /**
     * SETUP of each relayed track over {@code lower}, one after the other (cameras dislike
     * pipelined SETUPs), then PLAY. A track the upstream refuses with a status is left out
     * as long as another one works. Only the first call counts; call after {@link #described()}.
     */
    void play(LowerTransport lower) {
        ClientSession s = session;
        RelayedMedia m = media;
        if (s == null || m == null || !playRequested.compareAndSet(false, true)) {
            return;
        }
        transport = lower;
        List<String> refused = new ArrayList<>();
        CompletableFuture<Void> chain = CompletableFuture.completedFuture(null);
        for (RelayedTrack track : m.tracks()) {
            chain = chain.thenCompose(v -> s.setup(track.upstream(), lower).<Void>handle((setup, error) -> {
                if (error != null) {
                    RtspClientException e = clientException(error);
                    if (e == null || e.kind() != RtspClientException.Kind.STATUS) {
                        throw new CompletionException(error);
                    }
                    refused.add("track " + track.upstream().index() + ": " + detail(e));
                }
                return null;
            }).toCompletableFuture());
        }
        chain.thenCompose(v -> {
            if (refused.size() == m.tracks().size()) {
                throw new CompletionException(new IOException("SETUP refused: " + String.join("; ", refused)));
            }
            if (!refused.isEmpty()) {
                LOG.warn("upstream {}: SETUP refused, track left out: {}", url, String.join("; ", refused));
            }
            return s.play(null);
        }).whenComplete((played, error) -> {
            if (error != null) {
                fail(reason(error), lower == LowerTransport.UDP && udpLikelyCulprit(error, refused));
                return;
            }
            playingSinceNanos = System.nanoTime();
            if (!finished.get()) {
                owner.playing(this);
            }
        });
    }

    /** Ends the session: TEARDOWN when one was set up, else just the connection. No report to the owner. */
    void close() {
        finished.set(true);
        described.completeExceptionally(new IOException("closed"));
        ClientSession s = session;
        if (s == null) {
            return;
        }
        if (s.sessionId() != null) {
            s.teardown(); // ends the session when answered, or at the response timeout
        } else {
            s.close();
        }
    }

    /** Ends the session as failed with {@code reason}: the owner hears it like any other stop. */
    void abort(String reason) {
        fail(reason, false);
    }

    // ---- client callbacks ------------------------------------------------------------------

    private void onDescribe(Description description, Throwable error) {
        if (error != null) {
            fail(reason(error), false);
            return;
        }
        RelayedMedia relayedMedia;
        try {
            relayedMedia = RelayedMedia.of(title, description, formats);
        } catch (IOException e) {
            fail("DESCRIBE: " + e.getMessage(), false);
            return;
        }
        RelayedTrack[] byUpstream = new RelayedTrack[description.tracks().size()];
        Depacketizer[] depacketizersByUpstream = new Depacketizer[byUpstream.length];
        try {
            for (RelayedTrack track : relayedMedia.tracks()) {
                byUpstream[track.upstream().index()] = track;
                depacketizersByUpstream[track.upstream().index()] = track.format().depacketizer(track.description());
            }
        } catch (RuntimeException e) {
            fail("a payload format failed to make a depacketizer: " + e, false);
            return;
        }
        depacketizers = depacketizersByUpstream;
        relayed = byUpstream;
        media = relayedMedia;
        if (finished.get()) {
            return;
        }
        owner.described(this, relayedMedia);
        described.complete(relayedMedia);
    }

    @Override
    public void onRtp(int track, RtpHeader header, ByteBuffer packet) {
        RelayedTrack[] byUpstream = relayed;
        if (byUpstream == null || track >= byUpstream.length || byUpstream[track] == null
                || header.payloadType() != byUpstream[track].payloadType()) {
            return; // a track left out, or a payload type the SDP did not announce for it
        }
        RtpPacket view = RtpPacket.parse(packet);
        if (view == null) {
            return;
        }
        for (AccessUnit unit : depacketizers[track].push(view)) {
            owner.unit(this, unit);
        }
    }

    @Override
    public void onRtcp(int track, ByteBuffer packet) {
        RelayedTrack[] byUpstream = relayed;
        if (byUpstream == null || track >= byUpstream.length || byUpstream[track] == null) {
            return;
        }
        List<RtcpPacket> packets;
        try {
            packets = RtcpParser.parse(packet);
        } catch (RuntimeException malformed) {
            return; // RTCP is advisory: an unreadable report changes nothing
        }
        int relayedIndex = byUpstream[track].description().index();
        for (RtcpPacket rtcp : packets) {
            if (rtcp instanceof RtcpPacket.SenderReport report) {
                owner.senderReport(this, relayedIndex, report.ntpTimestamp(), report.rtpTimestamp());
            }
        }
    }

    @Override
    public void onSessionEnded(SessionEnd end) {
        ClientSession s = session;
        boolean silentUdp = end.reason() == SessionEnd.Reason.NO_MEDIA && transport == LowerTransport.UDP
                && s != null && s.stats().rtpPackets() == 0;
        fail(reason(end), silentUdp);
    }

    private void fail(String reason, boolean udpFailed) {
        if (!finished.compareAndSet(false, true)) {
            return;
        }
        ClientSession s = session;
        if (s != null) {
            s.close();
        }
        // the owner first: whoever waits for the description then finds the failure recorded
        owner.stopped(this, new Stop(reason, playingSinceNanos != 0, udpFailed));
        described.completeExceptionally(new IOException(reason));
    }

    // ---- reasons, without credentials -------------------------------------------------------

    private static String reason(SessionEnd end) {
        return switch (end.reason()) {
            case CONNECTION_CLOSED -> "the upstream closed the connection";
            case RTCP_BYE -> "the upstream ended the stream (RTCP BYE)";
            case TEARDOWN, CLOSED -> "closed";
            default -> end.cause() != null ? detailWithStep(end.cause()) : end.reason().toString();
        };
    }

    private static String reason(Throwable error) {
        RtspClientException e = clientException(error);
        if (e != null) {
            return detailWithStep(e);
        }
        Throwable cause = unwrap(error);
        return cause instanceof IOException io ? io.getMessage() : String.valueOf(cause);
    }

    /** {@code DESCRIBE: no response within 2000 ms}: the client's message without the URL it repeats. */
    private static String detailWithStep(RtspClientException e) {
        return e.step() + ": " + detail(e);
    }

    private static String detail(RtspClientException e) {
        String prefix = e.step() + " " + e.url() + ": ";
        String message = e.getMessage();
        return message != null && message.startsWith(prefix) ? message.substring(prefix.length()) : message;
    }

    private static boolean udpLikelyCulprit(Throwable error, List<String> refused) {
        RtspClientException e = clientException(error);
        if (e != null) {
            return (e.step().equals("SETUP") && e.kind() == RtspClientException.Kind.STATUS)
                    || e.kind() == RtspClientException.Kind.LOCAL;
        }
        return !refused.isEmpty(); // every SETUP refused
    }

    private static RtspClientException clientException(Throwable error) {
        return unwrap(error) instanceof RtspClientException e ? e : null;
    }

    private static Throwable unwrap(Throwable error) {
        Throwable t = error;
        while ((t instanceof CompletionException || t instanceof ExecutionException) && t.getCause() != null) {
            t = t.getCause();
        }
        return t;
    }
}
