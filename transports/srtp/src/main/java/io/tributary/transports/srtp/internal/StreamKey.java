package io.tributary.transports.srtp.internal;

import io.tributary.rtsp.srtp.SrtpPolicy;

/**
 * The key every reader of one live track shares, with the stream's one sender. It is also
 * what identifies the protected copy of a frame ({@link io.tributary.api.transport.RtpFrame#transformed}):
 * by identity, so that a new key (after expiry) never finds a copy made under the old one.
 */
final class StreamKey {
    /** A live track: readers of a path share its SSRC and sequence numbers, so it has one key. */
    record Id(String path, int track, long ssrc) {
    }

    private final Id id;
    private final SrtpPolicy policy;
    private final PacketProtector protector;
    /** Bindings using the key; guarded by {@link StreamKeys}. */
    int users;
    /** When the key was last described or last left unused; guarded by {@link StreamKeys}. */
    long idleSinceNanos;

    StreamKey(Id id, SrtpPolicy policy, long nowNanos) {
        this.id = id;
        this.policy = policy;
        this.protector = new PacketProtector(policy, id.ssrc());
        this.idleSinceNanos = nowNanos;
    }

    Id id() {
        return id;
    }

    SrtpPolicy policy() {
        return policy;
    }

    PacketProtector protector() {
        return protector;
    }

    @Override
    public String toString() {
        return "StreamKey[" + id.path() + " track " + id.track() + "]";
    }
}
