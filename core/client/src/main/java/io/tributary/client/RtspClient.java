package io.tributary.client;

import io.netty.channel.EventLoopGroup;
import io.tributary.client.RtspClientException.Kind;
import io.tributary.client.internal.ClientChannels;
import io.tributary.client.internal.ClientContext;
import io.tributary.client.internal.DefaultClientSession;
import io.tributary.client.internal.RtspUrl;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Makes RTSP client sessions on the caller's event loops. One client serves any number of
 * sessions (a relay with hundreds of cameras uses one); each session lives on one loop of
 * the group, and sessions share nothing that one dead or slow server could hold up: no lock,
 * no bounded pool. Host names are resolved on threads of their own (lookups block), which
 * exist only while lookups run.
 *
 * <pre>{@code
 * RtspClient client = new RtspClient(group);
 * client.connect("rtsp://user:pw@cam/stream", listener)
 *       .thenCompose(s -> s.playAll(LowerTransport.TCP, null));
 * }</pre>
 *
 * <p>Closing the client stops its lookup threads; sessions are closed by whoever holds them,
 * and the group belongs to the caller.
 */
public final class RtspClient implements AutoCloseable {
    private final EventLoopGroup group;
    private final ClientContext context;
    private final ThreadPoolExecutor resolver;

    public RtspClient(EventLoopGroup group) {
        this(group, RtspClientOptions.defaults());
    }

    public RtspClient(EventLoopGroup group, RtspClientOptions options) {
        this.group = Objects.requireNonNull(group, "group");
        AtomicInteger n = new AtomicInteger();
        // unbounded on purpose: a name server that hangs must not queue other cameras' lookups
        this.resolver = new ThreadPoolExecutor(0, Integer.MAX_VALUE, 30, TimeUnit.SECONDS, new SynchronousQueue<>(),
                r -> {
                    Thread t = new Thread(r, "tributary-rtsp-resolve-" + n.incrementAndGet());
                    t.setDaemon(true);
                    return t;
                });
        this.context = new ClientContext(ClientChannels.forGroup(group), Objects.requireNonNull(options, "options"),
                resolver);
    }

    public RtspClientOptions options() {
        return context.options();
    }

    /** Connects to {@code url} with no media listener (OPTIONS, DESCRIBE, publishing). */
    public CompletionStage<ClientSession> connect(String url) {
        return connect(url, MediaListener.NONE);
    }

    /**
     * Opens the control connection to {@code url} ({@code rtsp://[user[:password]@]host[:port]/path});
     * nothing is sent yet. The stage fails with an {@link RtspClientException} of step
     * {@code connect} (kind {@code CONNECT_FAILED} or {@code TIMEOUT}).
     *
     * @param listener receives the session's media and its end; called on the session's loop
     */
    public CompletionStage<ClientSession> connect(String url, MediaListener listener) {
        Objects.requireNonNull(listener, "listener");
        RtspUrl parsed;
        try {
            parsed = RtspUrl.parse(url);
        } catch (IllegalArgumentException e) {
            return CompletableFuture.failedFuture(new RtspClientException(Kind.CONNECT_FAILED, "connect",
                    RtspUrl.redact(url), "invalid URL: " + e.getMessage()));
        }
        return new DefaultClientSession(context, group.next(), parsed, listener).connect();
    }

    @Override
    public void close() {
        resolver.shutdown();
    }
}
