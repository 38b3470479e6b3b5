package io.tributary.engine.handler;

import io.tributary.api.auth.Permission;
import io.tributary.api.media.MediaDescription;
import io.tributary.engine.session.RtspSession;
import io.tributary.api.source.Publication;
import io.tributary.api.source.PublishTarget;
import io.tributary.engine.publish.AnnouncedMedia;
import io.tributary.engine.publish.Announcement;
import io.tributary.rtsp.message.RtspException;
import io.tributary.rtsp.message.RtspHeaders;
import io.tributary.rtsp.message.RtspResponse;
import io.tributary.rtsp.message.RtspStatus;
import io.tributary.rtsp.sdp.SdpParser;
import io.tributary.rtsp.sdp.SessionDescription;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * ANNOUNCE (RFC 2326 §10.3) from a publisher: reads its SDP, asks the publish targets for
 * the path, and keeps the claim on the connection until SETUP {@code mode=record} and RECORD.
 */
final class AnnounceHandler implements MethodHandler {
    private final Engine engine;

    AnnounceHandler(Engine engine) {
        this.engine = engine;
    }

    @Override
    public Permission permission(RequestContext context, RtspSession named) {
        return Permission.PUBLISH;
    }

    @Override
    public CompletionStage<RtspResponse> handle(RequestContext context) {
        String path = context.url().path();
        if ("*".equals(path) || context.url().track() != null) {
            throw new RtspException(RtspStatus.BAD_REQUEST, "ANNOUNCE needs the URL of a path");
        }
        String type = context.request().header(RtspHeaders.CONTENT_TYPE);
        if (type == null || !type.split(";", 2)[0].trim().toLowerCase(Locale.ROOT).equals("application/sdp")) {
            throw new RtspException(RtspStatus.UNSUPPORTED_MEDIA_TYPE, "ANNOUNCE needs an application/sdp body");
        }
        SessionDescription sdp = SdpParser.parse(new String(context.request().body(), StandardCharsets.UTF_8));
        List<Integer> payloadTypes = new ArrayList<>();
        MediaDescription media = AnnouncedMedia.describe(sdp, engine.formats(), payloadTypes);
        return CompletableFuture.supplyAsync(() -> claim(context, path, media), engine.blocking())
                .thenApply(publication -> {
                    try {
                        context.connection().announcements().put(new Announcement(path, media, payloadTypes,
                                publication));
                    } catch (RuntimeException e) {
                        publication.close();
                        throw e;
                    }
                    return context.respond(RtspStatus.OK);
                });
    }

    private Publication claim(RequestContext context, String path, MediaDescription media) {
        for (PublishTarget target : engine.publishTargets().all()) {
            Publication publication = target.announce(path, media, context.connection().remote());
            if (publication != null) {
                return publication;
            }
        }
        throw new RtspException(RtspStatus.FORBIDDEN, "publishing to " + path + " is not allowed");
    }
}
