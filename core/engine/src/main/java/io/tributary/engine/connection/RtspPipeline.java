package io.tributary.engine.connection;

import io.netty.channel.ChannelPipeline;
import io.netty.handler.timeout.IdleStateHandler;
import io.tributary.api.transport.ControlListener;
import io.tributary.engine.auth.LoginFailures;
import io.tributary.engine.handler.Dispatcher;
import io.tributary.engine.session.SessionManager;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * The handlers of one control connection: idle detection, admission, then either RTSP at
 * once or a {@link ProtocolDetector} that finds out what the client speaks (TLS, later RTSP
 * over HTTP) and puts the right handlers in its place.
 */
public final class RtspPipeline {
    /**
     * What every connection shares.
     *
     * @param idleSeconds           how long a connection without a session may stay silent
     * @param requestTimeoutSeconds how long a request, once begun, may take to arrive
     * @param dispatcher            answers requests
     * @param sessions              the session pool
     * @param limits                connection counts per client
     * @param failures              failed logins: blocked addresses are disconnected at once
     * @param listeners             the control listeners recognised on the RTSP port, in ranking order
     */
    public record Shared(int idleSeconds, int requestTimeoutSeconds, Dispatcher dispatcher, SessionManager sessions,
                         ConnectionLimits limits, LoginFailures failures, Supplier<List<ControlListener>> listeners) {
    }

    private RtspPipeline() {
    }

    /** A connection to the RTSP port: another protocol when a listener recognises it, else RTSP. */
    public static void install(ChannelPipeline pipeline, Shared shared) {
        addFront(pipeline, shared);
        addInner(pipeline, "admission", shared, shared.listeners().get(), false);
    }

    /** A connection to a listener's own port (RTSPS on 322): that protocol or nothing. */
    public static void installDedicated(ChannelPipeline pipeline, Shared shared, ControlListener listener) {
        addFront(pipeline, shared);
        pipeline.addLast("detect", new ProtocolDetector(shared, List.of(listener), true, false));
    }

    private static void addFront(ChannelPipeline pipeline, Shared shared) {
        pipeline.addLast("idle", new IdleStateHandler(shared.idleSeconds(), 0, 0))
                .addLast("admission", new ClientAdmission(shared.limits(), shared.failures()));
    }

    /** After {@code after}: detection among {@code listeners} when there are any, else RTSP at once. */
    static void addInner(ChannelPipeline pipeline, String after, Shared shared, List<ControlListener> listeners,
                         boolean secure) {
        if (listeners.isEmpty()) {
            addRtsp(pipeline, after, shared, secure);
        } else {
            pipeline.addAfter(after, after + "-detect", new ProtocolDetector(shared, listeners, false, secure));
        }
    }

    /** RTSP framing and the connection, after the handler named {@code after}. */
    static void addRtsp(ChannelPipeline pipeline, String after, Shared shared, boolean secure) {
        pipeline.addAfter(after, "rtsp-decoder",
                        new RtspFrameDecoder(TimeUnit.SECONDS.toNanos(shared.requestTimeoutSeconds())))
                .addAfter("rtsp-decoder", "rtsp-connection", new RtspConnection(shared, secure));
    }
}
