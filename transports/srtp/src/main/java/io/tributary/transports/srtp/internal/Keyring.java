package io.tributary.transports.srtp.internal;

import com.github.benmanes.caffeine.cache.Ticker;
import io.tributary.api.transport.KeyingContext;
import io.tributary.api.transport.TransportContext;
import io.tributary.rtsp.message.RtspException;
import io.tributary.rtsp.message.RtspStatus;
import io.tributary.rtsp.mikey.CryptoSession;
import io.tributary.rtsp.mikey.MikeySrtp;
import io.tributary.rtsp.mikey.MikeyWriter;
import io.tributary.rtsp.sdp.CryptoAttribute;
import io.tributary.rtsp.srtp.MasterKey;
import io.tributary.rtsp.srtp.SrtpPolicy;
import java.security.SecureRandom;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;

/**
 * The keys the server hands out in DESCRIBE and finds again at SETUP.
 *
 * <ul>
 * <li>A live track (readers share its SSRC and sequence numbers) has one key for all its
 *     readers ({@link StreamKeys}), described with the SSRC and the rollover counter the
 *     stream's sender is at.</li>
 * <li>A live track of a path matching {@code perReaderKeys}, and a file (each session has its
 *     own timeline and an SSRC chosen only at SETUP), get a key per DESCRIBE, found again by
 *     the SETUP on the same connection ({@link PendingKeys}); each session then has a sender
 *     of its own starting at rollover counter 0.</li>
 * </ul>
 */
final class Keyring {
    static final int MAX_STREAM_KEYS = 10_000;
    static final int MAX_PENDING_KEYS = 100_000;
    /** The tag of the SDES attribute: one key offered, so tag 1. */
    private static final int SDES_TAG = 1;

    private final SrtpSettings settings;
    private final SecureRandom random;
    private final InstantSource clock;
    private final StreamKeys streams;
    private final PendingKeys pending;

    Keyring(SrtpSettings settings, SecureRandom random, InstantSource clock, Ticker ticker) {
        this(settings, random, clock, ticker, MAX_STREAM_KEYS, MAX_PENDING_KEYS);
    }

    Keyring(SrtpSettings settings, SecureRandom random, InstantSource clock, Ticker ticker, int maxStreamKeys,
            int maxPendingKeys) {
        this.settings = settings;
        this.random = random;
        this.clock = clock;
        this.streams = new StreamKeys(maxStreamKeys, ticker, id -> new StreamKey(id, newKey(), ticker.read()));
        this.pending = new PendingKeys(maxPendingKeys, ticker);
    }

    SrtpSettings settings() {
        return settings;
    }

    /** The SDP attribute lines of one described track: its key in MIKEY, and in SDES when configured. */
    List<String> describe(KeyingContext track) {
        if (sharesStreamKey(track.sharedStream(), track.path())) {
            StreamKey key = streams.describe(new StreamKey.Id(track.path(), track.track(), track.ssrc()));
            return lines(key.policy(), List.of(new CryptoSession(0, track.ssrc(), key.protector().rolloverCounter())));
        }
        SrtpPolicy key = newKey();
        pending.put(new PendingKeys.Id(track.connection(), track.path(), track.track()), key);
        // a file's SSRC is chosen at SETUP: the map stays empty and the key serves any SSRC
        return lines(key, track.sharedStream() ? List.of(new CryptoSession(0, track.ssrc(), 0)) : List.of());
    }

    /**
     * The key of the track a SETUP binds: the one described to this client.
     *
     * @throws RtspException 463 when none was (the client did not DESCRIBE over RTSPS, or too long ago)
     */
    TrackKey setup(TransportContext context) {
        if (sharesStreamKey(context.sharedStream(), context.path())) {
            StreamKey key = streams.acquire(new StreamKey.Id(context.path(), context.track(), context.ssrc()));
            if (key == null) {
                throw noKey(context);
            }
            return new TrackKey(key.protector(), key, () -> { }, () -> streams.release(key));
        }
        PendingKeys.Id id = new PendingKeys.Id(context.control(), context.path(), context.track());
        SrtpPolicy key = pending.find(id);
        if (key == null) {
            throw noKey(context);
        }
        return new TrackKey(new PacketProtector(key, context.ssrc()), null, () -> pending.remove(id, key), () -> { });
    }

    private boolean sharesStreamKey(boolean sharedStream, String path) {
        return sharedStream && !settings.perReader(path);
    }

    private SrtpPolicy newKey() {
        return SrtpPolicy.of(settings.profile(), MasterKey.random(random));
    }

    private List<String> lines(SrtpPolicy key, List<CryptoSession> sessions) {
        List<String> lines = new ArrayList<>(2);
        lines.add("key-mgmt:mikey " + MikeyWriter.writeBase64(MikeySrtp.message(key, sessions, random, clock.instant())));
        if (settings.sdes()) {
            lines.add("crypto:" + CryptoAttribute.of(SDES_TAG, key).format());
        }
        return lines;
    }

    private static RtspException noKey(TransportContext context) {
        return new RtspException(RtspStatus.KEY_MANAGEMENT_FAILURE, "no SRTP key was described for track "
                + context.track() + " of " + context.path() + " on this connection: DESCRIBE it over RTSPS first");
    }

    StreamKeys streams() {
        return streams;
    }

    PendingKeys pending() {
        return pending;
    }
}
