package io.tributary.sources.file.internal;

import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Wall-clock anchors configured by the administrator (RFC 2326 §3.7 seeks by {@code clock=}):
 * {@code cameras/front/2026-11-24.mp4=2026-11-24T00:00:00Z} says when that file's media starts,
 * {@code cameras/front/=2026-11-24T00:00:00Z} does so for every file under that folder without an
 * entry of its own (the longest matching entry wins). Paths are relative to the media directory.
 * A file's own creation time, when its container has one, comes first; an anchor is for files
 * that have none (MPEG-TS, most files written by cameras). Malformed entries are logged and ignored.
 */
final class ClockAnchors {
    private static final Logger LOG = LoggerFactory.getLogger(ClockAnchors.class);
    /** Entries kept: the configuration is the administrator's, but a bound keeps lookups cheap. */
    static final int MAX_ENTRIES = 1024;

    private final Path mediaDirectory;
    private final Map<String, Instant> anchors = new LinkedHashMap<>();

    ClockAnchors(Path mediaDirectory, String[] entries) {
        this.mediaDirectory = mediaDirectory.normalize();
        for (String entry : entries == null ? new String[0] : entries) {
            int eq = entry.lastIndexOf('=');
            if (eq <= 0) {
                LOG.warn("wallClockAnchors: '{}' is not <path>=<UTC time>; ignored", entry);
                continue;
            }
            String path = entry.substring(0, eq).strip();
            try {
                Instant at = Instant.parse(entry.substring(eq + 1).strip());
                if (anchors.size() == MAX_ENTRIES) {
                    LOG.warn("wallClockAnchors: more than {} entries; '{}' and later ones ignored", MAX_ENTRIES, path);
                    break;
                }
                anchors.put(path.startsWith("/") ? path.substring(1) : path, at);
            } catch (DateTimeParseException e) {
                LOG.warn("wallClockAnchors: '{}' is not a UTC time such as 2026-11-24T10:15:00Z; ignored",
                        entry.substring(eq + 1).strip());
            }
        }
    }

    /** The anchor configured for {@code file}: its own entry, else its nearest folder's. */
    Optional<Instant> of(Path file) {
        Path absolute = file.normalize();
        if (anchors.isEmpty() || !absolute.startsWith(mediaDirectory)) {
            return Optional.empty();
        }
        String relative = mediaDirectory.relativize(absolute).toString().replace('\\', '/');
        Instant own = anchors.get(relative);
        if (own != null) {
            return Optional.of(own);
        }
        for (int slash = relative.lastIndexOf('/'); slash >= 0; slash = relative.lastIndexOf('/', slash - 1)) {
            Instant folder = anchors.get(relative.substring(0, slash + 1));
            if (folder != null) {
                return Optional.of(folder);
            }
            if (slash == 0) {
                break;
            }
        }
        return Optional.ofNullable(anchors.get(""));
    }

    int size() {
        return anchors.size();
    }
}
