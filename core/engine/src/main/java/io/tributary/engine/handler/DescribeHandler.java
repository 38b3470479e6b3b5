package io.tributary.engine.handler;

import io.tributary.engine.path.SharedSource;
import io.tributary.rtsp.message.RtspException;
import io.tributary.rtsp.message.RtspHeaders;
import io.tributary.rtsp.message.RtspResponse;
import io.tributary.rtsp.message.RtspStatus;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.concurrent.CompletionStage;

/** DESCRIBE: the SDP of a path, with Content-Base so that relative track controls resolve. */
final class DescribeHandler implements MethodHandler {
    private static final String SDP = "application/sdp";
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
            String sdp = engine.sdp().describe(source.description(), context.connection().local());
            return context.respond(RtspStatus.OK)
                    .header(RtspHeaders.CONTENT_BASE, context.url().aggregate())
                    .body(SDP, sdp.getBytes(StandardCharsets.UTF_8));
        } finally {
            source.release();
        }
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
