package io.tributary.engine.handler;

import io.tributary.api.auth.Permission;
import io.tributary.api.auth.UserPrincipal;
import io.tributary.engine.auth.AccessControl;
import io.tributary.engine.session.RtspSession;
import io.tributary.rtsp.header.SessionHeader;
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
import java.util.Objects;
import java.util.Set;
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
    /** RTSP 1.0 methods that RFC 7826 left out of core RTSP 2.0 (publishing is a 1.0 feature here). */
    private static final Set<String> NOT_IN_2_0 = Set.of("ANNOUNCE", "RECORD");
    private final Map<String, MethodHandler> handlers = new LinkedHashMap<>();
    private final Engine engine;
    private final AccessControl access;
    private final String server;
    private final String publicMethods;
    private final String publicMethods2;

    public Dispatcher(Engine engine, AccessControl access, String server) {
        this.engine = engine;
        this.access = access;
        this.server = server;
        ParameterHandler parameters = new ParameterHandler();
        handlers.put("DESCRIBE", new DescribeHandler(engine));
        handlers.put("SETUP", new SetupHandler(engine));
        handlers.put("PLAY", new PlayHandler(engine));
        handlers.put("PAUSE", new PauseHandler());
        handlers.put("TEARDOWN", new TeardownHandler(engine));
        handlers.put("ANNOUNCE", new AnnounceHandler(engine));
        handlers.put("RECORD", new RecordHandler(engine));
        handlers.put("GET_PARAMETER", parameters);
        handlers.put("SET_PARAMETER", parameters);
        this.publicMethods = "OPTIONS, " + String.join(", ", handlers.keySet());
        this.publicMethods2 = "OPTIONS, " + String.join(", ", handlers.keySet().stream()
                .filter(method -> !NOT_IN_2_0.contains(method)).toList());
        handlers.put("OPTIONS", new OptionsHandler(publicMethods, publicMethods2));
    }

    /** Answers one request; the stage always completes normally with a response. */
    public CompletionStage<RtspResponse> dispatch(RtspRequest request, ClientConnection connection) {
        CompletionStage<RtspResponse> outcome;
        try {
            outcome = route(request, connection);
        } catch (RuntimeException e) {
            outcome = CompletableFuture.failedFuture(e);
        }
        return outcome.handle((response, error) -> finish(request,
                pipelined(request, connection, response != null ? response : failure(request, error))));
    }

    private CompletionStage<RtspResponse> route(RtspRequest request, ClientConnection connection) {
        boolean version2 = request.version() == RtspVersion.RTSP_2_0; // its CSeq is checked by the decoder
        MethodHandler handler = version2 && NOT_IN_2_0.contains(request.method()) ? null : handlers.get(request.method());
        if (handler == null) {
            throw new RtspException(RtspStatus.NOT_IMPLEMENTED, version2 && NOT_IN_2_0.contains(request.method())
                    ? request.method() + " is not part of RTSP/2.0; use RTSP/1.0 to publish" : "method not implemented");
        }
        OptionTags.checkRequired(request);
        String sessionId = sessionId(request);
        String pipelined = version2 ? PipelinedRequests.id(request.header(RtspHeaders.PIPELINED_REQUESTS)) : null;
        if (sessionId == null && pipelined != null) {
            sessionId = connection.pipelined().session(pipelined);
        }
        RequestContext bare = new RequestContext(request, RequestUrl.parse(request.uri()), connection,
                sessionId, null, null);
        RtspSession named = bare.sessionId() == null ? null : engine.sessions().find(bare.sessionId());
        if (named != null && named.version() != request.version()) {
            throw new RtspException(RtspStatus.BAD_REQUEST, "this session was set up with " + named.version());
        }
        Permission permission = handler.permission(bare, named);
        if (permission == null) {
            // nothing to authorize, so no user is known: a session is recognised by its client's address
            return handler.handle(bare.withAccess(null, named != null && sameHost(named, connection) ? named : null));
        }
        String path = named != null ? named.path() : bare.url().path();
        AccessControl.Ask ask = new AccessControl.Ask(permission, path, request.method(), request.uri(),
                request.header(RtspHeaders.AUTHORIZATION), connection.remote(), connection.local(),
                connection.secure(), connection.protocol(), connection.loop());
        return access.check(ask).thenComposeAsync(user -> handler.handle(
                bare.withAccess(user.orElse(null), owned(named, connection, user.orElse(null), request))),
                connection.loop());
    }

    /**
     * The named session when it is this client's: made from the same address by the same user.
     * A session id used by anyone else is answered as unknown (454) and logged, without the id,
     * so that a leaked id is useless.
     */
    private static RtspSession owned(RtspSession named, ClientConnection connection, UserPrincipal user,
                                     RtspRequest request) {
        if (named == null) {
            return null;
        }
        if (sameHost(named, connection) && Objects.equals(named.user(), user)) {
            return named;
        }
        LOG.warn("{} from {}{} names a session of another client: refused", request.method(),
                connection.remote(), user == null ? " (anonymous)" : " (user " + user.name() + ")");
        return null;
    }

    private static boolean sameHost(RtspSession session, ClientConnection connection) {
        return session.client().getAddress().equals(connection.remote().getAddress());
    }

    /**
     * RTSP 2.0 pipelining (RFC 7826 §18.33): the response names the id back; the session a
     * pipelined SETUP created is bound to it, and later pipelined requests of the id get it named.
     */
    private static RtspResponse pipelined(RtspRequest request, ClientConnection connection, RtspResponse response) {
        String value = request.header(RtspHeaders.PIPELINED_REQUESTS);
        if (request.version() != RtspVersion.RTSP_2_0 || value == null) {
            return response;
        }
        String id;
        try {
            id = PipelinedRequests.id(value);
        } catch (RtspException malformed) {
            return response; // answered 400 already
        }
        RtspResponse out = response.header(RtspHeaders.PIPELINED_REQUESTS, id);
        String session = response.header(RtspHeaders.SESSION);
        if (response.code() < 300 && session != null) {
            connection.pipelined().bind(id, SessionHeader.parse(session).id());
        } else if (response.code() < 300 && request.header(RtspHeaders.SESSION) == null
                && !"TEARDOWN".equals(request.method())) {
            String bound = connection.pipelined().session(id);
            if (bound != null) {
                out = out.header(RtspHeaders.SESSION, bound);
            }
        }
        return out;
    }

    /** The id of the request's {@code Session} header; 400 when it is malformed. */
    private static String sessionId(RtspRequest request) {
        String value = request.header(RtspHeaders.SESSION);
        return value == null ? null : SessionHeader.parse(value).id();
    }

    /** A response for a request that failed: its status, and the reason as a plain-text body. */
    public RtspResponse failure(RtspRequest request, Throwable error) {
        Throwable cause = error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
        RtspVersion version = request.version();
        if (cause instanceof RtspException rtsp) {
            LOG.debug("{} {} -> {} {}", request.method(), request.uri(), rtsp.status().code(), rtsp.getMessage());
            RtspStatus status = version == RtspVersion.RTSP_2_0 && rtsp.status() == RtspStatus.KEY_MANAGEMENT_FAILURE
                    ? RtspStatus.KEY_MANAGEMENT_ERROR : rtsp.status(); // RFC 7826 renumbered it
            RtspResponse response = RtspResponse.of(version, status)
                    .body("text/plain", (rtsp.getMessage() + "\r\n").getBytes(StandardCharsets.UTF_8));
            for (int i = 0; i < rtsp.headers().size(); i++) {
                response = response.header(rtsp.headers().name(i), rtsp.headers().value(i));
            }
            if (rtsp.status() == RtspStatus.NOT_IMPLEMENTED || rtsp.status() == RtspStatus.METHOD_NOT_ALLOWED) {
                response = response.header(RtspHeaders.PUBLIC,
                        version == RtspVersion.RTSP_2_0 ? publicMethods2 : publicMethods);
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
        if (out.code() < 300 && out.header(RtspHeaders.SESSION) == null && !"TEARDOWN".equals(request.method())) {
            String session = request.header(RtspHeaders.SESSION);
            if (session != null) {
                out = out.header(RtspHeaders.SESSION, SessionHeader.parse(session).id());
            }
        }
        return out;
    }
}
