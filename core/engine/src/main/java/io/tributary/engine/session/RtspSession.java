package io.tributary.engine.session;

import io.tributary.api.auth.UserPrincipal;
import io.tributary.api.transport.ControlChannel;
import io.tributary.engine.path.SharedSource;
import io.tributary.engine.publish.Recording;
import io.tributary.rtsp.message.RtspVersion;
import java.net.InetSocketAddress;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ScheduledExecutorService;

/**
 * An RTSP session (RFC 2326 §3): the tracks a client set up on one path and their
 * playback. A session is independent of TCP connections; it is confined to one event
 * loop ({@link #executor()}), on which all its state changes happen.
 */
public final class RtspSession {
    /** RFC 2326 Appendix A server states. */
    public enum State { READY, PLAYING, RECORDING }

    private final String id;
    private final String path;
    private final InetSocketAddress client;
    private final UserPrincipal user;
    private final SharedSource source;
    private final ScheduledExecutorService executor;
    private final int timeoutSeconds;
    private final Map<Integer, SessionTrack> tracks = new TreeMap<>();
    private final Instant created = Instant.now();
    private volatile long lastActivityNanos = System.nanoTime();
    private volatile State state = State.READY;
    /** Whether it ever played or recorded: until then it is only a reservation. */
    private volatile boolean started;
    private volatile boolean ended;
    private ControlChannel ownerConnection;
    private ControlChannel setupConnection;
    private Playback playback;
    private volatile Recording recording;
    private volatile RtspVersion version = RtspVersion.RTSP_1_0;
    /** Where the server's own requests about this session go (RTSP 2.0); null until PLAY. */
    private volatile Notices notices;

    /**
     * Where and how to tell the client about its session (RTSP 2.0 PLAY_NOTIFY, TEARDOWN).
     *
     * @param connection the connection of the client's last PLAY
     * @param url        the aggregate URL it plays
     * @param playCseq   the CSeq of that PLAY, for {@code Request-Status}
     */
    public record Notices(ServerRequests connection, String url, Integer playCseq) {
    }

    RtspSession(String id, String path, InetSocketAddress client, UserPrincipal user, SharedSource source,
                ScheduledExecutorService executor, int timeoutSeconds) {
        this.id = id;
        this.path = path;
        this.client = client;
        this.user = user;
        this.source = source;
        this.executor = executor;
        this.timeoutSeconds = timeoutSeconds;
    }

    public String id() {
        return id;
    }

    /**
     * The session for log lines: the first 8 digits of its id, enough to follow it through a log
     * and useless to take it over (logs travel further than the console, which shows whole ids).
     */
    public String label() {
        return "session " + id.substring(0, Math.min(8, id.length())) + "…";
    }

    public String path() {
        return path;
    }

    public InetSocketAddress client() {
        return client;
    }

    /** The user who made the session (null: anonymous); only they may use it. */
    public UserPrincipal user() {
        return user;
    }

    public SharedSource source() {
        return source;
    }

    /** The event loop this session's state and playback live on. */
    public ScheduledExecutorService executor() {
        return executor;
    }

    public Instant created() {
        return created;
    }

    public int timeoutSeconds() {
        return timeoutSeconds;
    }

    public State state() {
        return state;
    }

    public void state(State value) {
        state = value;
        if (value != State.READY) {
            started = true;
        }
    }

    public boolean ended() {
        return ended;
    }

    void markEnded() {
        ended = true;
    }

    /** Any request with this session, or RTCP from its client, keeps it alive. */
    public void touch() {
        lastActivityNanos = System.nanoTime();
    }

    /**
     * Idle too long. A session that played or recorded inside an open RTSP connection lives as
     * long as the connection does; one only set up (never played) times out like any other, or a
     * silent connection could hold a client's whole session allowance.
     */
    boolean expired(long nowNanos) {
        ControlChannel owner = ownerConnection();
        if (started && owner != null && owner.isOpen()) {
            return false;
        }
        return nowNanos - lastActivityNanos > timeoutSeconds * 1_000_000_000L;
    }

    /** The set-up tracks in track order. */
    public synchronized Map<Integer, SessionTrack> tracks() {
        return java.util.Collections.unmodifiableMap(new TreeMap<>(tracks));
    }

    public synchronized SessionTrack track(int index) {
        return tracks.get(index);
    }

    public synchronized void addTrack(SessionTrack track) {
        tracks.put(track.index(), track);
    }

    /** The connection whose closing ends this session (TCP interleaved), or null. */
    public synchronized ControlChannel ownerConnection() {
        return ownerConnection;
    }

    public synchronized void ownerConnection(ControlChannel connection) {
        ownerConnection = connection;
    }

    /** The connection the session was set up on (UDP sessions too), kept open while the session lives. */
    public synchronized ControlChannel setupConnection() {
        return setupConnection;
    }

    public synchronized void setupConnection(ControlChannel connection) {
        if (setupConnection == null) {
            setupConnection = connection;
        }
    }

    public synchronized Playback playback() {
        return playback;
    }

    public synchronized void playback(Playback value) {
        playback = value;
    }

    /** The publisher side of a session set up with {@code mode=record}, or null for readers. */
    public Recording recording() {
        return recording;
    }

    public void recording(Recording value) {
        recording = value;
    }

    /** The RTSP version the session was set up with; its requests must keep it. */
    public RtspVersion version() {
        return version;
    }

    public void version(RtspVersion value) {
        version = value;
    }

    /** Where the server's requests about this session go, or null (not played yet, or RTSP 1.0). */
    public Notices notices() {
        return notices;
    }

    public void notices(Notices value) {
        notices = value;
    }

    /** Transport profile of the first track, for logs and events. */
    public synchronized String transportName() {
        return tracks.isEmpty() ? "-" : tracks.values().iterator().next().binding().reply().profileKey();
    }
}
