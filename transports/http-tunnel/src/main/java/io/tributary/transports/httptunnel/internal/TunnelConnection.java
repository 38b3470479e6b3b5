package io.tributary.transports.httptunnel.internal;

import io.tributary.api.transport.ConnectionHandler;
import io.tributary.api.transport.ControlConnection;
import io.tributary.api.transport.RtspInput;
import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Future;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One connection of RTSP over HTTP: reads its request head, then is either a tunnel's GET (it
 * carries the RTSP connection's responses and media out) or one of its POSTs (its base64 body
 * is decoded and fed to that RTSP connection), or is refused with an HTTP status. Every call
 * comes on the connection's I/O thread; {@link #attach} and {@link #closeFromElsewhere} are the
 * two ways other connections reach it, and both go through that thread.
 *
 * <p>The cookie joins the two halves of a tunnel, so whoever knows it and the client's address
 * may talk in the session: it is never logged.
 */
final class TunnelConnection implements ConnectionHandler {
    private static final Logger LOG = LoggerFactory.getLogger(TunnelConnection.class);
    /** The header that names the tunnel. */
    static final String COOKIE = "x-sessioncookie";
    /** Cookies are 22 to 32 characters in every client seen; this leaves room and bounds the registry. */
    static final int MAX_COOKIE_LENGTH = 128;
    /** Body bytes a POST may send while it waits for its GET: a few requests, not a stream. */
    static final int MAX_WAITING_BYTES = 64 * 1024;
    /** Decoded bytes fed to the RTSP connection at a time. */
    private static final int FEED_CHUNK = 4096;

    private enum State {
        /** Reading the request head. */
        HEAD,
        /** A tunnel's GET: the connection carries RTSP. */
        GET,
        /** A POST waiting for its GET, or for the tunnel's previous POST to close. */
        WAITING,
        /** A POST feeding its tunnel. */
        POST,
        /** Refused or closed: what arrives is ignored. */
        DONE
    }

    /** What the registry knows this connection as, which its closing must undo. */
    private enum Role {
        NONE,
        GET,
        POST
    }

    private final Tunnels tunnels;
    private final TunnelSettings settings;
    /** Until the head is read; then dropped, as a tunnel lives long and there may be thousands. */
    private HttpHeadDecoder headDecoder = new HttpHeadDecoder();
    private ControlConnection connection;
    private State state = State.HEAD;
    private Role role = Role.NONE;
    private String cookie;
    private Future<?> deadline;
    private ByteBuffer held;
    private Base64Stream body;
    private ByteBuffer decoded;
    private RtspInput input;

    TunnelConnection(Tunnels tunnels, TunnelSettings settings) {
        this.tunnels = tunnels;
        this.settings = settings;
    }

    InetAddress client() {
        return connection.info().remote().getAddress();
    }

    boolean secure() {
        return connection.info().secure();
    }

    @Override
    public void opened(ControlConnection opened) {
        connection = opened;
        if (!tunnels.track(this)) {
            state = State.DONE;
            connection.close();
            return;
        }
        // the engine's request timeout ended with detection: a head trickled in byte by byte is ours to bound
        deadline = connection.schedule(settings.pairingTimeout(), () -> {
            if (state == State.HEAD) {
                LOG.debug("closing HTTP connection from {}: no complete request head in {} s", client(),
                        settings.pairingTimeout().toSeconds());
                refuse(HttpStatus.REQUEST_TIMEOUT, "the request head did not arrive in time");
            }
        });
    }

    @Override
    public void received(ByteBuffer bytes) {
        switch (state) {
            case HEAD -> readHead(bytes);
            case WAITING -> hold(bytes);
            case POST -> feed(bytes);
            case GET, DONE -> {
                // a GET's own bytes after its head, or anything after a refusal: not read
            }
        }
    }

    @Override
    public void closed() {
        state = State.DONE;
        cancelDeadline();
        tunnels.untrack(this);
        if (role == Role.GET) {
            for (TunnelConnection post : tunnels.getClosed(cookie, this)) {
                post.closeFromElsewhere();
            }
            LOG.debug("RTSP over HTTP from {}: tunnel closed", client());
        } else if (role == Role.POST) {
            Tunnels.Handover next = tunnels.postClosed(cookie, this);
            if (next != null) {
                next.post().attach(next.input());
            }
        }
    }

    /** Hands a waiting POST its tunnel's input (from any thread). */
    void attach(RtspInput tunnelInput) {
        connection.schedule(Duration.ZERO, () -> attached(tunnelInput));
    }

    /** Refuses a waiting POST whose cookie a GET from another client took (from any thread). */
    void refuseFromElsewhere() {
        connection.schedule(Duration.ZERO, () -> {
            if (state == State.WAITING) {
                LOG.warn("refused a POST from {}: its tunnel was opened by another client", client());
                refuse(HttpStatus.FORBIDDEN, "this tunnel belongs to another client");
            }
        });
    }

    /** Closes this connection because its tunnel ended (from any thread). */
    void closeFromElsewhere() {
        connection.close();
    }

    private void readHead(ByteBuffer bytes) {
        HttpHeadDecoder.Result result = headDecoder.decode(bytes);
        if (!(result instanceof HttpHeadDecoder.Result.NeedMore)) {
            headDecoder = null;
        }
        switch (result) {
            case HttpHeadDecoder.Result.NeedMore more -> {
            }
            case HttpHeadDecoder.Result.Failed failed -> {
                LOG.debug("refused an HTTP request from {}: {}", client(), failed.reason());
                refuse(failed.status(), failed.reason());
            }
            case HttpHeadDecoder.Result.Done done -> start(done.head(), bytes);
        }
    }

    private void start(HttpHead head, ByteBuffer rest) {
        cancelDeadline();
        boolean get = head.method().equals("GET");
        if (!get && !head.method().equals("POST")) {
            refuse(HttpStatus.METHOD_NOT_ALLOWED, "only RTSP over HTTP is served here: GET and POST");
            return;
        }
        List<String> cookies = head.values(COOKIE);
        if (cookies.isEmpty()) {
            refuse(HttpStatus.BAD_REQUEST, "only RTSP over HTTP is served here: the request has no x-sessioncookie");
            return;
        }
        if (cookies.stream().distinct().count() > 1 || !validCookie(cookies.get(0))) {
            refuse(HttpStatus.BAD_REQUEST, "the x-sessioncookie must be one value of 1 to " + MAX_COOKIE_LENGTH
                    + " visible characters");
            return;
        }
        cookie = cookies.get(0);
        if (get) {
            startGet();
        } else {
            startPost(rest);
        }
    }

    private void startGet() {
        RtspInput carried = connection.carryRtsp();
        Tunnels.GetOutcome outcome = tunnels.openGet(cookie, this, carried);
        if (outcome.foreignPost() != null) {
            outcome.foreignPost().refuseFromElsewhere();
        }
        if (outcome.status() != HttpStatus.OK) {
            LOG.debug("refused a tunnel's GET from {}: {}", client(), outcome.reason());
            refuse(outcome.status(), outcome.reason());
            return;
        }
        state = State.GET;
        role = Role.GET;
        connection.write(HttpReply.tunnel());
        LOG.debug("RTSP over HTTP from {}: tunnel open", client());
        if (outcome.attach() != null) {
            outcome.attach().attach(carried);
        } else {
            deadline = connection.schedule(settings.pairingTimeout(), () -> {
                if (state == State.GET && tunnels.unpaired(cookie, this)) {
                    LOG.debug("closing a tunnel's GET from {}: no POST came in {} s", client(),
                            settings.pairingTimeout().toSeconds());
                    close();
                }
            });
        }
    }

    private void startPost(ByteBuffer rest) {
        switch (tunnels.openPost(cookie, this)) {
            case Tunnels.PostOutcome.Attached attached -> {
                state = State.POST;
                role = Role.POST;
                startFeeding(attached.input());
                feed(rest);
            }
            case Tunnels.PostOutcome.Waiting waiting -> {
                state = State.WAITING;
                role = Role.POST;
                hold(rest);
                deadline = connection.schedule(waiting.patience(), this::patienceRanOut);
            }
            case Tunnels.PostOutcome.Refused refused -> {
                if (refused.suspicious()) {
                    LOG.warn("refused a POST from {}: {}", client(), refused.reason());
                } else {
                    LOG.debug("refused a POST from {}: {}", client(), refused.reason());
                }
                refuse(refused.status(), refused.reason());
            }
        }
    }

    private void patienceRanOut() {
        if (state != State.WAITING) {
            return;
        }
        switch (tunnels.expire(cookie, this)) {
            case ATTACHED -> {
                // the hand-over task follows on this thread
            }
            case CLOSE -> {
                LOG.debug("closing a POST from {}: its GET did not come in {} s", client(),
                        settings.pairingTimeout().toSeconds());
                close();
            }
            case REFUSE -> {
                LOG.warn("refused a POST from {}: this tunnel's POST is open", client());
                refuse(HttpStatus.FORBIDDEN, "this tunnel's POST is open");
            }
        }
    }

    private void attached(RtspInput tunnelInput) {
        if (state != State.WAITING) {
            return;
        }
        cancelDeadline();
        state = State.POST;
        startFeeding(tunnelInput);
        if (held != null) {
            ByteBuffer early = held.flip();
            held = null;
            feed(early);
        }
    }

    private void startFeeding(RtspInput tunnelInput) {
        input = tunnelInput;
        body = new Base64Stream();
        decoded = ByteBuffer.allocate(FEED_CHUNK);
    }

    /** Keeps what a waiting POST sends, up to a bound. */
    private void hold(ByteBuffer bytes) {
        if (!bytes.hasRemaining()) {
            return;
        }
        int total = (held == null ? 0 : held.position()) + bytes.remaining();
        if (total > MAX_WAITING_BYTES) {
            LOG.debug("closing a POST from {}: it sent more than {} bytes before its tunnel was ready", client(),
                    MAX_WAITING_BYTES);
            close();
            return;
        }
        if (held == null || held.remaining() < bytes.remaining()) {
            ByteBuffer larger = ByteBuffer.allocate(Math.min(MAX_WAITING_BYTES, 2 * total));
            if (held != null) {
                larger.put(held.flip());
            }
            held = larger;
        }
        held.put(bytes);
    }

    /** Decodes a POST's body and feeds the requests to the tunnel's RTSP connection. */
    private void feed(ByteBuffer bytes) {
        while (state == State.POST && bytes.hasRemaining()) {
            decoded.clear();
            boolean valid = body.decode(bytes, decoded);
            decoded.flip();
            // what came before a bad byte is the client's too: it is fed, then the POST ends
            if (decoded.hasRemaining() && !input.feed(decoded)) {
                LOG.debug("closing a POST from {}: its tunnel's RTSP connection is closed or not reading", client());
                close();
                return;
            }
            if (!valid) {
                LOG.debug("closing a POST from {}: its body is not base64", client());
                close();
                return;
            }
        }
    }

    private void refuse(HttpStatus status, String text) {
        state = State.DONE;
        connection.write(HttpReply.refusal(status, text));
        connection.close();
    }

    private void close() {
        state = State.DONE;
        connection.close();
    }

    private void cancelDeadline() {
        if (deadline != null) {
            deadline.cancel(false);
            deadline = null;
        }
    }

    private static boolean validCookie(String value) {
        if (value.isEmpty() || value.length() > MAX_COOKIE_LENGTH) {
            return false;
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c <= ' ' || c >= 0x7f) {
                return false;
            }
        }
        return true;
    }
}
