package io.tributary.client;

import io.tributary.rtsp.header.LowerTransport;
import io.tributary.rtsp.header.PlayRange;
import io.tributary.rtsp.header.RtpInfo;
import io.tributary.rtsp.message.RtspHeaders;
import io.tributary.rtsp.message.RtspResponse;
import io.tributary.rtsp.sdp.SessionDescription;
import java.nio.ByteBuffer;
import java.util.Map;
import java.util.concurrent.CompletionStage;
import org.osgi.annotation.versioning.ProviderType;

/**
 * One RTSP control connection to one URL and the RTSP session on it.
 *
 * <p>Methods may be called from any thread; they return at once. Stages complete on the
 * session's event loop, so code chained on them must not block. Each request fails with an
 * {@link RtspClientException} on a non-2xx status ({@code STATUS}), after the response
 * timeout ({@code TIMEOUT}), or when the session has ended ({@code CLOSED}). A response
 * timeout, a lost connection or unreadable bytes end the session; a status does not.
 *
 * <p>401 is retried once with the credentials of the URL or the options (Basic or Digest,
 * the strongest challenge offered); later requests reuse the scheme.
 */
@ProviderType
public interface ClientSession extends AutoCloseable {

    /** The URL without credentials. */
    String url();

    /** OPTIONS on the URL. */
    CompletionStage<RtspResponse> options();

    /** DESCRIBE: fetches and parses the SDP and resolves every track's control URL. */
    CompletionStage<Description> describe();

    /**
     * SETUP of one track (after {@link #describe()} or {@link #announce}): over TCP interleaved
     * channels {@code 2i, 2i+1}, or over UDP from a freshly bound even/odd local port pair. After
     * an ANNOUNCE the SETUP carries {@code mode=record}.
     */
    CompletionStage<TrackSetup> setup(Track track, LowerTransport transport);

    /** PLAY on the aggregate URL; {@code range} may be null. Starts the no-media timeout. */
    CompletionStage<PlayResult> play(PlayRange range);

    /** PAUSE; the no-media timeout stops until the next PLAY. */
    CompletionStage<RtspResponse> pause();

    /** TEARDOWN, then the connection closes and the session ends (whatever the answer). */
    CompletionStage<RtspResponse> teardown();

    /** GET_PARAMETER without body (what keep-alives send). */
    CompletionStage<RtspResponse> getParameter();

    /** ANNOUNCE {@code sdp} to the URL (publishing); its tracks resolve against the URL. */
    CompletionStage<Description> announce(SessionDescription sdp);

    /** RECORD on the aggregate URL; {@code range} may be null. */
    CompletionStage<PlayResult> record(PlayRange range);

    /**
     * Any request: {@code CSeq}, {@code Session}, {@code User-Agent} and {@code Authorization}
     * are added. A non-2xx status completes the stage normally: check the code.
     */
    CompletionStage<RtspResponse> request(String method, String uri, RtspHeaders headers, byte[] body);

    /** DESCRIBE, SETUP of every track over {@code transport}, PLAY from {@code range} (may be null). */
    CompletionStage<PlayResult> playAll(LowerTransport transport, PlayRange range);

    /**
     * ANNOUNCE {@code sdp} (adding {@code a=control:trackID=i} where a media section has none),
     * SETUP every track with {@code mode=record}, RECORD. Then send with {@link #sendRtp}.
     */
    CompletionStage<Description> publish(SessionDescription sdp, LowerTransport transport);

    /**
     * Sends one RTP packet on a set-up track. Never blocks: the bytes between the buffer's
     * position and limit are copied, and the packet is dropped (returning false) when the
     * track is not set up, the session has ended, or the connection's write buffer is full.
     */
    boolean sendRtp(int track, ByteBuffer packet);

    /** Sends one RTCP packet on a set-up track; same rules as {@link #sendRtp}. */
    boolean sendRtcp(int track, ByteBuffer packet);

    /** The last description (from DESCRIBE or ANNOUNCE), or null. */
    Description description();

    /** The tracks set up so far, by track index. */
    Map<Integer, TrackSetup> setups();

    /** The last PLAY reply's RTP-Info by track index; empty before PLAY. */
    Map<Integer, RtpInfo> rtpInfo();

    /** The session id the server assigned, or null before the first SETUP. */
    String sessionId();

    MediaStats stats();

    /** Completes (normally) once with why the session ended. */
    CompletionStage<SessionEnd> ended();

    /** Closes the connection without TEARDOWN; ends the session with {@code CLOSED}. */
    @Override
    void close();
}
