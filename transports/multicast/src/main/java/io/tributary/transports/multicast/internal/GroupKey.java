package io.tributary.transports.multicast.internal;

/**
 * What a group carries: one track of one path for one address family, and for a file also one
 * session (its timeline is its own). Readers with equal keys share the group.
 *
 * @param ipv6    whether the group is an IPv6 one (for clients connected over IPv6)
 * @param path    the path
 * @param track   the track index
 * @param session the session of a file's group; null for a live path's group, which every reader shares
 */
record GroupKey(boolean ipv6, String path, int track, String session) {

    boolean shared() {
        return session == null;
    }

    /** For logs: never the session id. */
    @Override
    public String toString() {
        return path + " track " + track + (shared() ? "" : " (a file: one session's own group)");
    }
}
