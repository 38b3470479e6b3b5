package io.tributary.api.source;

import java.io.IOException;
import java.util.List;
import java.util.Optional;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * Resolves request paths to media sources. Register as an OSGi service with
 * {@link #SCHEME} naming the kind of source ({@code file}, {@code publish}, {@code rtsp}).
 * The engine asks providers in service-ranking order; the first that answers wins.
 *
 * <p>Calls may block (file system, network): the engine never calls a provider on an I/O thread.
 */
@ConsumerType
public interface MediaSourceProvider {
    /** Service property: the kind of source this provider opens. */
    String SCHEME = "tributary.source.scheme";

    /**
     * Opens the source for a path, or returns empty when this provider does not serve it.
     *
     * @param path the request path, decoded, starting with {@code /}, without query
     *             (e.g. {@code /vod/clip.mp4})
     * @throws IOException when the path is this provider's but cannot be opened (bad file)
     */
    Optional<MediaSource> open(String path) throws IOException;

    /**
     * How the paths this provider serves from an origin it connects to or waits for (relayed
     * cameras, publishers) are doing, for operators; providers of always-there media (files)
     * need not report. Must not block: called from the console and shell.
     */
    default List<SourceStatus> statuses() {
        return List.of();
    }
}
