package io.tributary.engine.handler;

import io.tributary.api.transport.KeyingContext;
import io.tributary.api.transport.MediaKeying;
import io.tributary.engine.path.SharedSource;
import io.tributary.rtsp.message.RtspException;
import io.tributary.rtsp.message.RtspHeaders;
import io.tributary.rtsp.message.RtspResponse;
import io.tributary.rtsp.message.RtspStatus;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CompletionStage;

/** DESCRIBE: the SDP of a path, with Content-Base so that relative track controls resolve. */
final class DescribeHandler implements MethodHandler {
    private static final String SDP = "application/sdp";
    private static final String SECURE_PROFILE = "RTP/SAVP";
    private final Engine engine;

    DescribeHandler(Engine engine) {
        this.engine = engine;
    }

    @Override
    public CompletionStage<RtspResponse> handle(RequestContext context) {
        checkAccept(context.request().header(RtspHeaders.ACCEPT));
        if ("*".equals(context.url().path())) {
            throw new RtspException(RtspStatus.BAD_REQUEST, "DESCRIBE needs a media URL");
        }
        return engine.paths().acquire(context.url().path()).thenApply(source -> describe(context, source));
    }

    private RtspResponse describe(RequestContext context, SharedSource source) {
        try {
            String sdp = sdp(context, source);
            return context.respond(RtspStatus.OK)
                    .header(RtspHeaders.CONTENT_BASE, context.baseUrl())
                    .body(SDP, sdp.getBytes(StandardCharsets.UTF_8));
        } finally {
            source.release();
        }
    }

    /**
     * On an encrypted connection with a secure profile installed (RTP/SAVP), media is described
     * in that profile with its keys; a client may still set up plain RTP inside the connection.
     */
    private String sdp(RequestContext context, SharedSource source) {
        ClientConnection connection = context.connection();
        Optional<MediaKeying> keying = connection.secure() ? engine.keyings().get(SECURE_PROFILE) : Optional.empty();
        if (keying.isEmpty()) {
            return engine.sdp().describe(source.description(), connection.local());
        }
        boolean shared = source.live() != null;
        String path = context.url().path();
        return engine.sdp().describe(source.description(), connection.local(), SECURE_PROFILE, track ->
                keying.get().describe(new KeyingContext(path, track, shared, shared ? source.live().ssrc(track) : 0,
                        connection.control(), connection.remote())));
    }

    private static void checkAccept(String accept) {
        if (accept == null || accept.isBlank()) {
            return;
        }
        for (String type : accept.split(",")) {
            String mime = type.split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
            if (mime.equals(SDP) || mime.equals("application/*") || mime.equals("*/*")) {
                return;
            }
        }
        throw new RtspException(RtspStatus.NOT_ACCEPTABLE, "only application/sdp descriptions are available");
    }
}
