package io.tributary.client.internal;

import io.netty.bootstrap.Bootstrap;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.ConnectTimeoutException;
import io.netty.channel.EventLoop;
import io.netty.channel.WriteBufferWaterMark;
import io.netty.util.NetUtil;
import io.tributary.client.Credentials;
import io.tributary.client.RtspClientException;
import io.tributary.client.RtspClientException.Kind;
import io.tributary.client.RtspClientOptions;
import io.tributary.client.SessionEnd;
import io.tributary.rtsp.header.Challenge;
import io.tributary.rtsp.message.Decoded;
import io.tributary.rtsp.message.RtspEncoder;
import io.tributary.rtsp.message.RtspHeaders;
import io.tributary.rtsp.message.RtspRequest;
import io.tributary.rtsp.message.RtspResponse;
import io.tributary.rtsp.message.RtspStatus;
import io.tributary.rtsp.message.RtspVersion;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One RTSP control connection: connects (resolving names off the event loop), numbers
 * requests, matches responses to them, times them out, answers 401 once with credentials,
 * and reconnects for the next request when a server said {@code Connection: close}.
 * Everything but {@link #writeInterleaved} runs on the session's event loop.
 */
final class ControlConnection {
    private static final Logger LOG = LoggerFactory.getLogger(ControlConnection.class);

    /** What the connection reports to its session. Called on the event loop. */
    interface Owner {
        void onInterleaved(int channel, ByteBuffer payload);

        /** A request got no answer in time; it has already failed with {@code error}. */
        void onResponseTimeout(Outgoing request, RtspClientException error);

        /** The connection is gone for good (closed, reset, unreadable bytes). */
        void onConnectionLost(SessionEnd.Reason reason, RtspClientException error);

        /** Whether a closed connection may be replaced for the next request: no media rides on it. */
        boolean mayReconnect();
    }

    private final ClientContext context;
    private final RtspClientOptions options;
    private final EventLoop loop;
    private final RtspUrl url;
    private final Credentials credentials;
    private final Owner owner;
    private final PendingRequests pending;

    private volatile Channel channel;
    private InetSocketAddress address;
    private CompletableFuture<Void> connecting;
    /** The last response said {@code Connection: close}: the next request needs a new connection. */
    private boolean closeAnnounced;
    private boolean closed;
    private Throwable lastFailure;
    private int nextCseq = 1;
    private String sessionId;
    private Authenticator authenticator;

    ControlConnection(ClientContext context, EventLoop loop, RtspUrl url, Credentials credentials, Owner owner) {
        this.context = context;
        this.options = context.options();
        this.loop = loop;
        this.url = url;
        this.credentials = credentials;
        this.owner = owner;
        this.pending = new PendingRequests(options.maxPendingRequests());
    }

    /** Connects (again); completes on the loop, fails with a {@code connect} RtspClientException. */
    CompletableFuture<Void> connect() {
        if (connecting != null) {
            return connecting;
        }
        long deadline = System.nanoTime() + options.connectTimeout().toNanos();
        CompletableFuture<Void> done = new CompletableFuture<>();
        connecting = done;
        resolve().whenComplete((resolved, error) -> onLoop(done, () -> {
            if (error != null) {
                connecting = null;
                done.completeExceptionally(connectError(error));
                return;
            }
            address = resolved;
            long leftMillis = Math.max(1, TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime()));
            open(resolved, (int) Math.min(Integer.MAX_VALUE, leftMillis)).addListener((ChannelFuture f) -> {
                connecting = null;
                if (!f.isSuccess()) {
                    done.completeExceptionally(connectError(f.cause()));
                    return;
                }
                if (closed) {
                    f.channel().close();
                    done.completeExceptionally(closedError("connect"));
                    return;
                }
                channel = f.channel();
                closeAnnounced = false;
                lastFailure = null;
                done.complete(null);
            });
        }));
        return done;
    }

    /** An IP literal at once; a name on the resolver executor, because lookups block. */
    private CompletableFuture<InetSocketAddress> resolve() {
        if (address != null) {
            return CompletableFuture.completedFuture(address);
        }
        byte[] literal = NetUtil.createByteArrayFromIpAddressString(url.host());
        if (literal != null) {
            try {
                return CompletableFuture.completedFuture(
                        new InetSocketAddress(InetAddress.getByAddress(url.host(), literal), url.port()));
            } catch (UnknownHostException e) {
                return CompletableFuture.failedFuture(e);
            }
        }
        try {
            return CompletableFuture.supplyAsync(() -> {
                try {
                    return new InetSocketAddress(InetAddress.getByName(url.host()), url.port());
                } catch (UnknownHostException e) {
                    throw new CompletionException(e);
                }
            }, context.resolver()).orTimeout(options.connectTimeout().toMillis(), TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException e) {
            return CompletableFuture.failedFuture(new IllegalStateException("the client is closed", e));
        }
    }

    /** Runs {@code task} on the loop, or fails {@code done} when the loop no longer runs tasks. */
    private void onLoop(CompletableFuture<Void> done, Runnable task) {
        try {
            loop.execute(task);
        } catch (RejectedExecutionException e) {
            connecting = null;
            done.completeExceptionally(new RtspClientException(Kind.CLOSED, "connect", url.requestUrl(),
                    "event loop shut down", null, e));
        }
    }

    private ChannelFuture open(InetSocketAddress to, int timeoutMillis) {
        int high = options.writeBufferHighWater();
        return new Bootstrap().group(loop).channel(context.channels().socket())
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, timeoutMillis)
                .option(ChannelOption.TCP_NODELAY, true)
                .option(ChannelOption.SO_KEEPALIVE, true)
                .option(ChannelOption.WRITE_BUFFER_WATER_MARK, new WriteBufferWaterMark(high / 2, high))
                .handler(new ChannelInitializer<>() {
                    @Override
                    protected void initChannel(Channel ch) {
                        ch.pipeline().addLast(new ControlChannelHandler(options.limits(), new Events(ch)));
                    }
                })
                .connect(to);
    }

    private RtspClientException connectError(Throwable t) {
        Throwable cause = t instanceof CompletionException && t.getCause() != null ? t.getCause() : t;
        long ms = options.connectTimeout().toMillis();
        if (cause instanceof RtspClientException e) {
            return e;
        }
        if (cause instanceof ConnectTimeoutException || cause instanceof TimeoutException) {
            return new RtspClientException(Kind.TIMEOUT, "connect", url.requestUrl(),
                    "no connection within " + ms + " ms", null, cause);
        }
        String detail;
        if (cause instanceof UnknownHostException) {
            detail = "unknown host " + url.host();
        } else if (cause instanceof ConnectException) {
            detail = "connection refused";
        } else {
            detail = String.valueOf(cause.getMessage());
        }
        return new RtspClientException(Kind.CONNECT_FAILED, "connect", url.requestUrl(), detail, null, cause);
    }

    void sessionId(String id) {
        this.sessionId = id;
    }

    boolean idle() {
        return pending.isEmpty();
    }

    InetSocketAddress remoteAddress() {
        Channel ch = channel;
        return ch == null ? address : (InetSocketAddress) ch.remoteAddress();
    }

    InetSocketAddress localAddress() {
        Channel ch = channel;
        return ch == null ? null : (InetSocketAddress) ch.localAddress();
    }

    /** Sends a request; the stage completes with any response (status unchecked) on the loop. */
    CompletableFuture<RtspResponse> send(Outgoing request) {
        CompletableFuture<RtspResponse> promise = new CompletableFuture<>();
        send(request, promise, 0);
        return promise;
    }

    private void send(Outgoing request, CompletableFuture<RtspResponse> promise, int attempt) {
        if (closed) {
            promise.completeExceptionally(closedError(request.step()));
            return;
        }
        Channel ch = channel;
        if (closeAnnounced && ch != null) {
            // the server is closing this one after its last answer; do not race it
            channel = null;
            ch.close();
            ch = null;
        }
        if (ch == null || !ch.isActive()) {
            if (closeAnnounced && owner.mayReconnect()) {
                connect().whenComplete((v, error) -> {
                    if (error != null) {
                        promise.completeExceptionally(error);
                    } else {
                        send(request, promise, attempt);
                    }
                });
            } else {
                promise.completeExceptionally(closedError(request.step()));
            }
            return;
        }
        if (pending.full()) {
            promise.completeExceptionally(new RtspClientException(Kind.LIMIT, request.step(), request.uri(),
                    options.maxPendingRequests() + " requests already await a response"));
            return;
        }
        int cseq = nextCseq++;
        RtspRequest wire = new RtspRequest(request.method(), request.uri(), RtspVersion.RTSP_1_0,
                headers(request, cseq), request.body());
        PendingRequests.Pending p = new PendingRequests.Pending(cseq, request, promise, attempt);
        pending.add(p);
        p.timeout = loop.schedule(() -> timedOut(cseq), options.responseTimeout().toMillis(), TimeUnit.MILLISECONDS);
        ch.writeAndFlush(Unpooled.wrappedBuffer(RtspEncoder.encode(wire))).addListener((ChannelFuture f) -> {
            if (!f.isSuccess()) {
                PendingRequests.Pending gone = pending.remove(cseq);
                if (gone != null) {
                    gone.cancelTimeout();
                    gone.promise.completeExceptionally(new RtspClientException(Kind.CLOSED, request.step(),
                            request.uri(), "could not send: " + f.cause().getMessage(), null, f.cause()));
                }
            }
        });
    }

    private RtspHeaders headers(Outgoing request, int cseq) {
        RtspHeaders h = RtspHeaders.of(RtspHeaders.CSEQ, Integer.toString(cseq),
                RtspHeaders.USER_AGENT, options.userAgent());
        if (sessionId != null) {
            h = h.add(RtspHeaders.SESSION, sessionId);
        }
        if (authenticator != null) {
            h = h.add(RtspHeaders.AUTHORIZATION,
                    authenticator.authorization(request.method(), request.uri(), request.body()));
        }
        RtspHeaders extra = request.headers();
        for (int i = 0; i < extra.size(); i++) {
            h = h.add(extra.name(i), extra.value(i));
        }
        return h;
    }

    private void timedOut(int cseq) {
        PendingRequests.Pending p = pending.remove(cseq);
        if (p == null) {
            return;
        }
        RtspClientException error = new RtspClientException(Kind.TIMEOUT, p.request.step(), p.request.uri(),
                "no response within " + options.responseTimeout().toMillis() + " ms");
        p.promise.completeExceptionally(error);
        owner.onResponseTimeout(p.request, error);
    }

    private void onResponse(RtspResponse response) {
        PendingRequests.Pending p = pending.take(response.cseq());
        if (p == null) {
            LOG.debug("{}: dropped a response nobody waits for (CSeq {})", url, response.header(RtspHeaders.CSEQ));
            return;
        }
        p.cancelTimeout();
        if (announcesClose(response.header("Connection"))) {
            closeAnnounced = true;
        }
        if (response.code() == RtspStatus.UNAUTHORIZED.code() && p.attempt == 0 && credentials != null) {
            List<Challenge> challenges = Challenge.parseAll(response.headers().getAll(RtspHeaders.WWW_AUTHENTICATE));
            Authenticator chosen = Authenticators.choose(challenges, credentials, Authenticators::randomCnonce);
            if (chosen != null) {
                LOG.debug("{}: {} answered 401{}; retrying with {}", url, p.request.step(),
                        Authenticators.stale(challenges) ? " (stale nonce)" : "", chosen.describe());
                authenticator = chosen;
                send(p.request, p.promise, 1);
                return;
            }
        }
        p.promise.complete(response);
    }

    /** {@code Connection: close}, also inside a token list such as {@code Keep-Alive, close}. */
    private static boolean announcesClose(String connection) {
        if (connection != null) {
            for (String token : connection.split(",")) {
                if (token.trim().equalsIgnoreCase("close")) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Servers may ask too (OPTIONS, GET_PARAMETER as keep-alive): agree to those, decline the rest. */
    private void onServerRequest(Channel ch, RtspRequest request) {
        boolean known = request.method().equals("OPTIONS") || request.method().equals("GET_PARAMETER");
        RtspResponse answer = RtspResponse.of(RtspVersion.RTSP_1_0, known ? RtspStatus.OK : RtspStatus.NOT_IMPLEMENTED)
                .header(RtspHeaders.CSEQ, request.header(RtspHeaders.CSEQ));
        LOG.debug("{}: server sent {}; answered {}", url, request.method(), answer.code());
        ch.writeAndFlush(Unpooled.wrappedBuffer(RtspEncoder.encode(answer)));
    }

    /**
     * Writes one {@code $}-framed packet. Any thread; never blocks: drops (false) when the
     * connection is gone, the packet is too large, or the write buffer is over its high mark.
     */
    boolean writeInterleaved(int interleavedChannel, ByteBuffer packet) {
        Channel ch = channel;
        int n = packet.remaining();
        if (ch == null || n > 0xFFFF || !ch.isWritable()) {
            return false;
        }
        ByteBuf frame = ch.alloc().buffer(4 + n);
        frame.writeByte('$').writeByte(interleavedChannel).writeShort(n).writeBytes(packet.duplicate());
        ch.writeAndFlush(frame, ch.voidPromise());
        return true;
    }

    /** Closes for good; pending requests fail with {@code why}. */
    void close(String why) {
        closed = true;
        Channel ch = channel;
        channel = null;
        for (PendingRequests.Pending p : pending.drain()) {
            p.cancelTimeout();
            p.promise.completeExceptionally(new RtspClientException(Kind.CLOSED, p.request.step(), p.request.uri(),
                    why));
        }
        if (ch != null) {
            ch.close();
        }
    }

    /** Writes then closes (a parting TEARDOWN); nothing waits for an answer. */
    void sendAndClose(Outgoing request) {
        Channel ch = channel;
        if (ch != null && ch.isActive()) {
            RtspRequest wire = new RtspRequest(request.method(), request.uri(), RtspVersion.RTSP_1_0,
                    headers(request, nextCseq++), request.body());
            ch.writeAndFlush(Unpooled.wrappedBuffer(RtspEncoder.encode(wire)));
        }
    }

    private RtspClientException closedError(String step) {
        return new RtspClientException(Kind.CLOSED, step, url.requestUrl(),
                closed ? "session closed" : "connection closed", null, lastFailure);
    }

    private void lost(Channel ch) {
        if (ch != channel || closed) {
            return; // an old connection we replaced, or our own close
        }
        channel = null;
        String why = lastFailure == null ? "connection closed by the server"
                : "connection lost: " + lastFailure.getMessage();
        for (PendingRequests.Pending p : pending.drain()) {
            p.cancelTimeout();
            p.promise.completeExceptionally(new RtspClientException(Kind.CLOSED, p.request.step(), p.request.uri(),
                    why, null, lastFailure));
        }
        if (closeAnnounced && owner.mayReconnect()) {
            LOG.debug("{}: server closed the connection as announced; the next request reconnects", url);
            return;
        }
        owner.onConnectionLost(SessionEnd.Reason.CONNECTION_CLOSED,
                new RtspClientException(Kind.CLOSED, "read", url.requestUrl(), why, null, lastFailure));
    }

    /** Routes one channel's events, ignoring those of a connection already replaced. */
    private final class Events implements ControlChannelHandler.Events {
        private final Channel ch;

        Events(Channel ch) {
            this.ch = ch;
        }

        @Override
        public void onDecoded(Decoded message) {
            if (ch != channel || closed) {
                return;
            }
            switch (message) {
                case Decoded.Response r -> onResponse(r.response());
                case Decoded.Interleaved i -> owner.onInterleaved(i.channel(), i.payload());
                case Decoded.Request r -> onServerRequest(ch, r.request());
                case Decoded.Malformed m -> {
                    if (m.fatal()) {
                        owner.onConnectionLost(SessionEnd.Reason.PROTOCOL_ERROR, new RtspClientException(
                                Kind.PROTOCOL, "read", url.requestUrl(), "unreadable response: " + m.reason()));
                    } else {
                        LOG.debug("{}: skipped unreadable input: {}", url, m.reason());
                    }
                }
            }
        }

        @Override
        public void onInactive() {
            lost(ch);
        }

        @Override
        public void onFailure(Throwable cause) {
            if (ch == channel) {
                lastFailure = cause;
            }
            LOG.debug("{}: connection failed", url, cause);
        }
    }
}
