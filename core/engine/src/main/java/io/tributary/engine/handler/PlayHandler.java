package io.tributary.engine.handler;

import io.tributary.api.media.MediaDescription;
import io.tributary.api.media.TrackDescription;
import io.tributary.api.payload.PayloadFormat;
import io.tributary.api.transport.ControlChannel;
import io.tributary.api.transport.TrackSink;
import io.tributary.engine.live.LiveReader;
import io.tributary.engine.path.SharedSource;
import io.tributary.engine.session.Playback;
import io.tributary.engine.session.RtspSession;
import io.tributary.engine.session.SessionEndReason;
import io.tributary.engine.session.ServerRequests;
import io.tributary.engine.session.SessionNotices;
import io.tributary.engine.session.SessionTrack;
import io.tributary.engine.vod.TrickPlayback;
import io.tributary.engine.vod.VodPlayback;
import io.tributary.rtsp.header.ClockRange;
import io.tributary.rtsp.header.LowerTransport;
import io.tributary.rtsp.header.NptRange;
import io.tributary.rtsp.header.PlayRange;
import io.tributary.rtsp.header.RangeHeader;
import io.tributary.rtsp.header.RtpInfo;
import io.tributary.rtsp.message.RtspException;
import io.tributary.rtsp.message.RtspHeaders;
import io.tributary.rtsp.message.RtspResponse;
import io.tributary.rtsp.message.RtspStatus;
import io.tributary.rtsp.message.RtspVersion;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.function.Function;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * PLAY: starts, resumes or seeks the session's timeline and answers with the range served
 * and each track's first sequence number and RTP time ({@code RTP-Info}).
 */
final class PlayHandler implements MethodHandler {
    /** {@code npt=<start>-<end>}, numbers of at most 12 digits; read as backwards when end &lt; start. */
    private static final Pattern BACKWARDS = Pattern.compile("\\s*npt\\s*=\\s*(\\d{1,12}(?:\\.\\d{0,9})?)\\s*-\\s*(\\d{1,12}(?:\\.\\d{0,9})?)\\s*");
    private final Engine engine;

    PlayHandler(Engine engine) {
        this.engine = engine;
    }

    @Override
    public CompletionStage<RtspResponse> handle(RequestContext context) {
        RtspSession session = context.requireSession();
        if (session.recording() != null) {
            throw NotValidInState.notSetUpFor("this session was set up to record; use RECORD", session);
        }
        SessionChecks.aggregate(context, session);
        PlayRate rate = PlayRate.of(context.request(), session.source());
        String range = context.request().header(RtspHeaders.RANGE);
        Double backwardsFrom = rate.scale() < 0 ? backwardsStart(range) : null;
        Requested requested = backwardsFrom != null
                ? Requested.npt(checkedStart(backwardsFrom, session.source().description()))
                : requested(range, session.source());
        if (rate.scale() != 1 && TrickPlayback.videoTrack(session.source().description(), session.tracks().keySet()) < 0) {
            throw new RtspException(RtspStatus.HEADER_FIELD_NOT_VALID, "fast forward and reverse need a video track");
        }
        return CompletableFuture.supplyAsync(() -> play(context, session, requested, rate), session.executor());
    }

    /**
     * Where a PLAY asks to start: {@code npt} seconds (null: resume, or the live edge), and how
     * the reply's Range says where it really starts, in the unit asked.
     */
    private static final Function<NptRange, String> NPT_REPLY = RangeHeader::format;

    private record Requested(Double npt, Function<NptRange, String> reply) {
        static Requested npt(Double npt) {
            return new Requested(npt, NPT_REPLY);
        }
    }

    private RtspResponse play(RequestContext context, RtspSession session, Requested requested, PlayRate rate) {
        Double start = requested.npt();
        if (session.ended()) {
            throw new RtspException(RtspStatus.SESSION_NOT_FOUND, "session ended");
        }
        Playback playback = session.playback();
        boolean first = playback == null;
        boolean trick = rate.scale() != 1;
        if (playback != null && (playback instanceof TrickPlayback) != trick) {
            // normal play and trick play number their packets apart: the new one goes on from here
            double at = playback.pause();
            playback.stop(false);
            start = start != null ? start : at;
            playback = null;
        }
        if (playback == null) {
            playback = newPlayback(session, trick);
            session.playback(playback);
        }
        if (playback instanceof TrickPlayback trickPlay) {
            trickPlay.scale(rate.scale());
        } else if (playback instanceof VodPlayback vod) {
            vod.speed(rate.speed());
        }
        boolean version2 = context.request().version() == RtspVersion.RTSP_2_0;
        if (version2 && context.connection().control() instanceof ServerRequests requests) {
            session.notices(new RtspSession.Notices(requests, context.baseUrl(), context.request().cseq()));
        }
        Playback.Start started = playback.play(start);
        if (playback instanceof LiveReader reader) {
            context.connection().afterResponse().accept(() -> session.executor().execute(reader::begin));
        }
        session.state(RtspSession.State.PLAYING);
        if (first) {
            engine.sessions().started(session);
        }
        MediaDescription media = session.source().description();
        List<RtpInfo> infos = new ArrayList<>();
        for (Playback.TrackStart track : started.tracks()) {
            SessionTrack setUp = session.track(track.track());
            infos.add(new RtpInfo(context.baseUrl() + RequestUrl.trackControl(track.track()),
                    track.sequence(), track.rtpTime(), setUp == null ? null : setUp.ssrc()));
        }
        NptRange served = rate.scale() < 0 ? NptRange.from(started.npt()) : servedRange(media, started.npt());
        // backwards, the range runs from the start down to the beginning (RFC 2326 §12.34)
        String replyRange = rate.scale() < 0 && requested.npt() != null && requested.reply() == NPT_REPLY
                ? RangeHeader.format(served) + "0.000" : requested.reply().apply(served);
        RtspResponse response = context.respond(RtspStatus.OK)
                .header(RtspHeaders.RANGE, replyRange)
                .header(RtspHeaders.RTP_INFO, version2 ? RtpInfo.format2(infos) : RtpInfo.format(infos));
        if (version2) {
            response = MediaHeaders.range(response, session.source());
            if (MediaHeaders.isFile(session.source())) {
                response = response.header(RtspHeaders.SEEK_STYLE, MediaHeaders.SEEK_STYLE);
            }
        }
        if (rate.scaleAsked() || rate.scale() != 1) {
            response = response.header(RtspHeaders.SCALE, PlayRate.format(rate.scale()));
        }
        return rate.speedAsked() ? response.header(RtspHeaders.SPEED, PlayRate.format(rate.speed())) : response;
    }

    private Playback newPlayback(RtspSession session, boolean trick) {
        if (session.source().live() != null) {
            return liveReader(session);
        }
        Consumer<Throwable> onFailure = error -> engine.sessions().end(session, SessionEndReason.ERROR);
        // the range a file plays ends where the media does
        double end = session.source().description().duration().toNanos() / 1e9;
        if (trick) {
            int video = TrickPlayback.videoTrack(session.source().description(), session.tracks().keySet());
            VodPlayback.Output output = outputs(session).stream().filter(o -> o.track() == video).findFirst()
                    .orElseThrow();
            TrickPlayback trickPlay = new TrickPlayback(session.source(), engine.vod(),
                    new TrickPlayback.Video(output, session.track(video).ssrc()), session.executor(), onFailure);
            trickPlay.onEndOfStream(() -> SessionNotices.endOfStream(session, end));
            return trickPlay;
        }
        VodPlayback vod = new VodPlayback(session.source(), engine.vod(), outputs(session), session.executor(), onFailure);
        vod.onEndOfStream(() -> SessionNotices.endOfStream(session, end));
        return vod;
    }

    private LiveReader liveReader(RtspSession session) {
        Map<Integer, TrackSink> sinks = new HashMap<>();
        session.tracks().forEach((index, track) -> sinks.put(index, track.binding().sink()));
        // over TCP (interleaved, tunnelled) the kernel paces a large frame: parts would only cost system calls
        boolean overTcp = session.tracks().values().stream()
                .allMatch(track -> track.binding().reply().lower() == LowerTransport.TCP);
        LiveReader reader = new LiveReader(session.source().live(), sinks, session.executor(), engine.slowReaderNanos(),
                reason -> endReader(session, reason), session.label() + " (" + session.client() + ")", overTcp);
        reader.onRestart(() -> SessionNotices.mediaPropertiesUpdate(session, MediaHeaders.properties(session.source()),
                MediaHeaders.mediaRange(session.source())));
        return reader;
    }

    /** A reader too slow to keep up also loses its connection: what is queued on it is stale. */
    private void endReader(RtspSession session, SessionEndReason reason) {
        engine.sessions().end(session, reason);
        ControlChannel connection = session.ownerConnection();
        if (reason == SessionEndReason.SLOW_READER && connection != null) {
            connection.close();
        }
    }

    private List<VodPlayback.Output> outputs(RtspSession session) {
        List<VodPlayback.Output> outputs = new ArrayList<>();
        for (SessionTrack track : session.tracks().values()) {
            TrackDescription description = session.source().description().tracks().get(track.index());
            String encoding = description.encoding().name();
            PayloadFormat format = engine.formats().get(encoding).orElseThrow(() -> new RtspException(
                    RtspStatus.SERVICE_UNAVAILABLE, "no payload format installed for " + encoding));
            outputs.add(new VodPlayback.Output(track.index(), SdpPayloadTypes.of(description),
                    track.binding().sink(), session.source().packetizer(track.index(), format, engine.maxPayloadSize())));
        }
        return outputs;
    }

    /** The npt to start at, or null to resume; 457 for ranges this media cannot serve. */
    private static Requested requested(String header, SharedSource source) {
        if (header == null || header.isBlank()) {
            return Requested.npt(null);
        }
        MediaDescription media = source.description();
        if (SmpteRange.isSmpte(header)) {
            SmpteRange smpte = SmpteRange.parse(header);
            requireFile(source, "SMPTE ranges need a file");
            return new Requested(checkedStart(smpte.start(), media), smpte::format);
        }
        PlayRange range = RangeHeader.parse(header);
        if (range instanceof ClockRange clock) {
            requireFile(source, "absolute time ranges need a recorded path");
            Instant anchor = source.seekable().wallClockStart().orElseThrow(() ->
                    new RtspException(RtspStatus.INVALID_RANGE, "this file does not say when it was recorded"));
            double npt = Duration.between(anchor, clock.start()).toNanos() / 1e9;
            if (npt < 0) {
                throw new RtspException(RtspStatus.INVALID_RANGE,
                        "the recording starts at " + RangeHeader.format(new ClockRange(anchor, null)));
            }
            return new Requested(checkedStart(npt, media), served -> RangeHeader.format(inClock(served, anchor)));
        }
        NptRange npt = (NptRange) range;
        if (npt.isNow() || !media.seekable()) {
            return Requested.npt(null);
        }
        return Requested.npt(checkedStart(npt.start(), media));
    }

    /**
     * Where a range that runs backwards ({@code npt=10-0}, as GStreamer asks for reverse play,
     * RFC 2326 §12.34) starts; null for any other range, which is read as usual.
     */
    private static Double backwardsStart(String header) {
        if (header == null) {
            return null;
        }
        Matcher m = BACKWARDS.matcher(header);
        if (!m.matches()) {
            return null;
        }
        double start = Double.parseDouble(m.group(1));
        return Double.parseDouble(m.group(2)) < start ? start : null;
    }

    /** 457 unless {@code source} is a file with a timeline (not live, not looping). */
    private static void requireFile(SharedSource source, String reason) {
        if (source.live() != null || !source.description().seekable()) {
            throw new RtspException(RtspStatus.INVALID_RANGE, reason);
        }
    }

    private static double checkedStart(double npt, MediaDescription media) {
        double duration = media.duration().toNanos() / 1e9;
        if (npt > duration) {
            throw new RtspException(RtspStatus.INVALID_RANGE, "start is beyond the end (" + duration + " s)");
        }
        return npt;
    }

    /** {@code served} on the wall clock of a recording that started at {@code anchor}. */
    private static ClockRange inClock(NptRange served, Instant anchor) {
        Instant start = anchor.plusNanos(Math.round(served.start() * 1e9));
        return new ClockRange(start, served.end() == null ? null : anchor.plusNanos(Math.round(served.end() * 1e9)));
    }

    static NptRange servedRange(MediaDescription media, double npt) {
        if (media.duration() == null) {
            return NptRange.now(); // live: there is no position to report
        }
        if (media.seekable()) {
            double end = media.duration().toNanos() / 1e9;
            return new NptRange(Math.min(npt, end), end);
        }
        return NptRange.from(npt);
    }
}
