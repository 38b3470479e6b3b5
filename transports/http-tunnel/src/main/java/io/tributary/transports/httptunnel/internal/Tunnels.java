package io.tributary.transports.httptunnel.internal;

import io.tributary.api.transport.RtspInput;
import java.net.InetAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The tunnels of this server by cookie, and the rules that join a POST to its GET: the same
 * cookie, the same client address (a cookie seen on the wire is not enough to inject requests
 * into someone's session) and the same security (requests that came in the clear must not pass
 * for ones that came through TLS). One POST at a time per tunnel; a client may close its POST
 * and open another. A POST may come before its GET and wait for it.
 *
 * <p>GETs and POSTs come on different I/O threads, so every decision is made under this
 * object's lock; the connections are written to and closed by the caller, after it, on their
 * own threads. Tunnels are counted (server-wide and per client address) from the first of
 * their requests, so POSTs that wait count too.
 */
final class Tunnels {
    /**
     * How long a second POST waits for the tunnel's open one to close: a client that closes its
     * POST and opens the next at once can be seen in the other order, the two sockets being
     * read on different threads.
     */
    static final Duration REOPEN_GRACE = Duration.ofMillis(500);

    /**
     * What to do with a GET.
     *
     * @param status      {@link HttpStatus#OK} when it opened a tunnel, else the refusal
     * @param reason      why it was refused
     * @param attach      a POST that waited for it, to be handed its input; or null
     * @param foreignPost a POST that waited under its cookie from another client, to refuse; or null
     */
    record GetOutcome(HttpStatus status, String reason, TunnelConnection attach, TunnelConnection foreignPost) {
    }

    /** What to do with a POST. */
    sealed interface PostOutcome {
        /** Feed what it carries into {@code input}. */
        record Attached(RtspInput input) implements PostOutcome {
        }

        /** Wait up to {@code patience} for {@link TunnelConnection#attach}, then ask {@link #expire}. */
        record Waiting(Duration patience) implements PostOutcome {
        }

        /** Answer with {@code status} and close; {@code suspicious} when it named a tunnel that is not its client's. */
        record Refused(HttpStatus status, String reason, boolean suspicious) implements PostOutcome {
        }
    }

    /** A POST that waited and may now feed {@code input}. */
    record Handover(TunnelConnection post, RtspInput input) {
    }

    /** What a waiting POST whose patience ran out does. */
    enum Expiry {
        /** Nothing: it was attached meanwhile and its hand-over is on the way. */
        ATTACHED,
        /** Close: its GET never came. */
        CLOSE,
        /** Refuse (403): the tunnel's other POST stayed open. */
        REFUSE
    }

    /** One tunnel; guarded by the registry's lock. */
    private static final class Tunnel {
        final InetAddress client;
        final boolean secure;
        TunnelConnection get;
        RtspInput input;
        TunnelConnection post;
        TunnelConnection waiting;
        boolean paired;

        Tunnel(InetAddress client, boolean secure) {
            this.client = client;
            this.secure = secure;
        }

        boolean sameClient(TunnelConnection connection) {
            return client.equals(connection.client()) && secure == connection.secure();
        }
    }

    private final TunnelSettings settings;
    private final Map<String, Tunnel> tunnels = new HashMap<>();
    private final Map<InetAddress, Integer> perClient = new HashMap<>();
    private final Set<TunnelConnection> live = new HashSet<>();
    private boolean closed;

    Tunnels(TunnelSettings settings) {
        this.settings = settings;
    }

    /** Counts a new connection in; {@code false} once {@link #closeAll()} was called. */
    synchronized boolean track(TunnelConnection connection) {
        return !closed && live.add(connection);
    }

    synchronized void untrack(TunnelConnection connection) {
        live.remove(connection);
    }

    /** Forgets every tunnel and refuses new ones; returns every connection, for the caller to close. */
    synchronized List<TunnelConnection> closeAll() {
        closed = true;
        List<TunnelConnection> all = List.copyOf(live);
        live.clear();
        tunnels.clear();
        perClient.clear();
        return all;
    }

    /** A GET under {@code cookie} that carries RTSP with {@code input}. */
    synchronized GetOutcome openGet(String cookie, TunnelConnection get, RtspInput input) {
        if (closed) {
            return new GetOutcome(HttpStatus.SERVICE_UNAVAILABLE, "RTSP over HTTP is stopping", null, null);
        }
        Tunnel tunnel = tunnels.get(cookie);
        TunnelConnection foreign = null;
        if (tunnel != null && tunnel.get != null) {
            return new GetOutcome(HttpStatus.CONFLICT, "this x-sessioncookie belongs to an open tunnel", null, null);
        }
        if (tunnel != null && tunnel.sameClient(get)) {
            // its POST came first
            tunnel.get = get;
            tunnel.input = input;
            tunnel.post = tunnel.waiting;
            tunnel.waiting = null;
            tunnel.paired = true;
            return new GetOutcome(HttpStatus.OK, null, tunnel.post, null);
        }
        if (tunnel != null) {
            // a POST from elsewhere waited under this cookie: the GET owns the tunnel
            foreign = tunnel.waiting;
            remove(cookie, tunnel);
        }
        String full = full(get.client());
        if (full != null) {
            return new GetOutcome(HttpStatus.SERVICE_UNAVAILABLE, full, null, foreign);
        }
        tunnel = add(cookie, get);
        tunnel.get = get;
        tunnel.input = input;
        return new GetOutcome(HttpStatus.OK, null, null, foreign);
    }

    /** A POST under {@code cookie}. */
    synchronized PostOutcome openPost(String cookie, TunnelConnection post) {
        if (closed) {
            return new PostOutcome.Refused(HttpStatus.SERVICE_UNAVAILABLE, "RTSP over HTTP is stopping", false);
        }
        Tunnel tunnel = tunnels.get(cookie);
        if (tunnel == null) {
            String full = full(post.client());
            if (full != null) {
                return new PostOutcome.Refused(HttpStatus.SERVICE_UNAVAILABLE, full, false);
            }
            add(cookie, post).waiting = post;
            return new PostOutcome.Waiting(settings.pairingTimeout());
        }
        if (!tunnel.sameClient(post)) {
            return new PostOutcome.Refused(HttpStatus.FORBIDDEN, "this tunnel belongs to another client", true);
        }
        if (tunnel.get == null) {
            return new PostOutcome.Refused(HttpStatus.FORBIDDEN, "another POST waits for this tunnel's GET", true);
        }
        if (tunnel.post == null) {
            tunnel.post = post;
            tunnel.paired = true;
            return new PostOutcome.Attached(tunnel.input);
        }
        if (tunnel.waiting == null) {
            tunnel.waiting = post;
            return new PostOutcome.Waiting(REOPEN_GRACE.compareTo(settings.pairingTimeout()) < 0
                    ? REOPEN_GRACE : settings.pairingTimeout());
        }
        return new PostOutcome.Refused(HttpStatus.FORBIDDEN, "this tunnel's POST is open", true);
    }

    /** A waiting POST's patience ran out. */
    synchronized Expiry expire(String cookie, TunnelConnection post) {
        Tunnel tunnel = tunnels.get(cookie);
        if (tunnel == null || tunnel.waiting != post) {
            return Expiry.ATTACHED;
        }
        tunnel.waiting = null;
        if (tunnel.get == null) {
            remove(cookie, tunnel);
            return Expiry.CLOSE;
        }
        return Expiry.REFUSE;
    }

    /** Whether a GET still has had no POST (it gave up waiting when so). */
    synchronized boolean unpaired(String cookie, TunnelConnection get) {
        Tunnel tunnel = tunnels.get(cookie);
        return tunnel != null && tunnel.get == get && !tunnel.paired;
    }

    /** A tunnel's GET closed: the tunnel ends; returns its POSTs, for the caller to close. */
    synchronized List<TunnelConnection> getClosed(String cookie, TunnelConnection get) {
        Tunnel tunnel = tunnels.get(cookie);
        if (tunnel == null || tunnel.get != get) {
            return List.of();
        }
        remove(cookie, tunnel);
        List<TunnelConnection> posts = new ArrayList<>(2);
        if (tunnel.post != null) {
            posts.add(tunnel.post);
        }
        if (tunnel.waiting != null) {
            posts.add(tunnel.waiting);
        }
        return posts;
    }

    /** A POST closed: the tunnel goes on; returns a POST that waited to take its place, or null. */
    synchronized Handover postClosed(String cookie, TunnelConnection post) {
        Tunnel tunnel = tunnels.get(cookie);
        if (tunnel == null) {
            return null;
        }
        if (tunnel.post == post) {
            tunnel.post = tunnel.waiting;
            tunnel.waiting = null;
            return tunnel.post == null ? null : new Handover(tunnel.post, tunnel.input);
        }
        if (tunnel.waiting == post) {
            tunnel.waiting = null;
            if (tunnel.get == null) {
                remove(cookie, tunnel);
            }
        }
        return null;
    }

    /** How many tunnels there are (with POSTs waiting for their GET). */
    synchronized int size() {
        return tunnels.size();
    }

    /** Why {@code client} may not open another tunnel, or null when it may. */
    private String full(InetAddress client) {
        if (tunnels.size() >= settings.maxTunnels()) {
            return "the server has " + settings.maxTunnels() + " tunnels open";
        }
        if (perClient.getOrDefault(client, 0) >= settings.maxTunnelsPerClient()) {
            return "this client has " + settings.maxTunnelsPerClient() + " tunnels open";
        }
        return null;
    }

    private Tunnel add(String cookie, TunnelConnection first) {
        Tunnel tunnel = new Tunnel(first.client(), first.secure());
        tunnels.put(cookie, tunnel);
        perClient.merge(tunnel.client, 1, Integer::sum);
        return tunnel;
    }

    private void remove(String cookie, Tunnel tunnel) {
        tunnels.remove(cookie);
        perClient.computeIfPresent(tunnel.client, (client, count) -> count == 1 ? null : count - 1);
    }
}
