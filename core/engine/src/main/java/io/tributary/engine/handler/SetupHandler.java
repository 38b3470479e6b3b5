package io.tributary.engine.handler;

import io.tributary.api.media.MediaDescription;
import io.tributary.api.media.TrackDescription;
import io.tributary.api.transport.MediaTransport;
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
import java.security.SecureRandom;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * SETUP: binds one track of a path to the first transport of the client's list that a
 * transport service serves, creating the session on the first SETUP.
 */
final class SetupHandler implements MethodHandler {
    private static final SecureRandom RANDOM = new SecureRandom();
    private final Engine engine;

    SetupHandler(Engine engine) {
        this.engine = engine;
    }

    @Override
    public CompletionStage<RtspResponse> handle(RequestContext context) {
        String header = context.request().header(RtspHeaders.TRANSPORT);
        if (header == null || header.isBlank()) {
            throw new RtspException(RtspStatus.BAD_REQUEST, "SETUP needs a Transport header");
        }
        List<TransportSpec> specs = TransportHeader.parse(header);
        String path = context.url().path();
        String sessionId = context.sessionId();
        if (sessionId != null) {
            RtspSession session = engine.sessions().get(sessionId, context.connection().remote());
            if (!session.path().equals(path)) {
                throw new RtspException(RtspStatus.AGGREGATE_OPERATION_NOT_ALLOWED,
                        "a session plays one path; this one plays " + session.path());
            }
            return setupTrack(context, session, specs);
        }
        return engine.paths().acquire(path).thenCompose(source -> {
            RtspSession session;
            try {
                session = engine.sessions().create(path, context.connection().remote(), source,
                        context.connection().loop());
            } catch (RuntimeException e) {
                source.release();
                throw e;
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
        MediaDescription media = session.source().description();
        int track = trackOf(context.url(), media);
        if (session.state() == RtspSession.State.PLAYING) {
            throw new RtspException(RtspStatus.METHOD_NOT_VALID_IN_THIS_STATE, "cannot add a track while playing");
        }
        if (session.track(track) != null) {
            throw new RtspException(RtspStatus.METHOD_NOT_VALID_IN_THIS_STATE, "track " + track + " is already set up");
        }
        TrackDescription description = media.tracks().get(track);
        if (engine.formats().get(description.encoding().name()).isEmpty()) {
            throw new RtspException(RtspStatus.SERVICE_UNAVAILABLE,
                    "no payload format installed for " + description.encoding().name());
        }
        TransportSpec chosen = null;
        MediaTransport transport = null;
        boolean recordAsked = false;
        for (TransportSpec spec : specs) {
            if (spec.isRecord()) {
                recordAsked = true;
                continue;
            }
            var candidate = engine.transports().get(spec.profileKey());
            if (candidate.isPresent()) {
                chosen = spec;
                transport = candidate.get();
                break;
            }
        }
        if (chosen == null) {
            if (recordAsked) {
                throw new RtspException(RtspStatus.METHOD_NOT_VALID_IN_THIS_STATE, "this path cannot be recorded to");
            }
            throw new RtspException(RtspStatus.UNSUPPORTED_TRANSPORT, "no transport offered is supported");
        }
        long ssrc = RANDOM.nextInt() & 0xffffffffL;
        ClientConnection connection = context.connection();
        SessionTransportContext transportContext = new SessionTransportContext(session, connection.remote(),
                connection.local(), connection.control(), track, ssrc);
        MediaTransport boundBy = transport;
        boolean interleaved = chosen.lower() == LowerTransport.TCP;
        return boundBy.bind(chosen, transportContext).toCompletableFuture().thenApply(binding -> {
            if (session.ended()) {
                binding.close();
                throw new RtspException(RtspStatus.SESSION_NOT_FOUND, "session ended during SETUP");
            }
            session.addTrack(new SessionTrack(track, binding, boundBy, ssrc));
            if (interleaved) {
                session.ownerConnection(connection.control());
            }
            session.touch();
            return context.respond(RtspStatus.OK)
                    .header(RtspHeaders.TRANSPORT, TransportHeader.format(binding.reply()))
                    .header(RtspHeaders.SESSION, session.id() + ";timeout=" + session.timeoutSeconds());
        });
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
