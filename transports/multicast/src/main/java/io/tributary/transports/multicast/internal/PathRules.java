package io.tributary.transports.multicast.internal;

import io.tributary.api.path.PathPattern;
import io.tributary.rtsp.header.TransportSpec;
import java.util.ArrayList;
import java.util.List;

/**
 * Which paths may be multicast and which only multicast: the transport policy of the
 * multicast transport, asked by the engine for each spec a client offers.
 *
 * @param live          live paths that may be multicast when a client asks for it
 * @param multicastOnly paths whose media only multicast may carry (any other transport is refused)
 * @param files         files that may be multicast (a group per session)
 */
record PathRules(List<PathPattern> live, List<PathPattern> multicastOnly, List<PathPattern> files) {
    PathRules {
        live = List.copyOf(live);
        multicastOnly = List.copyOf(multicastOnly);
        files = List.copyOf(files);
    }

    /**
     * Reads patterns as configured: each value holds one or more patterns separated by commas
     * or spaces (a .cfg line gives one value, the web console one value per pattern); blank
     * values are nothing.
     *
     * @param name the configuration key, for the error message
     * @throws IllegalArgumentException naming the key and the bad pattern
     */
    static List<PathPattern> patterns(String name, String[] values) {
        List<PathPattern> patterns = new ArrayList<>();
        for (String value : values == null ? new String[0] : values) {
            for (String item : value.split("[,\\s]+")) {
                if (item.isEmpty()) {
                    continue;
                }
                try {
                    patterns.add(PathPattern.parse(item));
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException(name + ": " + e.getMessage(), e);
                }
            }
        }
        return patterns;
    }

    /**
     * Why {@code spec} may not carry {@code path}'s media, or null. Multicast (this transport's
     * profile) where it is not offered: refused, so that the engine takes the client's next spec;
     * anything else on a multicast-only path: refused, with a reason that says what to ask for.
     */
    String refusal(String path, TransportSpec spec, boolean live) {
        if (spec.multicast()) {
            return MulticastTransport.PROFILE_KEY.equals(spec.profileKey()) ? multicastRefusal(path, live) : null;
        }
        if (matches(multicastOnly, path)) {
            return path + " is served by multicast only: SETUP with Transport: RTP/AVP;multicast";
        }
        return null;
    }

    /** Why {@code path} may not be multicast, or null when it may. */
    String multicastRefusal(String path, boolean live) {
        if (matches(multicastOnly, path)) {
            return null;
        }
        if (live) {
            return matches(this.live, path) ? null : "multicast is not offered for " + path;
        }
        return matches(files, path) ? null
                : path + " is a file: it has a timeline per session, and multicast is offered for files only"
                        + " where configured (vodPaths)";
    }

    private static boolean matches(List<PathPattern> patterns, String path) {
        for (PathPattern pattern : patterns) {
            if (pattern.matches(path)) {
                return true;
            }
        }
        return false;
    }
}
