package io.tributary.sources.file.internal;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Maps request paths to files: {@code <vodPrefix><relative path>} to a file under the media
 * directory, and the demo path to the demo file. Refuses (debug-logged) relative paths that
 * could leave the media directory or reveal what should not be served: {@code ..} and
 * {@code .} segments, empty segments (so no absolute path), backslashes, NUL, and hidden
 * names (starting with a dot). Symbolic links inside the media directory are followed: they
 * are the administrator's choice.
 */
final class MediaPaths {
    private static final Logger LOG = LoggerFactory.getLogger(MediaPaths.class);

    private final Path mediaDirectory;
    private final String vodPrefix;
    private final String demoPath;
    private final Path demoFile;

    /** A file to serve; {@code demo} for the demo clip. */
    record Target(Path file, boolean demo) {
    }

    /**
     * @param mediaDirectory absolute directory served under {@code vodPrefix}
     * @param vodPrefix      request path prefix, starting and ending with {@code /}
     * @param demoPath       request path of the demo clip; blank for none
     * @param demoFile       absolute path of the demo clip
     */
    MediaPaths(Path mediaDirectory, String vodPrefix, String demoPath, Path demoFile) {
        this.mediaDirectory = mediaDirectory.normalize();
        this.vodPrefix = vodPrefix;
        this.demoPath = demoPath;
        this.demoFile = demoFile.normalize();
    }

    /** The existing regular file a request path names, or empty. */
    Optional<Target> resolve(String path) {
        if (!demoPath.isBlank() && path.equals(demoPath)) {
            return existing(demoFile, path).map(file -> new Target(file, true));
        }
        if (!path.startsWith(vodPrefix)) {
            return Optional.empty();
        }
        String relative = path.substring(vodPrefix.length());
        String refusal = refusal(relative);
        if (refusal != null) {
            LOG.debug("refusing {}: {}", printable(path), refusal);
            return Optional.empty();
        }
        Path file = mediaDirectory.resolve(relative).normalize();
        if (!file.startsWith(mediaDirectory)) {
            LOG.debug("refusing {}: outside the media directory", printable(path));
            return Optional.empty();
        }
        return existing(file, path).map(f -> new Target(f, false));
    }

    Path mediaDirectory() {
        return mediaDirectory;
    }

    Path demoFile() {
        return demoFile;
    }

    private static String refusal(String relative) {
        if (relative.isEmpty()) {
            return "no file name";
        }
        if (relative.indexOf('\0') >= 0 || relative.indexOf('\\') >= 0) {
            return "NUL or backslash";
        }
        for (String segment : relative.split("/", -1)) {
            if (segment.isEmpty()) {
                return "empty segment or absolute path";
            }
            if (segment.charAt(0) == '.') {
                return "'.', '..' or hidden name";
            }
        }
        return null;
    }

    private static Optional<Path> existing(Path file, String path) {
        if (Files.isRegularFile(file)) {
            return Optional.of(file);
        }
        LOG.debug("{}: no file {}", printable(path), file);
        return Optional.empty();
    }

    /** The path with control characters escaped, safe for a log line. */
    private static String printable(String path) {
        StringBuilder sb = new StringBuilder(path.length());
        path.chars().forEach(c -> sb.append(c < 0x20 || c == 0x7F ? String.format("\\x%02x", c) : String.valueOf((char) c)));
        return sb.toString();
    }
}
