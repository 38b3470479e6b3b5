package io.tributary.engine.handler;

import io.tributary.api.auth.Permission;
import io.tributary.api.media.MediaDescription;
import io.tributary.api.media.TrackDescription;
import io.tributary.api.payload.PayloadFormat;
import io.tributary.api.transport.MediaTransport;
import io.tributary.api.transport.TransportPolicy;
import io.tributary.engine.path.SharedSource;
import io.tributary.engine.publish.Announcement;
import io.tributary.engine.publish.Recording;
import io.tributary.engine.session.RtspSession;
import io.tributary.engine.session.SessionEndReason;
import io.tributary.engine.session.SessionTrack;
import io.tributary.engine.session.SessionTransportContext;
import io.tributary.rtsp.header.LowerTransport;
import io.tributary.rtsp.header.TransportHeader;
import io.tributary.rtsp.header.TransportSpec;
import io.tributary.rtsp.message.RtspException;
import io.tributary.rtsp.message.RtspHeaders;
import io.tributary.rtsp.message.RtspResponse;
import io.tributary.rtsp.message.RtspStatus;
import io.tributary.rtsp.message.RtspVersion;
import java.security.SecureRandom;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * SETUP: binds one track of a path to the first transport of the client's list that a
 * transport service serves, creating the session on the first SETUP. With
 * {@code mode=record} the track is one a publisher announced, and the session receives.
 */
final class SetupHandler implements MethodHandler {
    private static final Logger LOG = LoggerFactory.getLogger(SetupHandler.class);
    private static final SecureRandom RANDOM = new SecureRandom();
    private final Engine engine;

    SetupHandler(Engine engine) {
        this.engine = engine;
    }

    /** Publishing for {@code mode=record}, reading otherwise. */
    @Override
    public Permission permission(RequestContext context, RtspSession named) {
        String header = context.request().header(RtspHeaders.TRANSPORT);
        boolean record = header != null && !header.isBlank()
                && TransportHeader.parse(header).stream().anyMatch(TransportSpec::isRecord);
        return record ? Permission.PUBLISH : Permission.READ;
    }

    @Override
    public CompletionStage<RtspResponse> handle(RequestContext context) {
        String header = context.request().header(RtspHeaders.TRANSPORT);
        if (header == null || header.isBlank()) {
            throw new RtspException(RtspStatus.BAD_REQUEST, "SETUP needs a Transport header");
        }
        List<TransportSpec> specs = TransportHeader.parse(header);
        boolean record = specs.stream().anyMatch(TransportSpec::isRecord);
        String path = context.url().path();
        if (context.sessionId() != null) {
            RtspSession session = context.requireSession();
            if (!session.path().equals(path)) {
                throw new RtspException(RtspStatus.AGGREGATE_OPERATION_NOT_ALLOWED,
                        "a session plays one path; this one plays " + session.path());
            }
            if (record != (session.recording() != null)) {
                throw NotValidInState.because(
                        "a session either plays or records; this one " + (record ? "plays" : "records"), session);
            }
            return setupTrack(context, session, specs);
        }
        Announcement announcement = record ? context.connection().announcements().get(path) : null;
        if (record && announcement == null) {
            throw NotValidInState.because("ANNOUNCE " + path + " on this connection before SETUP with mode=record",
                    null);
        }
        return engine.paths().acquire(path).thenCompose(source -> {
            RtspSession session;
            try {
                if (record && source.live() == null) {
                    throw NotValidInState.because(path + " is not a live path and cannot be published to", null);
                }
                session = engine.sessions().create(path, context.connection().remote(), context.user(), source,
                        context.connection().loop());
                session.version(context.request().version());
            } catch (RuntimeException e) {
                source.release();
                throw e;
            }
            if (record) {
                session.recording(new Recording(context.connection().announcements().take(path)));
            }
            CompletableFuture<RtspResponse> result;
            try {
                result = setupTrack(context, session, specs);
            } catch (RuntimeException e) {
                result = CompletableFuture.failedFuture(e);
            }
            return result.whenComplete((response, error) -> {
                if (error != null) {
                    engine.sessions().end(session, SessionEndReason.ERROR);
                }
            });
        });
    }

    private CompletableFuture<RtspResponse> setupTrack(RequestContext context, RtspSession session,
                                                      List<TransportSpec> specs) {
        Recording recording = session.recording();
        MediaDescription media = recording != null ? recording.announcement().media() : session.source().description();
        int track = trackOf(context.url(), media);
        if (session.state() != RtspSession.State.READY) {
            throw NotValidInState.because("cannot add a track while streaming", session);
        }
        if (session.track(track) != null) {
            throw NotValidInState.because("track " + track + " is already set up", session);
        }
        TrackDescription description = media.tracks().get(track);
        PayloadFormat format = engine.formats().get(description.encoding().name()).orElseThrow(() ->
                new RtspException(RtspStatus.SERVICE_UNAVAILABLE,
                        "no payload format installed for " + description.encoding().name()));
        TransportSpec chosen = null;
        TransportSpec chosenAsOffered = null;
        MediaTransport transport = null;
        boolean clearOverTls = false;
        String refusal = null;
        boolean live = recording == null && session.source().live() != null;
        boolean version2 = context.request().version() == RtspVersion.RTSP_2_0;
        for (TransportSpec offered : specs) {
            TransportSpec spec = version2 ? Rtsp2Transport.toTransports(offered) : offered;
            if (spec.isRecord() != (recording != null)) {
                continue;
            }
            if (context.connection().secure() && !engine.plainUdpOverTls() && spec.profileKey().startsWith("RTP/AVP/UDP")) {
                clearOverTls = true; // the media would travel in the clear beside an encrypted connection
                continue;
            }
            String refused = recording == null ? refusal(session.path(), spec, live) : null;
            if (refused != null) {
                refusal = refused;
                continue;
            }
            var candidate = engine.transports().get(spec.profileKey().toUpperCase(java.util.Locale.ROOT));
            if (candidate.isPresent()) {
                chosen = spec;
                chosenAsOffered = offered;
                transport = candidate.get();
                break;
            }
        }
        if (chosen == null) {
            throw new RtspException(RtspStatus.UNSUPPORTED_TRANSPORT, clearOverTls
                    ? "on RTSPS, media goes inside the connection (RTP/AVP/TCP) or as SRTP (RTP/SAVP), not as plain RTP over UDP"
                    : refusal != null ? refusal : "no transport offered is supported");
        }
        long ssrc = ssrcOf(session.source(), description, recording != null);
        if (recording != null) {
            recording.setupTrack(track, format.depacketizer(description));
        }
        ClientConnection connection = context.connection();
        boolean sharedStream = live;
        SessionTransportContext transportContext = new SessionTransportContext(session, connection.remote(),
                connection.local(), connection.control(), track, ssrc, connection.secure(),
                context.request().headers(), sharedStream);
        MediaTransport boundBy = transport;
        TransportSpec asOffered = chosenAsOffered;
        boolean interleaved = chosen.lower() == LowerTransport.TCP;
        return boundBy.bind(chosen, transportContext).toCompletableFuture().thenApply(binding -> {
            if (session.ended()) {
                binding.close();
                throw new RtspException(RtspStatus.SESSION_NOT_FOUND, "session ended during SETUP");
            }
            session.addTrack(new SessionTrack(track, binding, boundBy, ssrc, transportContext));
            if (interleaved) {
                session.ownerConnection(connection.control());
            }
            session.setupConnection(connection.control());
            session.touch();
            RtspResponse response = context.respond(RtspStatus.OK)
                    .header(RtspHeaders.TRANSPORT, TransportHeader.format(
                            Rtsp2Transport.toClient(binding.reply(), asOffered, connection.local())))
                    .header(RtspHeaders.SESSION, session.id() + ";timeout=" + session.timeoutSeconds());
            return version2 && recording == null ? MediaHeaders.describe(response, session.source()) : response;
        });
    }

    /** The first policy's reason to refuse {@code spec} for the path, or null. */
    private String refusal(String path, TransportSpec spec, boolean live) {
        for (TransportPolicy policy : engine.policies().all()) {
            String reason;
            try {
                reason = policy.refusal(path, spec, live);
            } catch (RuntimeException e) {
                LOG.warn("transport policy {} failed; ignoring it", policy.getClass().getName(), e);
                continue;
            }
            if (reason != null) {
                return reason;
            }
        }
        return null;
    }

    /** Readers of a path share its track's SSRC (a live stream's, a file's); publishers get a random one. */
    private long ssrcOf(SharedSource source, TrackDescription track, boolean record) {
        if (record) {
            return RANDOM.nextInt() & 0xffffffffL;
        }
        if (source.live() != null) {
            return source.live().ssrc(track.index());
        }
        return engine.vod().ssrc(source, track.index(), SdpPayloadTypes.of(track));
    }

    private static int trackOf(RequestUrl url, MediaDescription media) {
        if (url.track() == null) {
            if (media.tracks().size() == 1) {
                return 0;
            }
            throw new RtspException(RtspStatus.AGGREGATE_OPERATION_NOT_ALLOWED, "SETUP needs a track control URL");
        }
        if (url.track() >= media.tracks().size()) {
            throw new RtspException(RtspStatus.NOT_FOUND, "no track " + url.track());
        }
        return url.track();
    }
}
