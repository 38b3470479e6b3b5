package io.tributary.transports.srtp.internal;

import java.util.Objects;

/**
 * The key one SETUP protects its track with.
 *
 * @param protector what protects the packets
 * @param sharedAs  the stream key when every reader of the stream shares the protection (one
 *                  protected copy per frame), or null when this track's protection is its own
 * @param bound     runs when the track is bound (the key is taken)
 * @param release   runs when the binding closes or the SETUP fails
 */
record TrackKey(PacketProtector protector, StreamKey sharedAs, Runnable bound, Runnable release) {
    TrackKey {
        Objects.requireNonNull(protector, "protector");
        Objects.requireNonNull(bound, "bound");
        Objects.requireNonNull(release, "release");
    }
}
