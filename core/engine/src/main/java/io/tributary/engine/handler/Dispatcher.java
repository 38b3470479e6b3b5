package io.tributary.engine.handler;

import io.tributary.rtsp.message.RtspException;
import io.tributary.rtsp.message.RtspHeaders;
import io.tributary.rtsp.message.RtspRequest;
import io.tributary.rtsp.message.RtspResponse;
import io.tributary.rtsp.message.RtspStatus;
import io.tributary.rtsp.message.RtspVersion;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Routes each request to the handler of its method and turns every outcome into a
 * response: the one place where errors become RTSP statuses, and where CSeq, Server,
 * Date and Session are added.
 */
public final class Dispatcher {
    private static final Logger LOG = LoggerFactory.getLogger(Dispatcher.class);
    private final Map<String, MethodHandler> handlers = new LinkedHashMap<>();
    private final String server;
    private final String publicMethods;

    public Dispatcher(Engine engine, String server) {
        this.server = server;
        ParameterHandler parameters = new ParameterHandler(engine);
        handlers.put("DESCRIBE", new DescribeHandler(engine));
        handlers.put("SETUP", new SetupHandler(engine));
        handlers.put("PLAY", new PlayHandler(engine));
        handlers.put("PAUSE", new PauseHandler(engine));
        handlers.put("TEARDOWN", new TeardownHandler(engine));
        handlers.put("ANNOUNCE", new AnnounceHandler(engine));
        handlers.put("RECORD", new RecordHandler(engine));
        handlers.put("GET_PARAMETER", parameters);
        handlers.put("SET_PARAMETER", parameters);
        this.publicMethods = "OPTIONS, " + String.join(", ", handlers.keySet());
        handlers.put("OPTIONS", new OptionsHandler(engine, publicMethods));
    }

    /** Answers one request; the stage always completes normally with a response. */
    public CompletionStage<RtspResponse> dispatch(RtspRequest request, ClientConnection connection) {
        CompletionStage<RtspResponse> outcome;
        try {
            outcome = route(request, connection);
        } catch (RuntimeException e) {
            outcome = CompletableFuture.failedFuture(e);
        }
        return outcome.handle((response, error) -> finish(request, response != null ? response : failure(request, error)));
    }

    private CompletionStage<RtspResponse> route(RtspRequest request, ClientConnection connection) {
        if (request.version() != RtspVersion.RTSP_1_0) {
            throw new RtspException(RtspStatus.VERSION_NOT_SUPPORTED, "only RTSP/1.0 is served yet");
        }
        MethodHandler handler = handlers.get(request.method());
        if (handler == null) {
            throw new RtspException(RtspStatus.NOT_IMPLEMENTED, "method not implemented");
        }
        return handler.handle(new RequestContext(request, RequestUrl.parse(request.uri()), connection));
    }

    /** A response for a request that failed: its status, and the reason as a plain-text body. */
    public RtspResponse failure(RtspRequest request, Throwable error) {
        Throwable cause = error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
        RtspVersion version = request.version() == RtspVersion.RTSP_2_0 ? RtspVersion.RTSP_1_0 : request.version();
        if (cause instanceof RtspException rtsp) {
            LOG.debug("{} {} -> {} {}", request.method(), request.uri(), rtsp.status().code(), rtsp.getMessage());
            RtspResponse response = RtspResponse.of(version, rtsp.status())
                    .body("text/plain", (rtsp.getMessage() + "\r\n").getBytes(StandardCharsets.UTF_8));
            if (rtsp.status() == RtspStatus.NOT_IMPLEMENTED || rtsp.status() == RtspStatus.METHOD_NOT_ALLOWED) {
                response = response.header(RtspHeaders.PUBLIC, publicMethods);
            }
            return response;
        }
        LOG.warn("{} failed unexpectedly", request.method(), cause);
        return RtspResponse.of(version, RtspStatus.INTERNAL_SERVER_ERROR);
    }

    /** Adds the headers every response carries. */
    public RtspResponse finish(RtspRequest request, RtspResponse response) {
        RtspResponse out = response;
        if (request.cseq() != null) {
            out = out.header(RtspHeaders.CSEQ, Integer.toString(request.cseq()));
        }
        out = out.header(RtspHeaders.SERVER, server)
                .header(RtspHeaders.DATE, DateTimeFormatter.RFC_1123_DATE_TIME.format(ZonedDateTime.now(ZoneOffset.UTC)));
        String session = request.header(RtspHeaders.SESSION);
        if (session != null && out.header(RtspHeaders.SESSION) == null && out.code() < 300
                && !"TEARDOWN".equals(request.method())) {
            int semicolon = session.indexOf(';');
            out = out.header(RtspHeaders.SESSION, (semicolon < 0 ? session : session.substring(0, semicolon)).trim());
        }
        return out;
    }
}
