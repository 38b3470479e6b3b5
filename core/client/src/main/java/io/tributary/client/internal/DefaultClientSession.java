package io.tributary.client.internal;

import io.netty.channel.EventLoop;
import io.tributary.client.ClientSession;
import io.tributary.client.Credentials;
import io.tributary.client.Description;
import io.tributary.client.MediaListener;
import io.tributary.client.MediaStats;
import io.tributary.client.PlayResult;
import io.tributary.client.RtspClientException;
import io.tributary.client.RtspClientException.Kind;
import io.tributary.client.RtspClientOptions;
import io.tributary.client.SessionEnd;
import io.tributary.client.Track;
import io.tributary.client.TrackSetup;
import io.tributary.rtsp.header.LowerTransport;
import io.tributary.rtsp.header.NptRange;
import io.tributary.rtsp.header.PlayRange;
import io.tributary.rtsp.header.RangeHeader;
import io.tributary.rtsp.header.RtpInfo;
import io.tributary.rtsp.header.SessionHeader;
import io.tributary.rtsp.header.TransportSpec;
import io.tributary.rtsp.message.RtspHeaders;
import io.tributary.rtsp.message.RtspResponse;
import io.tributary.rtsp.message.RtspStatus;
import io.tributary.rtsp.sdp.SdpWriter;
import io.tributary.rtsp.sdp.SessionDescription;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The RTSP session of one client connection: the method sequence (DESCRIBE, SETUP, PLAY,
 * ANNOUNCE, RECORD, TEARDOWN), the session id and keep-alives, the tracks' transports, and
 * the one place where the session ends. All state lives on one event loop; public methods
 * hop onto it.
 */
public final class DefaultClientSession implements ClientSession, ControlConnection.Owner {
    private static final Logger LOG = LoggerFactory.getLogger(DefaultClientSession.class);

    private final RtspClientOptions options;
    private final EventLoop loop;
    private final RtspUrl url;
    private final MediaListener listener;
    private final ControlConnection control;
    private final MediaRouter media;
    private final MediaWatchdog watchdog;
    private final KeepAlive keepAlive;
    private final TrackTransports transports;
    private final CompletableFuture<SessionEnd> ended = new CompletableFuture<>();
    private final Map<Integer, TrackSetup> setups = new ConcurrentHashMap<>();
    private final AtomicLong sendDropped = new AtomicLong();

    private volatile Description description;
    private volatile String sessionId;
    private volatile Map<Integer, RtpInfo> rtpInfo = Map.of();
    private boolean announced;
    private int sessionTimeoutSeconds;
    private boolean playing;
    private boolean started;
    private boolean tearingDown;
    private boolean finished;

    public DefaultClientSession(ClientContext context, EventLoop loop, RtspUrl url, MediaListener listener) {
        this.options = context.options();
        this.loop = loop;
        this.url = url;
        this.listener = listener;
        Credentials credentials = url.credentials() != null ? url.credentials() : options.credentials();
        this.control = new ControlConnection(context, loop, url, credentials, this);
        this.media = new MediaRouter(listener, this::allSendersLeft);
        this.watchdog = new MediaWatchdog(loop, options.mediaTimeout().toNanos(), media::lastMediaNanos,
                this::silent);
        this.keepAlive = new KeepAlive(loop,
                method -> control.send(new Outgoing(method, aggregateUrl(), null, null, "keep-alive")),
                // a request in flight refreshes the session as well
                () -> !finished && !tearingDown && control.idle());
        this.transports = new TrackTransports(loop, context, control, media);
        this.sessionTimeoutSeconds = (int) options.defaultSessionTimeout().toSeconds();
    }

    /** Opens the control connection; the stage fails with a {@code connect} RtspClientException. */
    public CompletionStage<ClientSession> connect() {
        return onLoop(() -> control.connect().handle((v, error) -> {
            if (error != null) {
                RtspClientException e = unwrap(error, "connect");
                end(SessionEnd.Reason.CONNECT_FAILED, e);
                throw e;
            }
            LOG.debug("{}: connected", url);
            return (ClientSession) this;
        }));
    }

    @Override
    public String url() {
        return url.requestUrl();
    }

    // ---- methods -------------------------------------------------------------------------

    @Override
    public CompletionStage<RtspResponse> options() {
        return onLoop(() -> call(new Outgoing("OPTIONS", url.requestUrl(), null, null)));
    }

    @Override
    public CompletionStage<Description> describe() {
        return onLoop(this::doDescribe);
    }

    private CompletableFuture<Description> doDescribe() {
        String requestUrl = url.requestUrl();
        return call(new Outgoing("DESCRIBE", requestUrl, RtspHeaders.of(RtspHeaders.ACCEPT, "application/sdp"), null))
                .thenApply(response -> {
                    Description d = Replies.description(response, requestUrl);
                    description = d;
                    announced = false;
                    return d;
                });
    }

    @Override
    public CompletionStage<TrackSetup> setup(Track track, LowerTransport transport) {
        return onLoop(() -> doSetup(track, transport));
    }

    private CompletableFuture<TrackSetup> doSetup(Track track, LowerTransport transport) {
        Description d = description;
        if (d == null || track.index() >= d.tracks().size() || !d.tracks().get(track.index()).equals(track)) {
            return CompletableFuture.failedFuture(error(Kind.STATE, "SETUP", track.controlUrl(),
                    "the track is not part of the last DESCRIBE or ANNOUNCE"));
        }
        if (setups.containsKey(track.index())) {
            return CompletableFuture.failedFuture(error(Kind.STATE, "SETUP", track.controlUrl(),
                    "track " + track.index() + " is already set up"));
        }
        boolean record = announced;
        return transports.prepare(track, transport).thenCompose(first -> {
            if (finished) {
                transports.abandon(track);
                throw error(Kind.CLOSED, "SETUP", track.controlUrl(), "session closed");
            }
            RtspHeaders headers = RtspHeaders.of(RtspHeaders.TRANSPORT,
                    TransportNegotiation.request(transport, first, record));
            return call(new Outgoing("SETUP", track.controlUrl(), headers, null)).handle((response, e) -> {
                if (e != null) {
                    transports.abandon(track);
                    throw unwrap(e, "SETUP");
                }
                adoptSession(response);
                TransportSpec answer = TransportNegotiation.answer(response.header(RtspHeaders.TRANSPORT));
                TransportSpec spec = answer != null ? answer : TransportNegotiation.requested(transport, first, record);
                transports.adopt(track, spec, first, record);
                TrackSetup setup = new TrackSetup(track, spec, answer == null);
                setups.put(track.index(), setup);
                media.addTrack(track.index());
                return setup;
            });
        });
    }

    /** Takes the session id (and timeout) of a SETUP reply and keeps the session alive from now on. */
    private void adoptSession(RtspResponse response) {
        SessionHeader session = Replies.session(response);
        if (session == null) {
            return; // requests then go without Session
        }
        sessionId = session.id();
        control.sessionId(session.id());
        if (session.timeoutSeconds() != null) {
            sessionTimeoutSeconds = session.timeoutSeconds();
        }
        if (options.keepAlive()) {
            keepAlive.start(sessionTimeoutSeconds);
        }
    }

    @Override
    public CompletionStage<PlayResult> play(PlayRange range) {
        return onLoop(() -> doPlay("PLAY", range));
    }

    @Override
    public CompletionStage<PlayResult> record(PlayRange range) {
        return onLoop(() -> doPlay("RECORD", range));
    }

    private CompletableFuture<PlayResult> doPlay(String method, PlayRange range) {
        Description d = description;
        if (d == null || setups.isEmpty()) {
            return CompletableFuture.failedFuture(error(Kind.STATE, method, url.requestUrl(),
                    "no track is set up"));
        }
        RtspHeaders headers = range == null ? RtspHeaders.empty()
                : RtspHeaders.of(RtspHeaders.RANGE, RangeHeader.format(range));
        boolean isPlay = method.equals("PLAY");
        return call(new Outgoing(method, d.aggregateUrl(), headers, null)).thenApply(response -> {
            PlayRange served = Replies.range(response);
            Map<Integer, RtpInfo> info = RtpInfoMatcher.match(response.header(RtspHeaders.RTP_INFO), d.baseUrl(),
                    d.tracks());
            if (isPlay) {
                rtpInfo = info;
                playing = true;
                media.resetSilence();
                watchdog.start();
            }
            if (!started) {
                started = true;
                LOG.info("RTSP client session started: {} {} ({} track{} over {})", method, url, setups.size(),
                        setups.size() == 1 ? "" : "s", transportNames());
            }
            return new PlayResult(served, info);
        });
    }

    private String transportNames() {
        return setups.values().stream().map(s -> s.transport().lower().toString()).distinct()
                .sorted().reduce((a, b) -> a + "+" + b).orElse("-");
    }

    @Override
    public CompletionStage<RtspResponse> pause() {
        return onLoop(() -> {
            Description d = description;
            return call(new Outgoing("PAUSE", d == null ? url.requestUrl() : d.aggregateUrl(), null, null))
                    .thenApply(response -> {
                        playing = false;
                        watchdog.stop();
                        return response;
                    });
        });
    }

    @Override
    public CompletionStage<RtspResponse> teardown() {
        return onLoop(() -> {
            if (finished) {
                return CompletableFuture.failedFuture(error(Kind.CLOSED, "TEARDOWN", url.requestUrl(),
                        "session already ended"));
            }
            tearingDown = true;
            keepAlive.stop();
            watchdog.stop();
            playing = false;
            Description d = description;
            return control.send(new Outgoing("TEARDOWN", d == null ? url.requestUrl() : d.aggregateUrl(), null,
                    null)).whenComplete((response, error) -> end(SessionEnd.Reason.TEARDOWN, null));
        });
    }

    @Override
    public CompletionStage<RtspResponse> getParameter() {
        return onLoop(() -> call(new Outgoing("GET_PARAMETER", aggregateUrl(), null, null)));
    }

    private String aggregateUrl() {
        Description d = description;
        return d == null ? url.requestUrl() : d.aggregateUrl();
    }

    @Override
    public CompletionStage<Description> announce(SessionDescription sdp) {
        return onLoop(() -> doAnnounce(sdp));
    }

    private CompletableFuture<Description> doAnnounce(SessionDescription sdp) {
        byte[] body = SdpWriter.write(sdp).getBytes(StandardCharsets.UTF_8);
        RtspHeaders headers = RtspHeaders.of(RtspHeaders.CONTENT_TYPE, "application/sdp");
        return call(new Outgoing("ANNOUNCE", url.requestUrl(), headers, body)).thenApply(response -> {
            // the publisher names the tracks: they resolve against the URL it announced to
            Description d = Replies.tracks(sdp, url.requestUrl());
            description = d;
            announced = true;
            return d;
        });
    }

    @Override
    public CompletionStage<RtspResponse> request(String method, String uri, RtspHeaders headers, byte[] body) {
        return onLoop(() -> control.send(new Outgoing(method, uri, headers, body)));
    }

    @Override
    public CompletionStage<PlayResult> playAll(LowerTransport transport, PlayRange range) {
        return onLoop(() -> doDescribe()
                .thenCompose(d -> setupAll(d, transport, true))
                .thenCompose(v -> doPlay("PLAY", range)));
    }

    @Override
    public CompletionStage<Description> publish(SessionDescription sdp, LowerTransport transport) {
        return onLoop(() -> doAnnounce(PublishSdp.withControls(sdp))
                .thenCompose(d -> setupAll(d, transport, false).thenCompose(v -> doPlay("RECORD", NptRange.from(0)))
                        .thenApply(r -> d)));
    }

    /**
     * SETUP of every track, one after the other (cameras dislike pipelined SETUPs). When
     * {@code skipRefused}, a track the server refuses with a status (an unsupported metadata
     * stream, say) is left out as long as another track works.
     */
    private CompletableFuture<Void> setupAll(Description d, LowerTransport transport, boolean skipRefused) {
        List<RtspClientException> refused = new ArrayList<>();
        CompletableFuture<Void> chain = CompletableFuture.completedFuture(null);
        for (Track t : d.tracks()) {
            chain = chain.thenCompose(v -> doSetup(t, transport).handle((s, e) -> {
                if (e == null) {
                    return null;
                }
                RtspClientException failure = unwrap(e, "SETUP");
                if (!skipRefused || failure.kind() != Kind.STATUS) {
                    throw failure;
                }
                LOG.debug("{}: track {} left out: {}", url, t.index(), failure.getMessage());
                refused.add(failure);
                return null;
            }));
        }
        return chain.thenApply(v -> {
            if (setups.isEmpty() && !refused.isEmpty()) {
                throw refused.getFirst();
            }
            return null;
        });
    }

    // ---- media out -------------------------------------------------------------------------

    @Override
    public boolean sendRtp(int track, ByteBuffer packet) {
        return send(track, false, packet);
    }

    @Override
    public boolean sendRtcp(int track, ByteBuffer packet) {
        return send(track, true, packet);
    }

    private boolean send(int track, boolean rtcp, ByteBuffer packet) {
        if (ended.isDone() || !transports.send(track, rtcp, packet)) {
            sendDropped.incrementAndGet();
            return false;
        }
        return true;
    }

    // ---- state ---------------------------------------------------------------------------

    @Override
    public Description description() {
        return description;
    }

    @Override
    public Map<Integer, TrackSetup> setups() {
        return Map.copyOf(setups);
    }

    @Override
    public Map<Integer, RtpInfo> rtpInfo() {
        return rtpInfo;
    }

    @Override
    public String sessionId() {
        return sessionId;
    }

    @Override
    public MediaStats stats() {
        MediaStats s = media.stats();
        return new MediaStats(s.rtpPackets(), s.rtcpPackets(), s.dropped() + sendDropped.get(), s.bytes());
    }

    @Override
    public CompletionStage<SessionEnd> ended() {
        return ended.copy();
    }

    @Override
    public void close() {
        run(() -> end(SessionEnd.Reason.CLOSED, null));
    }

    // ---- keep-alive, timeouts, end -------------------------------------------------------

    @Override
    public void onResponseTimeout(Outgoing request, RtspClientException error) {
        // a camera that ignores keep-alives but keeps streaming is alive: media decides then
        boolean mediaFlowing = playing
                && System.nanoTime() - media.lastMediaNanos() < options.mediaTimeout().toNanos();
        if (request.step().equals("keep-alive") && mediaFlowing) {
            LOG.debug("{}: keep-alive unanswered while media flows", url);
            return;
        }
        if (request.method().equals("TEARDOWN")) {
            return; // the teardown ends the session itself
        }
        end(SessionEnd.Reason.RESPONSE_TIMEOUT, error);
    }

    @Override
    public void onConnectionLost(SessionEnd.Reason reason, RtspClientException error) {
        end(tearingDown ? SessionEnd.Reason.TEARDOWN : reason, tearingDown ? null : error);
    }

    @Override
    public boolean mayReconnect() {
        return !tearingDown && !finished && !transports.anyInterleaved();
    }

    @Override
    public void onInterleaved(int channel, ByteBuffer payload) {
        media.onInterleaved(channel, payload);
    }

    private void silent() {
        end(SessionEnd.Reason.NO_MEDIA, error(Kind.TIMEOUT, "media", url.requestUrl(),
                "no RTP for " + options.mediaTimeout().toMillis() + " ms"));
    }

    private void allSendersLeft() {
        // the server is done; say goodbye without waiting for an answer
        control.sendAndClose(new Outgoing("TEARDOWN", aggregateUrl(), null, null));
        end(SessionEnd.Reason.RTCP_BYE, null);
    }

    /** The one way a session ends: stop timers, close sockets, fail what waits, tell the listener. */
    private void end(SessionEnd.Reason reason, RtspClientException cause) {
        if (finished) {
            return;
        }
        finished = true;
        playing = false;
        keepAlive.stop();
        watchdog.stop();
        control.close("session ended: " + reason);
        transports.closeAll();
        SessionEnd end = new SessionEnd(reason, cause);
        if (started) {
            LOG.info("RTSP client session ended: {} {}", url, end);
        } else {
            LOG.debug("RTSP client session ended before playing: {} {}", url, end);
        }
        try {
            listener.onSessionEnded(end);
        } catch (RuntimeException e) {
            LOG.warn("{}: session-ended listener threw", url, e);
        }
        ended.complete(end);
    }

    // ---- plumbing ------------------------------------------------------------------------

    /** Sends a request and fails the stage unless the answer is 2xx. */
    private CompletableFuture<RtspResponse> call(Outgoing request) {
        return control.send(request).thenApply(response -> {
            int code = response.code();
            if (code / 100 == 2) {
                return response;
            }
            Kind kind = code == RtspStatus.UNAUTHORIZED.code() ? Kind.UNAUTHORIZED : Kind.STATUS;
            String detail = code + " " + response.reason();
            if (kind == Kind.UNAUTHORIZED) {
                detail += url.credentials() == null && options.credentials() == null ? " (no credentials)"
                        : " (credentials rejected or no usable challenge)";
            }
            throw new RtspClientException(kind, request.step(), request.uri(), detail, response, null);
        });
    }

    /** Runs {@code action} on the loop; the returned stage completes with its outcome. */
    private <T> CompletableFuture<T> onLoop(Supplier<? extends CompletionStage<T>> action) {
        CompletableFuture<T> result = new CompletableFuture<>();
        boolean accepted = run(() -> {
            try {
                action.get().whenComplete((value, error) -> {
                    if (error != null) {
                        result.completeExceptionally(error instanceof CompletionException && error.getCause() != null
                                ? error.getCause() : error);
                    } else {
                        result.complete(value);
                    }
                });
            } catch (RuntimeException e) {
                result.completeExceptionally(e);
            }
        });
        if (!accepted) {
            result.completeExceptionally(error(Kind.CLOSED, "request", url.requestUrl(), "event loop shut down"));
        }
        return result;
    }

    private boolean run(Runnable task) {
        if (loop.inEventLoop()) {
            task.run();
            return true;
        }
        try {
            loop.execute(task);
            return true;
        } catch (RejectedExecutionException e) {
            LOG.debug("{}: event loop refused a task", url, e);
            return false;
        }
    }

    private static RtspClientException unwrap(Throwable t, String step) {
        Throwable cause = t instanceof CompletionException && t.getCause() != null ? t.getCause() : t;
        if (cause instanceof RtspClientException e) {
            return e;
        }
        return new RtspClientException(Kind.LOCAL, step, "-", String.valueOf(cause.getMessage()), null, cause);
    }

    private static RtspClientException error(Kind kind, String step, String url, String detail) {
        return new RtspClientException(kind, step, url, detail);
    }
}
